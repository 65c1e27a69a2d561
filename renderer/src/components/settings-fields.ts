import type { Settings } from '../../../core/contract/commands/settings';

/**
 * The settings form: how each stored value is shown and edited. Shares are edited as
 * percentages and money in the currency's units, because that is how owners think of them;
 * the stored values stay as the contract defines them (fractions, cents).
 */
export type Draft = Record<string, string>;

export interface FieldSpec {
  key: string;
  label: string;
  help: string;
  kind: 'text' | 'number' | 'percent' | 'money' | 'select';
  section: 'shop' | 'planning' | 'appearance';
  options?: Array<{ value: string; label: string }>;
}

export const FIELDS: FieldSpec[] = [
  { key: 'shopName', label: 'Shop name', help: 'Printed on reports and purchase orders.', kind: 'text', section: 'shop' },
  { key: 'weekStart', label: 'Week starts on', help: 'Weekly forecasts, charts and the weekly summary use this.', kind: 'select', section: 'shop', options: [{ value: 'monday', label: 'Monday' }, { value: 'sunday', label: 'Sunday' }] },
  { key: 'serviceLevels.A', label: 'Service level, class A', help: 'Share of demand served from the shelf for your top sellers (50–99.9%); for very lumpy products, the chance of no stockout between deliveries.', kind: 'percent', section: 'planning' },
  { key: 'serviceLevels.B', label: 'Service level, class B', help: 'For the middle group.', kind: 'percent', section: 'planning' },
  { key: 'serviceLevels.C', label: 'Service level, class C', help: 'For the long tail.', kind: 'percent', section: 'planning' },
  { key: 'reviewPeriodDays', label: 'Review period (days)', help: 'How often you place orders.', kind: 'number', section: 'planning' },
  { key: 'defaultLeadTimeDays', label: 'Default lead time (days)', help: 'Used when neither the product nor its supplier has one.', kind: 'number', section: 'planning' },
  { key: 'holdingCostRate', label: 'Holding cost (% of value per year)', help: 'What keeping stock costs you a year, as a share of its value (25% is common).', kind: 'percent', section: 'planning' },
  { key: 'orderingCostCents', label: 'Cost of placing one order', help: 'Your time, delivery charges: used for the economical batch size.', kind: 'money', section: 'planning' },
  { key: 'horizonWeeks', label: 'Forecast horizon (weeks)', help: 'How far ahead forecasts look (4–52).', kind: 'number', section: 'planning' },
  {
    key: 'theme',
    label: 'Theme',
    help: 'Light, dark or as your computer is set.',
    kind: 'select',
    section: 'appearance',
    options: [
      { value: 'system', label: 'As the computer is set' },
      { value: 'light', label: 'Light' },
      { value: 'dark', label: 'Dark' },
    ],
  },
];

/** Locales offered first; any other BCP 47 tag can be typed. */
export const COMMON_LOCALES = ['en-GB', 'en-US', 'en-IE', 'en-AU', 'en-CA', 'en-NZ', 'en-ZA', 'en-IN', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'fr-BE', 'fr-CH', 'fr-CA', 'nl-NL', 'nl-BE', 'es-ES', 'es-MX', 'it-IT', 'pt-PT', 'pt-BR', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI', 'pl-PL', 'cs-CZ', 'hu-HU', 'ro-RO', 'el-GR', 'tr-TR', 'ja-JP', 'zh-CN', 'ko-KR'];

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function read(settings: Settings, key: string): unknown {
  const [a, b] = key.split('.') as [keyof Settings, string | undefined];
  return b ? (settings[a] as Record<string, unknown>)[b] : settings[a];
}

export function toDraft(settings: Settings): Draft {
  const draft: Draft = { currency: settings.currency, locale: settings.locale, country: settings.country };
  for (const field of FIELDS) {
    const value = read(settings, field.key);
    if (field.kind === 'percent') draft[field.key] = String(round(Number(value) * 100, 2));
    else if (field.kind === 'money') draft[field.key] = String(Number(value) / 100);
    else draft[field.key] = String(value);
  }
  return draft;
}

/** The draft as a settings change, or the fields that are not numbers. */
export function fromDraft(draft: Draft): { changes: Partial<Settings>; errors: Record<string, string> } {
  const out: Record<string, unknown> = { currency: draft.currency, locale: draft.locale, country: draft.country };
  const errors: Record<string, string> = {};
  for (const field of FIELDS) {
    const raw = (draft[field.key] ?? '').trim().replace(',', '.');
    let value: unknown = raw;
    if (field.kind !== 'text' && field.kind !== 'select') {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) {
        errors[field.key] = 'enter a number';
        continue;
      }
      value = field.kind === 'percent' ? round(n / 100, 6) : field.kind === 'money' ? Math.round(n * 100) : n;
    }
    const [a, b] = field.key.split('.') as [string, string | undefined];
    if (b) out[a] = { ...((out[a] as object | undefined) ?? {}), [b]: value };
    else out[a] = value;
  }
  return { changes: out as Partial<Settings>, errors };
}

/** Server messages for "serviceLevels.A" etc. in the form's words (percentages, not fractions). */
export function explainIssue(path: string, message: string): string {
  const field = FIELDS.find((f) => f.key === path);
  if (field?.kind === 'percent') return field.key.startsWith('serviceLevels') ? 'must be between 50% and 99.9%' : 'must be between 0% and 200%';
  if (field?.kind === 'money') return 'must be between 0 and 100,000';
  if (path === 'currency') return 'choose a three-letter currency code, e.g. GBP';
  if (path === 'country') return 'choose a country';
  if (path === 'locale') return 'choose a locale such as en-GB';
  return message;
}
