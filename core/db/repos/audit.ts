import type { Db } from '../connection';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  actor?: string;
}

/** Appends to the audit log; call inside the transaction that makes the change. */
export function audit(db: Db, entry: AuditEntry, now = new Date()): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    now.toISOString(),
    entry.actor ?? 'owner',
    entry.action,
    entry.entity,
    entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}
