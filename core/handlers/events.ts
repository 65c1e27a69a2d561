import { holidayCountries, publicHolidays } from '../calendar/holidays';
import { dayFromIso, isoFromDay } from '../dates';
import { createEvent, deleteEvent, listEvents, salesSpan, updateEvent } from '../db/repos/events';
import { readSettings } from '../db/repos/settings';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

const day = (iso: string | null) => (iso === null ? null : dayFromIso(iso));

export const eventHandlers = defineHandlers<HandlerContext>('events', {
  'events.list': (input, { app }) => listEvents(app.db, day(input.fromDay), day(input.toDay)),
  'events.create': (input, { app }) => {
    const created = createEvent(app.db, input);
    app.emit('workspace.changed', { reason: 'events' });
    return created;
  },
  'events.update': (input, { app }) => {
    const updated = updateEvent(app.db, input);
    app.emit('workspace.changed', { reason: 'events' });
    return updated;
  },
  'events.delete': (input, { app }) => {
    deleteEvent(app.db, input.id);
    app.emit('workspace.changed', { reason: 'events' });
    return { ok: true as const };
  },
  'events.holidays': (input, { app }) => {
    const settings = readSettings(app.db);
    const span = salesSpan(app.db);
    const today = Math.floor(Date.now() / 86_400_000);
    // Default range: the sales history (or this year) through the forecast horizon.
    const last = span.last ?? today;
    const from = day(input.fromDay) ?? span.first ?? last - 365;
    const to = day(input.toDay) ?? last + settings.horizonWeeks * 7;
    const countries = holidayCountries();
    return {
      country: settings.country,
      countryName: countries.find((c) => c.code === (settings.country === 'UK' ? 'GB' : settings.country))?.name ?? null,
      fromDay: isoFromDay(from),
      toDay: isoFromDay(to),
      historyEndDay: span.last === null ? null : isoFromDay(span.last),
      holidays: publicHolidays(settings.country, from, to).map((h) => ({ day: isoFromDay(h.day), name: h.name })),
    };
  },
  'calendar.countries': () => holidayCountries(),
});
