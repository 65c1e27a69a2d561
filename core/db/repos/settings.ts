import { writeTransaction } from '../transaction';
import type { Settings } from '../../contract/commands/settings';
import { Settings as SettingsSchema } from '../../contract/commands/settings';
import type { Db } from '../connection';
import { audit } from './audit';

/** Reads every setting, filling defaults for the ones never set (or stored unreadably). */
export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const raw: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      raw[row.key] = JSON.parse(row.value);
    } catch {
      // an unreadable value falls back to its default below
    }
  }
  const shape = SettingsSchema.shape;
  const cleaned: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as Array<keyof typeof shape>) {
    if (!(key in raw)) continue;
    const checked = shape[key].safeParse(raw[key]);
    if (checked.success) cleaned[key] = checked.data;
  }
  return SettingsSchema.parse(cleaned);
}

/** Stores the given settings in one transaction with an audit entry per changed key. */
export function updateSettings(db: Db, changes: Partial<Settings>): Settings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  writeTransaction(db, () => {
    const before = readSettings(db);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const previous = before[key as keyof Settings];
      if (JSON.stringify(previous) === JSON.stringify(value)) continue;
      upsert.run(key, JSON.stringify(value));
      audit(db, { action: 'settings.update', entity: 'setting', entityId: key, before: previous, after: value });
    }
  });
  return readSettings(db);
}
