import { Alert, Box, Button, Card, CardContent, Divider, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../core/contract/commands/settings';
import { fileUrl, isDesktop } from '../api/bridge';
import { call } from '../api/client';
import { useApp } from '../AppContext';
import { ErrorNotice, PageHeader } from '../components/Page';
import { bytes, date } from '../format';
import { useCommand } from '../hooks/useCommand';

type Draft = Record<string, string>;

const FIELDS: Array<{ key: string; label: string; help: string; kind: 'text' | 'number' | 'select'; options?: string[] }> = [
  { key: 'shopName', label: 'Shop name', help: 'Printed on reports and purchase orders.', kind: 'text' },
  { key: 'currency', label: 'Currency', help: 'Three-letter code, e.g. GBP, EUR, USD.', kind: 'text' },
  { key: 'locale', label: 'Locale', help: 'How numbers and dates are written, e.g. en-GB, de-DE.', kind: 'text' },
  { key: 'country', label: 'Country (holidays)', help: 'Two-letter code for the public holiday calendar, e.g. GB, DE, US.', kind: 'text' },
  { key: 'weekStart', label: 'Week starts on', help: 'Weekly forecasts and reports use this.', kind: 'select', options: ['monday', 'sunday'] },
  { key: 'serviceLevels.A', label: 'Service level, class A', help: 'Share of demand to meet from stock for your top sellers (0.5–0.999).', kind: 'number' },
  { key: 'serviceLevels.B', label: 'Service level, class B', help: 'For the middle group.', kind: 'number' },
  { key: 'serviceLevels.C', label: 'Service level, class C', help: 'For the long tail.', kind: 'number' },
  { key: 'reviewPeriodDays', label: 'Review period (days)', help: 'How often you place orders.', kind: 'number' },
  { key: 'defaultLeadTimeDays', label: 'Default lead time (days)', help: 'Used when neither the product nor its supplier has one.', kind: 'number' },
  { key: 'holdingCostRate', label: 'Holding cost rate (per year)', help: 'Cost of keeping stock, as a share of its value per year (0.25 = 25%).', kind: 'number' },
  { key: 'orderingCostCents', label: 'Ordering cost (cents per order)', help: 'What placing one order costs you, in cents.', kind: 'number' },
  { key: 'horizonWeeks', label: 'Forecast horizon (weeks)', help: 'How far ahead forecasts look.', kind: 'number' },
  { key: 'theme', label: 'Theme', help: 'Light, dark or follow the system.', kind: 'select', options: ['system', 'light', 'dark'] },
];

function toDraft(settings: Settings): Draft {
  const draft: Draft = {};
  for (const field of FIELDS) {
    const [a, b] = field.key.split('.') as [keyof Settings, string | undefined];
    const value = b ? (settings[a] as Record<string, unknown>)[b] : settings[a];
    draft[field.key] = String(value);
  }
  return draft;
}

function fromDraft(draft: Draft, kinds: typeof FIELDS): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const field of kinds) {
    const raw = draft[field.key] ?? '';
    const value = field.kind === 'number' ? Number(raw) : raw;
    const [a, b] = field.key.split('.') as [string, string | undefined];
    if (b) out[a] = { ...((out[a] as object | undefined) ?? {}), [b]: value };
    else out[a] = value;
  }
  return out as Partial<Settings>;
}

