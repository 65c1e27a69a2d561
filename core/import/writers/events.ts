import { isoFromDay } from '../../dates';
import { eventStatements } from '../../db/repos/events-import';
import type { RecordWriter, WriteContext } from '../context';
import { storedWhere } from '../context';
import type { EventRecord } from '../records';

/** Events. Natural key: name, start day, scope and its value. */
export class EventWriter implements RecordWriter<EventRecord> {
  private readonly statements;

  constructor(private readonly ctx: WriteContext) {
    this.statements = eventStatements(ctx.db);
  }

  write(record: EventRecord, line: number, row: readonly string[]): void {
    const { ctx } = this;
    const values = {
      name: record.name,
      type: record.eventType,
      startDay: record.startDay,
      endDay: record.endDay,
      scope: record.scope,
      scopeValue: record.scopeValue,
      multiplier: record.multiplier,
    };
    const stored = this.statements.find(values);
    if (!stored) {
      this.statements.insert(values, ctx.importId);
      ctx.counts.imported++;
      return;
    }
    if (stored.end_day === record.endDay && stored.type === record.eventType && stored.multiplier === record.multiplier) {
      ctx.duplicate(line, `the event "${record.name}" is already stored ${storedWhere(ctx, stored.import_id)}`);
      return;
    }
    const what = `"${record.name}" starting ${isoFromDay(record.startDay)}`;
    const reason =
      stored.import_id === ctx.importId
        ? `event ${what} appears earlier in this file with other details`
        : `event ${what} is already stored ${ctx.refs.importName(stored.import_id)} with other details; undo that import to replace it`;
    ctx.reject(line, [{ column: ctx.column('name'), reason }], row);
  }

  flush(): void {}
}
