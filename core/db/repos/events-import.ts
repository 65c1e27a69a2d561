import type { Db } from '../connection';

export interface EventValues {
  name: string;
  type: string;
  startDay: number;
  endDay: number;
  scope: string;
  scopeValue: string | null;
  multiplier: number | null;
}

export function eventStatements(db: Db) {
  const find = db.prepare('SELECT id, type, end_day, multiplier, import_id FROM events WHERE name = ? AND start_day = ? AND scope = ? AND scope_value IS ?');
  const insert = db.prepare("INSERT INTO events (name, type, start_day, end_day, scope, scope_value, multiplier, source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'import', ?)");
  return {
    find: (e: Pick<EventValues, 'name' | 'startDay' | 'scope' | 'scopeValue'>) =>
      find.get(e.name, e.startDay, e.scope, e.scopeValue) as { id: number; type: string; end_day: number; multiplier: number | null; import_id: number | null } | undefined,
    insert: (e: EventValues, importId: number): void => {
      insert.run(e.name, e.type, e.startDay, e.endDay, e.scope, e.scopeValue, e.multiplier, importId);
    },
  };
}

export function deleteEventsOfImport(db: Db, importId: number): number {
  return db.prepare('DELETE FROM events WHERE import_id = ?').run(importId).changes;
}