export function SettingsPage() {
  const { info, notify } = useApp();
  const settings = useCommand('settings.get', {});
  const backups = useCommand('workspace.backups', {});
  const [draft, setDraft] = useState<Draft>();
  const [saveError, setSaveError] = useState<string>();
  const [lastBackup, setLastBackup] = useState<{ fileId: string; name: string }>();

  useEffect(() => {
    if (settings.data) setDraft(toDraft(settings.data));
  }, [settings.data]);

  const save = async () => {
    if (!draft) return;
    setSaveError(undefined);
    try {
      await call('settings.update', fromDraft(draft, FIELDS));
      notify('Settings saved.', 'success');
    } catch (err) {
      const details = (err as { details?: Array<{ path: string; message: string }> }).details;
      setSaveError(details ? details.map((d) => `${d.path}: ${d.message}`).join('; ') : String(err));
    }
  };

  const backupNow = async () => {
    try {
      const made = await call('workspace.backup', {});
      backups.reload();
      setLastBackup({ fileId: made.file.fileId, name: made.name });
      notify(`Backup made: ${made.name}`, 'success');
    } catch (err) {
      notify(String(err), 'error');
    }
  };

  const restore = async (name: string) => {
    if (!window.confirm(`Replace the current data with the backup “${name}”? A backup of the current state is made first.`)) return;
    try {
      await call('workspace.restore', { backupName: name });
      notify('Workspace restored from backup.', 'success');
    } catch (err) {
      notify(String(err), 'error');
    }
  };

  return (
    <>
      <PageHeader title="Settings" subtitle="These settings belong to this workspace." />
      <ErrorNotice error={settings.error} />
      {draft ? (
        <Card variant="outlined" sx={{ mb: 3 }}>
          <CardContent>
            <Box component="form" aria-label="Shop settings" onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
              {FIELDS.map((field) => (
                <TextField
                  key={field.key}
                  id={`setting-${field.key}`}
                  label={field.label}
                  helperText={field.help}
                  value={draft[field.key] ?? ''}
                  select={field.kind === 'select'}
                  type={field.kind === 'number' ? 'number' : 'text'}
                  size="small"
                  onChange={(e) => setDraft({ ...draft, [field.key]: e.target.value })}
                  slotProps={field.kind === 'number' ? { htmlInput: { step: 'any' } } : {}}
                >
                  {field.options?.map((o) => (
                    <MenuItem key={o} value={o}>
                      {o}
                    </MenuItem>
                  ))}
                </TextField>
              ))}
              <Box sx={{ gridColumn: '1 / -1' }}>
                {saveError ? <Alert severity="error" sx={{ mb: 1 }}>{saveError}</Alert> : null}
                <Button type="submit" variant="contained">
                  Save settings
                </Button>
              </Box>
            </Box>
          </CardContent>
        </Card>
      ) : null}
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h2" sx={{ mb: 1 }}>
            Workspace file, backup and restore
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="workspace-path">
            This shop’s data lives in <strong>{info.workspace?.path}</strong>. Backups go to the folder beside it.
          </Typography>
          <Stack direction="row" sx={{ gap: 1, mb: 2 }}>
            <Button variant="outlined" onClick={() => void backupNow()}>
              Back up now
            </Button>
            <Button onClick={() => void call('workspace.close', {}).catch((e: unknown) => notify(String(e), 'error'))}>Close workspace</Button>
          </Stack>
          <Divider />
          <List dense aria-label="Backups">
            {(backups.data ?? []).map((b) => (
              <ListItem
                key={b.name}
                secondaryAction={
                  <Button size="small" onClick={() => void restore(b.name)}>
                    Restore
                  </Button>
                }
              >
                <ListItemText primary={b.name} secondary={`${date(b.createdAt)} · ${bytes(b.sizeBytes)}`} />
              </ListItem>
            ))}
            {backups.data?.length === 0 ? (
              <ListItem>
                <ListItemText primary="No backups yet." />
              </ListItem>
            ) : null}
          </List>
          {lastBackup ? (
            isDesktop ? (
              <Button size="small" onClick={() => void call('files.saveAs', { fileId: lastBackup.fileId, defaultName: lastBackup.name }).catch((e: unknown) => notify(String(e), 'error'))}>
                Save a copy of the latest backup elsewhere…
              </Button>
            ) : (
              <Button size="small" component="a" href={fileUrl(lastBackup.fileId)} download={lastBackup.name}>
                Download the latest backup
              </Button>
            )
          ) : null}
        </CardContent>
      </Card>
    </>
  );
}
