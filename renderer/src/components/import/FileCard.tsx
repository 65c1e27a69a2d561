import CloseIcon from '@mui/icons-material/Close';
import { Alert, Box, Button, Card, CardContent, Checkbox, Chip, CircularProgress, FormControlLabel, IconButton, LinearProgress, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import type { ImportKind, Mapping } from '../../../../core/contract/commands/import';
import { bytes, date, num } from '../../format';
import { ImportSummary } from './ImportSummary';
import { MappingEditor } from './MappingEditor';
import { PreviewTable } from './PreviewTable';
import type { FileEntry } from './types';

const DELIMITERS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

interface Props {
  entry: FileEntry;
  busy: boolean;
  onKind: (kind: ImportKind) => void;
  onMapping: (mapping: Mapping) => void;
  onOptions: (options: { replace?: boolean; remember?: boolean }) => void;
  onImport: () => void;
  onRemove: () => void;
}

/** One file: what it is, how its columns map, the first rows as they will be stored, then its summary. */
export function FileCard({ entry, busy, onKind, onMapping, onOptions, onImport, onRemove }: Props) {
  const { inspection, mapping, phase } = entry;
  const locked = busy || phase === 'importing' || phase === 'done';
  const fieldOfColumn = (header: string) => {
    const index = inspection?.headers.indexOf(header) ?? -1;
    return Object.entries(mapping?.columns ?? {}).find(([, column]) => column === index)?.[0];
  };
  const blocked = !inspection || inspection.blockers.length > 0 || (inspection.alreadyImported !== null && !entry.replace);
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="import-file-card" data-file={entry.file.name} data-phase={phase}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h3" component="h2" sx={{ mr: 1 }}>
            {entry.file.name}
          </Typography>
          <Chip size="small" label={bytes(entry.file.size)} />
          {inspection ? <Chip size="small" label={`${inspection.encoding}, ${DELIMITERS[inspection.delimiter] ?? inspection.delimiter}-separated${inspection.compressed ? ', gzip' : ''}`} /> : null}
          {inspection?.preset ? <Chip size="small" color="primary" variant="outlined" label={`Layout: ${inspection.preset.name}`} /> : null}
          {inspection?.savedMapping ? <Chip size="small" color="primary" variant="outlined" label="Your saved mapping" /> : null}
          <Box sx={{ flexGrow: 1 }} />
          {phase !== 'importing' ? (
            <Tooltip title="Remove from the list">
              <IconButton aria-label={`Remove ${entry.file.name}`} size="small" onClick={onRemove}>
                <CloseIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          ) : null}
        </Stack>

        {phase === 'inspecting' && !inspection ? (
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
            <CircularProgress size={18} /> <Typography variant="body2">Reading the file…</Typography>
          </Stack>
        ) : null}
        {entry.error ? (
          <Alert severity="error" sx={{ mb: 1 }} data-testid="import-file-error">
            {entry.error}
          </Alert>
        ) : null}

        {inspection && mapping ? (
          <>
            {phase !== 'done' ? (
              <>
                <TextField
                  select
                  size="small"
                  label="This file holds"
                  value={mapping.kind}
                  disabled={locked}
                  onChange={(e) => onKind(e.target.value as ImportKind)}
                  sx={{ minWidth: 360, mb: 2 }}
                  slotProps={{ htmlInput: { 'data-testid': 'import-kind' } }}
                >
                  {inspection.kinds.map((k) => (
                    <MenuItem key={k.kind} value={k.kind}>
                      {k.label}
                    </MenuItem>
                  ))}
                </TextField>
                {inspection.alreadyImported ? (
                  <Alert severity="info" sx={{ mb: 1 }} data-testid="import-already">
                    Already imported on {date(inspection.alreadyImported.at)} (as {inspection.alreadyImported.fileName}).
                    <FormControlLabel
                      sx={{ ml: 1 }}
                      control={<Checkbox size="small" checked={entry.replace} disabled={locked} onChange={(e) => onOptions({ replace: e.target.checked })} />}
                      label="Replace the earlier import"
                    />
                  </Alert>
                ) : null}
                {inspection.blockers.map((b) => (
                  <Alert key={b} severity="error" sx={{ mb: 1 }} data-testid="import-blocker">
                    {b}
                  </Alert>
                ))}
                {inspection.warnings.map((w) => (
                  <Alert key={w} severity="warning" sx={{ mb: 1 }}>
                    {w}
                  </Alert>
                ))}
                <MappingEditor inspection={inspection} mapping={mapping} disabled={locked} onChange={onMapping} />
                {inspection.rejectedRows.some((r) => !inspection.preview.some((p) => p.line === r.line)) ? (
                  <Box data-testid="import-rejected-rows">
                    <Typography variant="h4" component="h3" sx={{ mt: 2, mb: 0.5, fontSize: 16, fontWeight: 600 }}>
                      Rows that would be rejected
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                      {num(inspection.sample.rejected)} of the first {num(inspection.sample.rows)} rows
                      {inspection.rejectedRows.length < inspection.sample.rejected ? ` (the first ${num(inspection.rejectedRows.length)} shown)` : ''}, as written in the file. The rest of the file is checked when you import; every rejected row is then listed and can be exported.
                    </Typography>
                    <PreviewTable rows={inspection.rejectedRows} fields={inspection.fields} fieldOfColumn={fieldOfColumn} label="Rows that would be rejected, with the reason" testId="import-preview-rejected" />
                  </Box>
                ) : null}
                <Typography variant="h4" component="h3" sx={{ mt: 2, mb: 1, fontSize: 16, fontWeight: 600 }}>
                  First rows as they will be stored {phase === 'inspecting' ? <CircularProgress size={14} sx={{ ml: 1 }} /> : null}
                </Typography>
                <PreviewTable rows={inspection.preview} fields={inspection.fields} fieldOfColumn={fieldOfColumn} />
                <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mt: 2, flexWrap: 'wrap' }}>
                  <Button variant="contained" disabled={locked || blocked || phase === 'inspecting'} onClick={onImport} data-testid="import-commit-file">
                    Import this file
                  </Button>
                  <FormControlLabel
                    control={<Checkbox size="small" checked={entry.remember} disabled={locked} onChange={(e) => onOptions({ remember: e.target.checked })} />}
                    label="Remember this mapping for files with these columns"
                  />
                </Stack>
              </>
            ) : null}
            {phase === 'importing' ? (
              <Box sx={{ mt: 2 }} data-testid="import-file-progress">
                <LinearProgress variant={entry.progress ? 'determinate' : 'indeterminate'} value={(entry.progress?.fraction ?? 0) * 100} />
                <Typography variant="caption">{entry.progress?.message ?? 'Waiting for the import to start…'}</Typography>
              </Box>
            ) : null}
            {entry.summary ? <ImportSummary summary={entry.summary} /> : null}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
