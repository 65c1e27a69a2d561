import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { FileSummary } from '../../../../core/contract/commands/import';
import { date, num } from '../../format';
import { RejectsDialog } from './RejectsDialog';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Box sx={{ minWidth: 110 }}>
      <Typography variant="h3" component="p" data-testid={testId}>
        {num(value)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

/** What one file's import did: rows read, imported, rejected (with reasons) and rows already stored (with where). */
export function ImportSummary({ summary }: { summary: FileSummary }) {
  const [showRejects, setShowRejects] = useState(false);
  if (summary.status === 'already_imported') {
    return (
      <Alert severity="info" data-testid="import-summary" data-status="already_imported">
        Already imported on {date(summary.previousImport?.at ?? null)}: nothing was changed. Tick “Replace the earlier import” to import it again.
      </Alert>
    );
  }
  const created = summary.created;
  const createdText = [
    created.products ? `${num(created.products)} product${created.products === 1 ? '' : 's'}` : '',
    created.customers ? `${num(created.customers)} customer${created.customers === 1 ? '' : 's'}` : '',
    created.suppliers ? `${num(created.suppliers)} supplier${created.suppliers === 1 ? '' : 's'}` : '',
    created.locations ? `${num(created.locations)} location${created.locations === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return (
    <Box data-testid="import-summary" data-status="imported">
      <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap', mb: 1 }}>
        <Figure label="rows read" value={summary.rowsRead} testId="summary-read" />
        <Figure label="imported" value={summary.imported} testId="summary-imported" />
        <Figure label="rejected" value={summary.rejected} testId="summary-rejected" />
        <Figure label="already stored, not counted again" value={summary.duplicates} testId="summary-duplicates" />
      </Stack>
      {summary.replaced.length > 0 ? <Typography variant="body2">The earlier import of this file was replaced.</Typography> : null}
      {createdText.length > 0 ? <Typography variant="body2">New: {createdText.join(', ')}.</Typography> : null}
      {summary.updated > 0 ? <Typography variant="body2">{num(summary.updated)} known row(s) updated (undo puts the old values back).</Typography> : null}
      {summary.notes.map((n) => (
        <Typography key={n} variant="body2" data-testid="summary-note">
          {n}
        </Typography>
      ))}
      {summary.duplicates > 0 ? (
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            Rows already stored ({num(summary.duplicates)}), not counted again
          </Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 3 }} data-testid="summary-duplicate-lines">
            {summary.firstDuplicates.slice(0, 5).map((d) => (
              <li key={`${d.line}-${d.reason}`}>
                <Typography variant="body2">
                  Line {d.line}: {d.reason}
                </Typography>
              </li>
            ))}
          </Box>
          {summary.duplicates > 5 ? <Typography variant="caption">…and {num(summary.duplicates - Math.min(5, summary.firstDuplicates.length))} more like these.</Typography> : null}
        </Box>
      ) : null}
      {summary.warnings.map((w) => (
        <Alert key={w} severity="warning" sx={{ mt: 1 }}>
          {w}
        </Alert>
      ))}
      {summary.rejected > 0 ? (
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            Rejected rows
          </Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 3 }} data-testid="summary-rejects">
            {summary.firstRejects.slice(0, 5).map((r) => (
              <li key={`${r.line}-${r.reason}`}>
                <Typography variant="body2">
                  Line {r.line}
                  {r.column ? `, ${r.column}` : ''}: {r.reason}
                </Typography>
              </li>
            ))}
          </Box>
          {summary.importId !== null ? (
            <Button size="small" onClick={() => setShowRejects(true)}>
              All {num(summary.rejected)} rejected rows…
            </Button>
          ) : null}
        </Box>
      ) : null}
      {showRejects && summary.importId !== null ? <RejectsDialog importId={summary.importId} fileName={summary.fileName} onClose={() => setShowRejects(false)} /> : null}
    </Box>
  );
}
