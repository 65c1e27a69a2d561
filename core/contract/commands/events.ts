import { z } from 'zod';
import { Empty, Id, IsoDate, Ok } from '../common';
import { command } from '../spec';

export const EventType = z.enum(['promo', 'holiday', 'closure', 'other']);
export const EventScope = z.enum(['all', 'category', 'sku']);

export const ShopEvent = z.object({
  id: Id,
  name: z.string(),
  type: EventType,
  startDay: IsoDate,
  endDay: IsoDate,
  scope: EventScope,
  scopeValue: z.string().nullable(),
  /** Expected demand multiplier during the event (1.5 = +50%); null: let the model learn it. */
  multiplier: z.number().nullable(),
  source: z.enum(['user', 'import']),
});
export type ShopEvent = z.infer<typeof ShopEvent>;

const EventFields = z.object({
  name: z.string().trim().min(1, 'give the event a name').max(120),
  type: EventType,
  startDay: IsoDate,
  endDay: IsoDate,
  scope: EventScope.default('all'),
  scopeValue: z.string().trim().max(200).nullable().default(null),
  multiplier: z.number().min(0, 'a multiplier cannot be negative').max(20, 'a multiplier above 20 is surely a typo').nullable().default(null),
});

function checkEvent(e: { startDay: string; endDay: string; scope: string; scopeValue: string | null }, ctx: z.RefinementCtx) {
  if (e.endDay < e.startDay) ctx.addIssue({ code: 'custom', path: ['endDay'], message: 'the event ends before it starts' });
  if (e.scope !== 'all' && !e.scopeValue) ctx.addIssue({ code: 'custom', path: ['scopeValue'], message: e.scope === 'sku' ? 'say which SKU' : 'say which category' });
}

export const NewEvent = EventFields.strict().superRefine(checkEvent);
export type NewEvent = z.input<typeof NewEvent>;
export const EventUpdate = EventFields.extend({ id: Id }).strict().superRefine(checkEvent);

export const Holiday = z.object({ day: IsoDate, name: z.string() });

export const eventCommands = {
  'events.list': command(
    'Events (promotions, closures, holidays you added or imported), newest first.',
    z.object({ fromDay: IsoDate.nullable().default(null), toDay: IsoDate.nullable().default(null) }).strict(),
    z.array(ShopEvent),
  ),
  'events.create': command('Adds an event (audited). The forecast uses it on its next run.', NewEvent, ShopEvent),
  'events.update': command('Changes an event (audited).', EventUpdate, ShopEvent),
  'events.delete': command('Deletes an event (audited).', z.object({ id: Id }).strict(), Ok),
  'events.holidays': command(
    'Public holidays of the shop’s country from the offline calendar, over the sales history and the forecast horizon unless a range is given.',
    z.object({ fromDay: IsoDate.nullable().default(null), toDay: IsoDate.nullable().default(null) }).strict(),
    z.object({ country: z.string(), countryName: z.string().nullable(), fromDay: IsoDate, toDay: IsoDate, historyEndDay: IsoDate.nullable(), holidays: z.array(Holiday) }),
  ),
  'calendar.countries': command('Countries the offline holiday calendar knows.', Empty, z.array(z.object({ code: z.string(), name: z.string() }))),
};
