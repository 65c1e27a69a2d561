import type { Db } from '../connection';

const DEMO_KEY = 'workspace.isDemo';

/** Marks a workspace as the built-in demo, so `shelfcast demo` may rebuild it later. */
export function markAsDemo(db: Db): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(DEMO_KEY, 'true');
}

export function isDemoWorkspace(db: Db): boolean {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(DEMO_KEY) as { value: string } | undefined;
  return row?.value === 'true';
}
