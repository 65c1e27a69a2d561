import { z } from 'zod';
import { Empty } from '../common';
import { command } from '../spec';

const ServiceLevel = z.number().min(0.5).max(0.999);

/** What each setting may hold (without defaults: a change names only what it changes). */
const settingFields = {
  shopName: z.string().min(1).max(120),
  currency: z.string().regex(/^[A-Z]{3}$/),
  locale: z.string().min(2).max(35),
  country: z.string().regex(/^[A-Z]{2}$/),
  weekStart: z.enum(['monday', 'sunday']),
  serviceLevels: z.object({ A: ServiceLevel, B: ServiceLevel, C: ServiceLevel }),
  reviewPeriodDays: z.number().int().min(1).max(90),
  defaultLeadTimeDays: z.number().min(0).max(365),
  holdingCostRate: z.number().min(0).max(2),
  orderingCostCents: z.number().int().min(0).max(10_000_000),
  horizonWeeks: z.number().int().min(4).max(52),
  theme: z.enum(['light', 'dark', 'system']),
};

/** Every setting with its default; stored one JSON value per key in the settings table. */
export const Settings = z.object({
  shopName: settingFields.shopName.default('My shop'),
  currency: settingFields.currency.default('GBP'),
  locale: settingFields.locale.default('en-GB'),
  country: settingFields.country.default('GB'),
  weekStart: settingFields.weekStart.default('monday'),
  serviceLevels: settingFields.serviceLevels.default({ A: 0.98, B: 0.95, C: 0.9 }),
  reviewPeriodDays: settingFields.reviewPeriodDays.default(7),
  defaultLeadTimeDays: settingFields.defaultLeadTimeDays.default(7),
  holdingCostRate: settingFields.holdingCostRate.default(0.25),
  orderingCostCents: settingFields.orderingCostCents.default(2500),
  horizonWeeks: settingFields.horizonWeeks.default(13),
  theme: settingFields.theme.default('system'),
});
export type Settings = z.infer<typeof Settings>;
export const SETTINGS_DEFAULTS: Settings = Settings.parse({});

/**
 * A change to some settings. Not `Settings.partial()`: zod 4 fills a missing key's default
 * even inside optional, so every partial change (the app bar's theme switch) reset all other settings.
 */
export const SettingsChanges = z.object(settingFields).partial().strict();

/**
 * A change, optionally with the path of the workspace it was made for (the Settings form
 * sends the one it was read from). The main process refuses the change with `conflict` when
 * another workspace is open by then, so a form's values never land in another shop's file.
 */
export const SettingsUpdate = SettingsChanges.extend({ workspace: z.string().min(1).max(4096).optional() }).strict();

export const settingsCommands = {
  'settings.get': command('All settings of the open workspace, with defaults filled in.', Empty, Settings),
  'settings.update': command('Changes some settings (audited); refused when `workspace` is given and another workspace is open.', SettingsUpdate, Settings),
};
