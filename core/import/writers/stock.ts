import { isoFromDay } from '../../dates';
import { stockStatements } from '../../db/repos/stock';
import type { RecordWriter, WriteContext } from '../context';
import { resolveProduct, storedWhere } from '../context';
import type { StockRecord } from '../records';

/**
 * Stock counts. Natural key: product, location, day. The same count again is a duplicate;
 * a different count for a stored product and day is rejected with the stored value.
 */
export class StockWriter implements RecordWriter<StockRecord> {
  private readonly statements;

  constructor(private readonly ctx: WriteContext) {
    this.statements = stockStatements(ctx.db);
  }

  write(record: StockRecord, line: number, row: readonly string[]): void {
    const { ctx } = this;
    const productId = resolveProduct(ctx, record.sku, null, line, row);
    if (productId === undefined) return;
    const locationId = ctx.refs.locationId(record.location, ctx.importId, ctx.counts);
    if (this.statements.insert(productId, locationId, record.day, record.onHand, ctx.importId)) {
      ctx.counts.imported++;
      return;
    }
    const stored = this.statements.find(productId, locationId, record.day);
    if (!stored || stored.on_hand === record.onHand) {
      ctx.duplicate(line, `the same count for SKU ${record.sku} on this day is already stored ${stored ? storedWhere(ctx, stored.import_id) : ''}`.trimEnd());
      return;
    }
    const where = `SKU ${record.sku} on ${isoFromDay(record.day)}`;
    const reason =
      stored.import_id === ctx.importId
        ? `another count for ${where} appears earlier in this file (${stored.on_hand})`
        : `a different count for ${where} is already stored ${ctx.refs.importName(stored.import_id)} (${stored.on_hand}); undo that import to replace it`;
    ctx.reject(line, [{ column: ctx.column('quantity'), reason }], row);
  }

  flush(): void {}
}
