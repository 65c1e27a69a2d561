import { Alert, Autocomplete, Box, Button, Card, CardContent, Divider, InputAdornment, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { fileUrl, isDesktop } from '../api/bridge';
import { ApiError, call } from '../api/client';
import { useApp } from '../AppContext';
import { ErrorNotice, PageHeader } from '../components/Page';
import { editedFields, fieldLabel } from '../components/settings-form';
import type { Draft, FieldSpec } from '../components/settings-fields';
import { COMMON_LOCALES, explainIssue, FIELDS, fromDraft } from '../components/settings-fields';
import { bytes, date } from '../format';
import { useCommand } from '../hooks/useCommand';
import { useSettingsForm } from '../hooks/useSettingsForm';

function workspaceFileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function currencies(): string[] {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return ['AUD', 'CAD', 'CHF', 'CZK', 'DKK', 'EUR', 'GBP', 'HUF', 'JPY', 'NOK', 'NZD', 'PLN', 'SEK', 'USD', 'ZAR'];
  }
}

function displayName(type: 'currency' | 'language', code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

function validLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && Intl.NumberFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false;
  }
}

function preview(locale: string, currency: string): string {
  try {
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(1234.5);
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
    return `${money} · ${new Intl.NumberFormat(locale).format(12345.6)} units · ${day}`;
  } catch {
    return '';
  }
}

