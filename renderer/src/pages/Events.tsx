import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Card, CardContent, Chip, Grid, Link, List, ListItem, ListItemText, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { ShopEvent } from '../../../core/contract/commands/events';
import { call } from '../api/client';
import { useApp } from '../AppContext';
import { EventDialog, TYPE_LABELS } from '../components/events/EventDialog';
import { ErrorNotice, PageHeader } from '../components/Page';
import { dateRange } from '../components/format-extra';
import { date, num } from '../format';
import { useCommand } from '../hooks/useCommand';
import { href } from '../router';

function scopeText(e: ShopEvent): string {
  if (e.scope === 'all') return 'Whole shop';
  return e.scope === 'category' ? `Category ${e.scopeValue}` : `SKU ${e.scopeValue}`;
}

export function EventsPage() {
  const { notify, settings } = useApp();
  const locale = settings?.locale ?? 'en-GB';
  const events = useCommand('events.list', { fromDay: null, toDay: null });
  const holidays = useCommand('events.holidays', { fromDay: null, toDay: null });
  const options = useCommand('products.filterOptions', {});
  const [editing, setEditing] = useState<ShopEvent | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);

  const remove = async (e: ShopEvent) => {
    if (!window.confirm(`Delete the event “${e.name}”? The forecast stops using it from its next run.`)) return;
    try {
      await call('events.delete', { id: e.id });
      // Our own change: show it now rather than wait for the workspace-changed event.
      events.reload();
      notify('Event deleted.', 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  const categories = (options.data?.categories ?? []).map((c) => c.name).filter((c) => c !== '');
  const h = holidays.data;
  return (
    <>
      <PageHeader
        title="Events"
        subtitle="Promotions, closures and holidays: the forecast takes them into account and the charts show them."
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => { setEditing(null); setDialogOpen(true); }}>
            Add event
          </Button>
        }
      />
      <ErrorNotice error={events.error} />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="h2" sx={{ mb: 1 }}>
                Your events
              </Typography>
              {events.data && events.data.length === 0 ? (
                <Typography color="text.secondary" data-testid="no-events">
                  No events yet. Add your promotions and closures so the forecast knows a busy or quiet week is coming.
                </Typography>
              ) : (
                <Table size="small" aria-label="Your events">
                  <TableHead>
                    <TableRow>
                      <TableCell>Event</TableCell>
                      <TableCell>Kind</TableCell>
                      <TableCell>Dates</TableCell>
                      <TableCell>Applies to</TableCell>
                      <TableCell align="right">Sales ×</TableCell>
                      <TableCell align="right">Actions</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {(events.data ?? []).map((e) => (
                      <TableRow key={e.id} data-testid="event-row">
                        <TableCell>
                          <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                            {e.name}
                            {e.source === 'import' ? <Chip size="small" label="imported" /> : null}
                          </Stack>
                        </TableCell>
                        <TableCell>{TYPE_LABELS[e.type]}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateRange(e.startDay, e.endDay, locale)}</TableCell>
                        <TableCell>{scopeText(e)}</TableCell>
                        <TableCell align="right">{e.multiplier === null ? 'learned' : num(e.multiplier, 2)}</TableCell>
                        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                          <Button size="small" onClick={() => { setEditing(e); setDialogOpen(true); }} aria-label={`Edit ${e.name}`}>
                            Edit
                          </Button>
                          <Button size="small" color="error" onClick={() => void remove(e)} aria-label={`Delete ${e.name}`}>
                            Delete
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="h2" sx={{ mb: 0.5 }}>
                Public holidays
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {h ? `${h.countryName ?? h.country}, ${date(h.fromDay)} – ${date(h.toDay)}, from the calendar built into Shelfcast. ` : ''}
                <Link href={href('/settings')}>Change the country in Settings</Link>.
              </Typography>
              <ErrorNotice error={holidays.error} />
              {h ? (
                <Box sx={{ maxHeight: 520, overflow: 'auto' }} data-testid="holiday-list">
                  {[
                    { title: 'Coming up', items: h.holidays.filter((x) => h.historyEndDay === null || x.day > h.historyEndDay) },
                    { title: 'In your sales history', items: h.holidays.filter((x) => h.historyEndDay !== null && x.day <= h.historyEndDay).reverse() },
                  ].map((group) =>
                    group.items.length > 0 ? (
                      <Box key={group.title}>
                        <Typography variant="h3" sx={{ mt: 1 }}>
                          {group.title}
                        </Typography>
                        <List dense aria-label={`Public holidays: ${group.title.toLowerCase()}`}>
                          {group.items.map((holiday) => (
                            <ListItem key={`${holiday.day}-${holiday.name}`} disableGutters>
                              <ListItemText primary={holiday.name} secondary={date(holiday.day)} />
                            </ListItem>
                          ))}
                        </List>
                      </Box>
                    ) : null,
                  )}
                  {h.holidays.length === 0 ? <Typography variant="body2">{`The calendar has no public holidays for “${h.country}” in this period.`}</Typography> : null}
                </Box>
              ) : null}
            </CardContent>
          </Card>
        </Grid>
      </Grid>
      <EventDialog
        open={dialogOpen}
        event={editing}
        categories={categories}
        onClose={(saved) => {
          setDialogOpen(false);
          if (saved) events.reload();
          if (saved) notify(editing ? 'Event saved.' : 'Event added. The next forecast uses it.', 'success');
        }}
      />
    </>
  );
}
