import { Alert, Box, Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileRef } from '../../../core/contract/common';
import type { CommitResult, ImportKind, Mapping } from '../../../core/contract/commands/import';
import type { JobEvent } from '../../../core/contract/events';
import { call, subscribe } from '../api/client';
import { useApp } from '../AppContext';
import { DropZone } from '../components/import/DropZone';
import { FileCard } from '../components/import/FileCard';
import { ImportHistory } from '../components/import/ImportHistory';
import type { FileEntry } from '../components/import/types';
import { PageHeader } from '../components/Page';
import { onFilesArrived, takePendingFiles } from '../dropped';
import { num } from '../format';
import { useCommand } from '../hooks/useCommand';

let nextKey = 0;

function newEntry(file: FileRef): FileEntry {
  return { key: `f${nextKey++}`, file, phase: 'inspecting', replace: false, remember: true };
}

/**
 * The Import screen: files dropped anywhere in the window (or chosen) are inspected one by
 * one; the owner checks each file's kind, mapping and first rows, then imports one file or
 * all of them (one job, one transaction). The history below can undo any import.
 */
export function ImportPage() {
  const { notify } = useApp();
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const [createProducts, setCreateProducts] = useState(true);
  const [job, setJob] = useState<{ jobId: string; keys: string[] }>();
  const [historyWarning, setHistoryWarning] = useState<string | null>(null);
  const overview = useCommand('workspace.overview', {});
  const jobRef = useRef(job);
  jobRef.current = job;

  const update = useCallback((key: string, change: Partial<FileEntry> | ((e: FileEntry) => Partial<FileEntry>)) => {
    setEntries((all) => all.map((e) => (e.key === key ? { ...e, ...(typeof change === 'function' ? change(e) : change) } : e)));
  }, []);

  const inspect = useCallback(
    async (key: string, fileId: string, request: { kind?: ImportKind; mapping?: Mapping } = {}) => {
      update(key, { phase: 'inspecting', error: undefined });
      try {
        const inspection = await call('import.inspect', { fileId, ...request });
        update(key, { inspection, mapping: inspection.mapping, phase: 'ready' });
      } catch (err) {
        update(key, { phase: 'error', error: err instanceof Error ? err.message : String(err) });
      }
    },
    [update],
  );

  const addFiles = useCallback(
    (files: FileRef[]) => {
      const added = files.map(newEntry);
      setEntries((all) => [...all, ...added]);
      for (const entry of added) void inspect(entry.key, entry.file.fileId);
    },
    [inspect],
  );

  // After an import or an undo, files still waiting are inspected again (already imported? new products?).
  const entriesRef = useRef(entries);
  entriesRef.current = entries;
  useEffect(
    () =>
      subscribe('workspace.changed', () => {
        for (const e of entriesRef.current) if (e.phase === 'ready' && e.mapping) void inspect(e.key, e.file.fileId, { mapping: e.mapping });
      }),
    [inspect],
  );

  useEffect(() => {
    const pending = takePendingFiles();
    if (pending.length > 0) addFiles(pending);
    return onFilesArrived(addFiles);
  }, [addFiles]);

  // Progress and the end of the running import.
  useEffect(
    () =>
      subscribe('job', (event: JobEvent) => {
        const current = jobRef.current;
        if (!current || event.jobId !== current.jobId) return;
        if (event.state === 'running') {
          setEntries((all) =>
            all.map((e) =>
              current.keys.includes(e.key) && e.file.name === event.stepName
                ? { ...e, progress: { fraction: event.total > 0 ? event.current / event.total : 0, message: event.message } }
                : e,
            ),
          );
          return;
        }
        if (event.state === 'queued') return;
        setJob(undefined);
        if (event.state === 'done') {
          const result = event.result as CommitResult;
          setHistoryWarning(result.historyWarning);
          current.keys.forEach((key, i) => update(key, { phase: 'done', summary: result.files[i], progress: undefined }));
        } else {
          const message = event.state === 'cancelled' ? 'The import was cancelled. Nothing was changed.' : `${event.error?.message ?? 'The import failed.'} Nothing was changed.`;
          for (const key of current.keys) update(key, { phase: 'ready', error: message, progress: undefined });
        }
      }),
    [update],
  );

  const commit = async (keys: string[]) => {
    const chosen = entries.filter((e) => keys.includes(e.key) && e.mapping);
    if (chosen.length === 0) return;
    try {
      const { jobId } = await call('import.commit', {
        files: chosen.map((e) => ({ fileId: e.file.fileId, mapping: e.mapping as Mapping, replace: e.replace, remember: e.remember })),
        createProducts,
      });
      setJob({ jobId, keys: chosen.map((e) => e.key) });
      for (const e of chosen) update(e.key, { phase: 'importing', error: undefined, summary: undefined });
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const ready = entries.filter((e) => e.phase === 'ready' && e.inspection && e.inspection.blockers.length === 0 && (e.inspection.alreadyImported === null || e.replace));
  const historyDays = overview.data?.historyDays;

  return (
    <>
      <PageHeader title="Import" subtitle="Bring in your sales, products, stock and orders. Nothing is stored until you press Import; every import can be undone." />
      <DropZone onPicked={addFiles} />
      {historyWarning ? (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="import-history-warning">
          {historyWarning}
        </Alert>
      ) : historyDays !== undefined && historyDays < 90 && entries.length === 0 ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          This workspace holds {historyDays === 0 ? 'no sales history yet' : `${num(historyDays)} days of sales history`}. With less than 90 days, forecasts will be rough: import as much history as you have.
        </Alert>
      ) : null}
      {entries.length > 0 ? (
        <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
          <Typography variant="body2">
            {entries.length} file{entries.length === 1 ? '' : 's'}
          </Typography>
          {entries.length > 1 ? (
            <Button variant="contained" disabled={ready.length === 0 || job !== undefined} onClick={() => void commit(ready.map((e) => e.key))} data-testid="import-commit-all">
              Import {ready.length} ready file{ready.length === 1 ? '' : 's'} together
            </Button>
          ) : null}
          <FormControlLabel
            control={<Checkbox size="small" checked={createProducts} onChange={(e) => setCreateProducts(e.target.checked)} />}
            label="Add SKUs that are not in my products as new products"
          />
          <Box sx={{ flexGrow: 1 }} />
          <Button size="small" disabled={job !== undefined} onClick={() => setEntries((all) => all.filter((e) => e.phase !== 'done'))}>
            Clear finished
          </Button>
        </Stack>
      ) : null}
      {entries.map((entry) => (
        <FileCard
          key={entry.key}
          entry={entry}
          busy={job !== undefined}
          onKind={(kind) => void inspect(entry.key, entry.file.fileId, { kind })}
          onMapping={(mapping) => {
            update(entry.key, { mapping });
            void inspect(entry.key, entry.file.fileId, { mapping });
          }}
          onOptions={(options) => update(entry.key, options)}
          onImport={() => void commit([entry.key])}
          onRemove={() => {
            setEntries((all) => all.filter((e) => e.key !== entry.key));
            void call('files.release', { fileId: entry.file.fileId }).catch(() => undefined);
          }}
        />
      ))}
      <ImportHistory />
    </>
  );
}
