/** Reads the committed demo shop CSVs (assets/demo) for the demo tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const DEMO_DIR = fileURLToPath(new URL('../../assets/demo', import.meta.url));

export type Row = Record<string, string>;

export interface ParsedCsv {
  headers: string[];
  rows: Row[];
}

export function readDemoCsv(name: string): ParsedCsv {
  const text = readFileSync(join(DEMO_DIR, name), 'utf8');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors[0]?.message} (row ${parsed.errors[0]?.row})`);
  return { headers: parsed.meta.fields ?? [], rows: parsed.data };
}

export function dayNumber(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  const day = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  if (new Date(day * 86_400_000).toISOString().slice(0, 10) !== iso) throw new Error(`not a calendar date: ${iso}`);
  return day;
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}
