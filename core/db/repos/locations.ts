import type { Db } from '../connection';

/** Location ids by lower-cased code. */
export function locationIdsByCode(db: Db): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of db.prepare('SELECT id, code FROM locations').iterate() as Iterable<{ id: number; code: string }>) map.set(row.code.toLowerCase(), row.id);
  return map;
}

export function insertLocation(db: Db, code: string, name: string): number {
  return Number(db.prepare('INSERT INTO locations (code, name) VALUES (?, ?)').run(code, name).lastInsertRowid);
}

/** Deletes a location (never the default one) when no row refers to it any more. */
export function deleteLocationIfUnused(db: Db, id: number): boolean {
  if (id === 1) return false;
  const used = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM sales WHERE location_id = @id) OR EXISTS (SELECT 1 FROM stock_snapshots WHERE location_id = @id)
          OR EXISTS (SELECT 1 FROM po_lines WHERE location_id = @id) OR EXISTS (SELECT 1 FROM forecasts WHERE location_id = @id)
          OR EXISTS (SELECT 1 FROM recommendations WHERE location_id = @id) OR EXISTS (SELECT 1 FROM product_classes WHERE location_id = @id)
          OR EXISTS (SELECT 1 FROM backtests WHERE location_id = @id) OR EXISTS (SELECT 1 FROM model_registry WHERE location_id = @id)
          OR EXISTS (SELECT 1 FROM alerts WHERE location_id = @id) AS used`,
    )
    .get({ id }) as { used: number };
  if (used.used) return false;
  db.prepare('DELETE FROM locations WHERE id = ?').run(id);
  return true;
}
