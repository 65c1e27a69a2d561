import type { Db } from '../connection';

const OWNER_COLUMN = { products: 'created_by_import', suppliers: 'import_id', customers: 'import_id' } as const;

/**
 * Rows an import created that a later import then changed are handed over to that later
 * import, as if it had created them (which it would have, had the first never happened);
 * its change records for them are dropped, since undoing it now removes them.
 */
export function handOverChangedRows(db: Db, entity: keyof typeof OWNER_COLUMN, importId: number): void {
  const owner = OWNER_COLUMN[entity];
  db.prepare(
    `UPDATE ${entity} SET ${owner} = (
       SELECT min(c.import_id) FROM import_changes c WHERE c.entity = '${entity}' AND c.entity_id = ${entity}.id AND c.import_id <> @id)
     WHERE ${owner} = @id AND EXISTS (SELECT 1 FROM import_changes c WHERE c.entity = '${entity}' AND c.entity_id = ${entity}.id AND c.import_id <> @id)`,
  ).run({ id: importId });
  db.prepare(
    `DELETE FROM import_changes WHERE entity = '${entity}' AND action = 'update'
       AND import_id = (SELECT t.${owner} FROM ${entity} t WHERE t.id = import_changes.entity_id)`,
  ).run();
}
