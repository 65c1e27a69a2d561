/**
 * Where the latest weekly summary is kept (a settings row, one JSON value), so the
 * dashboard shows it without recomputing and the reorder report can print it.
 */
import type { Db } from '../db/connection';
import type { AccuracyGroup } from '../contract/commands/dashboard';
import type { WeeklyNarrative } from './narrative';

const KEY = 'dashboard.weeklySummary';

export interface StoredSummary {
  generatedAt: string;
  narrative: WeeklyNarrative | null;
  /** Cost of goods sold over the 52 weeks to the as-of day (for the turnover tile). */
  cogsCents: number | null;
  /** Forecast accuracy against naive of the latest run, overall and by ABC class. */
  accuracy: { runId: number; runAsOfDay: number; groups: AccuracyGroup[] } | null;
}

export function storeWeeklySummary(db: Db, content: Omit<StoredSummary, 'generatedAt'>, now = new Date()): void {
  const value: StoredSummary = { generatedAt: now.toISOString(), ...content };
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(value));
}

/** The summary stored by the last alerts refresh, or null when none was made yet. */
export function latestWeeklySummary(db: Db): StoredSummary | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as StoredSummary;
  } catch {
    return null;
  }
}
