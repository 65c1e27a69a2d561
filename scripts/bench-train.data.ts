/**
 * Loads a benchmark dataset of ../shared/data (series_id,date,value CSVs + meta.json)
 * into GlobalSeries with the covariates the dataset offers: real dates, Walmart's
 * holiday weeks, M5's calendar events and sell prices, and category codes parsed from
 * the series ids. Bench-only: the app builds its series from the workspace instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { daysFromCivil } from '../core/forecast/global/features/calendar';
import type { GlobalSeries } from '../core/forecast/global/features/types';
import type { Frequency } from '../core/forecast/types';

export interface BenchMeta {
  name: string;
  freq: Frequency;
  season: number;
  horizon: number;
}

export interface BenchDataset {
  name: string;
  meta: BenchMeta;
  series: GlobalSeries[];
  /** Names of the category codes in GlobalSeries.categories. */
  categories: string[];
  hasHolidays: boolean;
  hasPrice: boolean;
  realDates: boolean;
}

export function isoDay(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

interface RawSeries {
  id: string;
  days: number[];
  values: number[];
}

function readLongCsv(path: string): RawSeries[] {
  const text = readFileSync(path, 'utf8');
  const out: RawSeries[] = [];
  let current: RawSeries | undefined;
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (line.length === 0) continue;
    const c1 = line.indexOf(',');
    const c2 = line.indexOf(',', c1 + 1);
    const id = line.slice(0, c1);
    if (!current || current.id !== id) {
      current = { id, days: [], values: [] };
      out.push(current);
    }
    current.days.push(isoDay(line.slice(c1 + 1, c2)));
    current.values.push(Number(line.slice(c2 + 1)));
  }
  return out;
}

/** Category encoders: a stable integer code per distinct string, in order of first sight of the sorted values. */
function encoder(values: string[]): (v: string) => number {
  const codes = new Map([...new Set(values)].sort().map((v, i) => [v, i]));
  return (v) => codes.get(v) ?? NaN;
}

export function loadBenchDataset(dir: string, name: string): BenchDataset {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as BenchMeta;
  const raw = readLongCsv(join(dir, 'train.csv'));
  const realDates = !name.startsWith('m4');
  const stepDays = meta.freq === 'D' ? 1 : meta.freq === 'W' ? 7 : 0;
  const series: GlobalSeries[] = raw.map((r) => ({
    id: r.id,
    values: Float64Array.from(r.values),
    startDay: realDates ? r.days[0] : undefined,
    allowNegative: r.values.some((v) => v < 0),
  }));
  let categories: string[] = [];
  let hasHolidays = false;
  let hasPrice = false;
  const maxLen = Math.max(...raw.map((r) => r.values.length)) + meta.horizon + 1;

  if (name.startsWith('walmart')) {
    categories = ['store', 'dept'];
    const store = encoder(raw.map((r) => r.id.split('_')[0]!));
    const dept = encoder(raw.map((r) => r.id.split('_')[1]!));
    const holidayDays = new Set<number>();
    const holidayFile = join(dir, 'holidays.csv');
    if (existsSync(holidayFile)) {
      hasHolidays = true;
      for (const line of readFileSync(holidayFile, 'utf8').split('\n').slice(1)) {
        const [date, flag] = line.split(',');
        if (date && flag?.trim() === '1') holidayDays.add(isoDay(date));
      }
    }
    series.forEach((s, i) => {
      const [st, dp] = raw[i]!.id.split('_');
      s.categories = [store(st!), dept(dp!)];
      if (hasHolidays) s.holiday = Uint8Array.from({ length: maxLen }, (_, t) => (holidayDays.has(s.startDay! + stepDays * t) ? 1 : 0));
    });
  } else if (name.startsWith('m5')) {
    categories = ['cat', 'dept', 'item', 'store', 'state'];
    const parts = raw.map((r) => {
      const m = /^([A-Z]+)_(\d+)_(\d+)_([A-Z]+)_(\d+)$/.exec(r.id);
      if (!m) throw new Error(`unexpected M5 id ${r.id}`);
      return { cat: m[1]!, dept: `${m[1]}_${m[2]}`, item: `${m[1]}_${m[2]}_${m[3]}`, store: `${m[4]}_${m[5]}`, state: m[4]! };
    });
    const enc = (k: keyof (typeof parts)[number]) => encoder(parts.map((p) => p[k]));
    const encs = { cat: enc('cat'), dept: enc('dept'), item: enc('item'), store: enc('store'), state: enc('state') };
    const calendarFile = join(dir, 'raw', 'calendar.csv');
    const eventDays = new Set<number>();
    const weekOfDay = new Map<number, string>();
    if (existsSync(calendarFile)) {
      hasHolidays = true;
      for (const line of readFileSync(calendarFile, 'utf8').split('\n').slice(1)) {
        const cols = line.split(',');
        if (cols.length < 8) continue;
        const day = isoDay(cols[0]!);
        weekOfDay.set(day, cols[1]!);
        if (cols[7]) eventDays.add(day);
      }
    }
    const priceFile = join(dir, 'raw', 'sell_prices_subset.csv');
    const prices = new Map<string, number>();
    if (existsSync(priceFile)) {
      hasPrice = true;
      for (const line of readFileSync(priceFile, 'utf8').split('\n').slice(1)) {
        const [store, item, week, price] = line.split(',');
        if (store && item && week && price) prices.set(`${store}|${item}|${week}`, Number(price));
      }
    }
    series.forEach((s, i) => {
      const p = parts[i]!;
      s.categories = [encs.cat(p.cat), encs.dept(p.dept), encs.item(p.item), encs.store(p.store), encs.state(p.state)];
      if (hasHolidays) s.holiday = Uint8Array.from({ length: maxLen }, (_, t) => (eventDays.has(s.startDay! + t) ? 1 : 0));
      if (hasPrice) {
        s.price = Float64Array.from({ length: maxLen }, (_, t) => {
          const week = weekOfDay.get(s.startDay! + t);
          return week ? prices.get(`${p.store}|${p.item}|${week}`) ?? NaN : NaN;
        });
      }
    });
  } else if (name.startsWith('store_item')) {
    categories = ['store', 'item'];
    const store = encoder(raw.map((r) => r.id.split('_')[0]!));
    const item = encoder(raw.map((r) => r.id.split('_')[1]!));
    series.forEach((s, i) => {
      const [st, it] = raw[i]!.id.split('_');
      s.categories = [store(st!), item(it!)];
    });
  }
  return { name, meta, series, categories, hasHolidays, hasPrice, realDates };
}

/** The scorer's deterministic subsample (score.py select_ids): sorted ids, indices floor(i·n/N). */
export function selectIds(ids: string[], limit: number | undefined): string[] {
  const sorted = [...new Set(ids)].sort();
  const n = sorted.length;
  if (!limit || limit <= 0 || limit >= n) return sorted;
  return Array.from({ length: limit }, (_, i) => sorted[Math.floor((i * n) / limit)]!);
}
