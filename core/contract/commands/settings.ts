import { z } from 'zod';
import { Empty } from '../common';
import { command } from '../spec';

const ServiceLevel = z.number().min(0.5).max(0.999);

/** Every setting with its default; stored one JSON value per key in the settings table. */
export const Settings = z.object({
  shopName: z.string().min(1).max(120).default('My shop'),
  currency: z.string().regex(/^[A-Z]{3}$/).default('GBP'),
  locale: z.string().min(2).max(35).default('en-GB'),
  country: z.string().regex(/^[A-Z]{2}$/).default('GB'),
  weekStart: z.enum(['monday', 'sunday']).default('monday'),
  serviceLevels: z.object({ A: ServiceLevel, B: ServiceLevel, C: ServiceLevel }).default({ A: 0.98, B: 0.95, C: 0.9 }),
  reviewPeriodDays: z.number().int().min(1).max(90).default(7),
  defaultLeadTimeDays: z.number().min(0).max(365).default(7),
  holdingCostRate: z.number().min(0).max(2).default(0.25),
  orderingCostCents: z.number().int().min(0).max(10_000_000).default(2500),
  horizonWeeks: z.number().int().min(4).max(52).default(13),
  theme: z.enum(['light', 'dark', 'system']).default('system'),
});
export type Settings = z.infer<typeof Settings>;
export const SETTINGS_DEFAULTS: Settings = Settings.parse({});

export const settingsCommands = {
  'settings.get': command('All settings of the open workspace, with defaults filled in.', Empty, Settings),
  'settings.update': command('Changes some settings (audited).', Settings.partial().strict(), Settings),
};