export function SettingsPage() {
  const { info, notify } = useApp();
  const form = useSettingsForm();
  const { draft, workspacePath } = form.state;
  const edit = (changes: Draft) => form.dispatch({ type: 'edited', changes });
  const backups = useCommand('workspace.backups', {});
  const countries = useCommand('calendar.countries', {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lastBackup, setLastBackup] = useState<{ fileId: string; name: string }>();
  const currencyList = useMemo(currencies, []);

  // Another workspace's form starts without the previous one's error marks.
  useEffect(() => setErrors({}), [workspacePath]);

  const save = async () => {
    if (!draft || !workspacePath) return;
    const { changes, errors: local } = fromDraft(draft);
    if (!validLocale(draft.locale ?? '')) local.locale = 'this is not a locale this computer knows, e.g. en-GB';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      // Named so that the main process refuses it, rather than writes this form's values
      // into another shop's file, when another workspace was opened since the form was read.
      const saved = await call('settings.update', { ...changes, workspace: workspacePath });
      form.dispatch({ type: 'saved', workspacePath, settings: saved, sent: draft });
      notify('Settings saved.', 'success');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        notify(err.message, 'warning');
        form.reload();
      } else if (err instanceof ApiError && Array.isArray(err.details)) {
        setErrors(Object.fromEntries((err.details as Array<{ path: string; message: string }>).map((d) => [d.path, explainIssue(d.path, d.message)])));
      } else notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const backupNow = async () => {
    try {
      const made = await call('workspace.backup', {});
      backups.reload();
      setLastBackup({ fileId: made.file.fileId, name: made.name });
      notify(`Backup made: ${made.name}`, 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const restore = async (name: string) => {
    if (!window.confirm(`Replace the current data with the backup “${name}”? A backup of the current state is made first.`)) return;
    try {
      await call('workspace.restore', { backupName: name });
      form.reload({ reset: true });
      notify('Workspace restored from backup.', 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const field = (spec: FieldSpec) => {
    if (!draft) return null;
    const currency = draft.currency ?? 'GBP';
    return (
      <TextField
        key={spec.key}
        id={`setting-${spec.key}`}
        label={spec.label}
        helperText={errors[spec.key] ?? spec.help}
        error={Boolean(errors[spec.key])}
        value={draft[spec.key] ?? ''}
        select={spec.kind === 'select'}
        size="small"
        onChange={(e) => edit({ [spec.key]: e.target.value })}
        slotProps={{
          htmlInput: spec.kind === 'text' || spec.kind === 'select' ? {} : { inputMode: 'decimal' },
          input:
            spec.kind === 'percent'
              ? { endAdornment: <InputAdornment position="end">%</InputAdornment> }
              : spec.kind === 'money'
                ? { startAdornment: <InputAdornment position="start">{currency}</InputAdornment> }
                : {},
        }}
      >
        {spec.options?.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </TextField>
    );
  };

  const locale = draft?.locale ?? 'en-GB';
  const { changedWhileEditing } = form.state;
  const unsaved = editedFields(form.state);
  const countryOptions = countries.data ?? [];
  return (
    <>
      <PageHeader title="Settings" subtitle="These settings belong to this workspace." />
      <ErrorNotice error={form.error} />
      {form.state.editsDroppedFor ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="settings-edits-dropped" onClose={() => form.dispatch({ type: 'discarded' })}>
          Another workspace was opened: the unsaved changes to the settings of {workspaceFileName(form.state.editsDroppedFor)} were not saved. The form shows this workspace’s settings.
        </Alert>
      ) : null}
      {changedWhileEditing.length > 0 ? (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          data-testid="settings-changed-elsewhere"
          action={
            <Button color="inherit" size="small" onClick={() => form.dispatch({ type: 'discarded' })}>
              Load stored values
            </Button>
          }
        >
          The stored settings changed while you were editing: {changedWhileEditing.map(fieldLabel).join(', ')}. Your edits are kept; save to store them, or load the stored values.
        </Alert>
      ) : null}
      {draft ? (
        <Box component="form" aria-label="Shop settings" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <Card variant="outlined" sx={{ mb: 3 }}>
            <CardContent sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
              <Typography variant="h2" sx={{ gridColumn: '1 / -1' }}>
                Shop
              </Typography>
              {FIELDS.filter((f) => f.section === 'shop' && f.key === 'shopName').map(field)}
              <Autocomplete
                id="setting-currency"
                size="small"
                options={currencyList}
                value={draft.currency ?? null}
                onChange={(_e, v) => v && edit({ currency: v })}
                getOptionLabel={(code) => `${code} — ${displayName('currency', code, locale)}`}
                renderInput={(params) => <TextField {...params} label="Currency" error={Boolean(errors.currency)} helperText={errors.currency ?? 'Money on every screen and report.'} />}
              />
              <Autocomplete
                id="setting-locale"
                size="small"
                freeSolo
                options={COMMON_LOCALES}
                value={draft.locale ?? ''}
                onChange={(_e, v) => edit({ locale: v ?? '' })}
                onInputChange={(_e, v, reason) => {
                  if (reason === 'input') edit({ locale: v });
                }}
                getOptionLabel={(tag) => (COMMON_LOCALES.includes(tag) ? `${tag} — ${displayName('language', tag, 'en')}` : tag)}
                renderInput={(params) => <TextField {...params} label="Number and date format (locale)" error={Boolean(errors.locale)} helperText={errors.locale ?? (preview(locale, draft.currency ?? 'GBP') || 'e.g. en-GB, de-DE')} />}
              />
              <Autocomplete
                id="setting-country"
                size="small"
                // Until the calendar's countries arrive the field is disabled: typing into it
                // earlier was overwritten when the saved country's name filled in.
                disabled={!countries.data}
                loading={countries.loading}
                options={countryOptions}
                value={countryOptions.find((c) => c.code === (draft.country === 'UK' ? 'GB' : draft.country)) ?? null}
                onChange={(_e, v) => v && edit({ country: v.code })}
                getOptionLabel={(c) => `${c.name} (${c.code})`}
                isOptionEqualToValue={(a, b) => a.code === b.code}
                renderInput={(params) => <TextField {...params} label="Country (public holidays)" error={Boolean(errors.country)} helperText={errors.country ?? 'From the calendar built into Shelfcast; used by the forecast and the Events screen.'} />}
              />
              {FIELDS.filter((f) => f.section === 'shop' && f.key !== 'shopName').map(field)}
            </CardContent>
          </Card>
          <Card variant="outlined" sx={{ mb: 3 }}>
            <CardContent sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' }, gap: 2 }}>
              <Typography variant="h2" sx={{ gridColumn: '1 / -1' }}>
                Planning
              </Typography>
              {FIELDS.filter((f) => f.section === 'planning').map(field)}
            </CardContent>
          </Card>
          <Card variant="outlined" sx={{ mb: 3 }}>
            <CardContent sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
              <Typography variant="h2" sx={{ gridColumn: '1 / -1' }}>
                Appearance
              </Typography>
              {FIELDS.filter((f) => f.section === 'appearance').map(field)}
            </CardContent>
          </Card>
          {Object.keys(errors).length > 0 ? (
            <Alert severity="error" sx={{ mb: 1 }}>
              Some settings need a look: {Object.keys(errors).map(fieldLabel).join(', ')}.
            </Alert>
          ) : null}
          <Stack direction="row" sx={{ gap: 2, mb: 3, alignItems: 'center' }}>
            <Button type="submit" variant="contained">
              Save settings
            </Button>
            {unsaved.length > 0 ? (
              <>
                <Button onClick={() => form.dispatch({ type: 'discarded' })}>Undo changes</Button>
                <Typography variant="body2" color="text.secondary" data-testid="settings-unsaved">
                  Not saved yet: {unsaved.map(fieldLabel).join(', ')}.
                </Typography>
              </>
            ) : null}
          </Stack>
        </Box>
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
                  <Button size="small" onClick={() => void restore(b.name)} aria-label={`Restore ${b.name}`}>
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
