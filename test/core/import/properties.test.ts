import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mapping } from '../../../core/contract/commands/import';
import { AppError } from '../../../core/contract/errors';
import { isoFromDay } from '../../../core/dates';
import { commitImports } from '../../../core/import/commit';
import { undoImport } from '../../../core/import/undo';
import type { TempWorkspace } from './helpers';
import { inspect, snapshot, tempWorkspace, TEST_TODAY } from './helpers';

let ws: TempWorkspace;
beforeAll(() => {
  ws = tempWorkspace();
});
afterAll(() => ws?.close());

interface SaleRow {
  day: number;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number | null;
  customer: string | null;
  order: string | null;
}

/** Text a shop might have in a cell: no surrounding spaces (cells are trimmed), anything inside. */
const cellText = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    fc.constantFrom('Café crème', 'a,b', 'say "hi"', 'two\nlines', 'semi;colon', 'pipe|tab\tx', '€5 deal', 'Ünïcödé'),
  )
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && !s.includes('\u0000'));

const saleRow: fc.Arbitrary<SaleRow> = fc.record({
  day: fc.integer({ min: TEST_TODAY - 3000, max: TEST_TODAY }),
  sku: cellText,
  name: cellText,
  quantity: fc.integer({ min: -5_000_000, max: 5_000_000 }).map((n) => n / 1000),
  unitPriceCents: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
  customer: fc.option(cellText, { nil: null }),
  order: fc.option(cellText, { nil: null }),
});

interface Dialect {
  delimiter: ',' | ';' | '\t' | '|';
  newline: '\n' | '\r\n';
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le';
  decimal: '.' | ',';
  dates: 'iso' | 'dmy' | 'mdy';
}

const dialect: fc.Arbitrary<Dialect> = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\n', '\r\n'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le'),
  decimal: fc.constantFrom('.', ','),
  dates: fc.constantFrom('iso', 'dmy', 'mdy'),
});

function quoteCell(value: string, d: Dialect): string {
  return value.includes(d.delimiter) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function writeDate(day: number, d: Dialect): string {
  const [y, m, dd] = isoFromDay(day).split('-');
  if (d.dates === 'iso') return `${y}-${m}-${dd}`;
  return d.dates === 'dmy' ? `${dd}/${m}/${y}` : `${m}/${dd}/${y}`;
}

function writeNumber(value: number, d: Dialect): string {
  const text = String(value);
  return d.decimal === ',' ? text.replace('.', ',') : text;
}

function exportSales(rows: SaleRow[], d: Dialect): Buffer {
  const header = ['date', 'sku', 'description', 'quantity', 'unit_price', 'customer_id', 'order_id'];
  const lines = [header.join(d.delimiter)];
  for (const r of rows) {
    const cells = [
      writeDate(r.day, d),
      r.sku,
      r.name,
      writeNumber(r.quantity, d),
      r.unitPriceCents === null ? '' : writeNumber(r.unitPriceCents / 100, d),
      r.customer ?? '',
      r.order ?? '',
    ];
    lines.push(cells.map((c) => quoteCell(c, d)).join(d.delimiter));
  }
  const text = lines.join(d.newline) + d.newline;
  if (d.encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16-le')]);
  return Buffer.concat([d.encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

const key = (r: SaleRow) => JSON.stringify([r.day, r.sku, r.quantity, r.unitPriceCents, r.customer, r.order]);

describe('round trip (property)', () => {
  it('any valid sales table, exported in any dialect and imported, is stored exactly', async () => {
    let file = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(saleRow, { minLength: 1, maxLength: 25 }).map((rows): SaleRow[] => [...rows, ...rows.slice(0, 2)]), dialect, async (rows, d) => {
        const path = ws.file(`export-${file++}.csv`, exportSales(rows, d));
        const mapping: Mapping = {
          kind: 'sales_lines',
          columns: { date: 0, sku: 1, productName: 2, quantity: 3, unitPrice: 4, customerId: 5, orderRef: 6 },
          dateOrder: d.dates === 'mdy' ? 'mdy' : 'dmy',
          decimalSeparator: d.decimal,
          period: 'day',
        };
        const inspection = await inspect(ws.db, path, { mapping });
        expect(inspection.blockers).toEqual([]);
        expect(inspection.headers).toEqual(['date', 'sku', 'description', 'quantity', 'unit_price', 'customer_id', 'order_id']);
        // Fill-down of an order's customer (real exports give it on the order's first line only):
        // a line without a customer takes the one its previous line of the same order ended up
        // with, so it carries through any number of consecutive lines.
        const filled: SaleRow[] = [];
        rows.forEach((r, i) => {
          const previous = filled[i - 1];
          filled.push(r.order !== null && previous && previous.order === r.order && r.customer === null ? { ...r, customer: previous.customer } : r);
        });
        const before = snapshot(ws.db);
        const result = await commitImports(ws.db, [{ path, name: 'export.csv', mapping }], { today: TEST_TODAY });
        const summary = result.files[0];
        // Undo even when an expectation fails, so that shrinking starts from the same workspace.
        try {
        // A line is everything it says, and the same line twice in a file is two sales.
        const distinct = filled.map(key);
        expect(summary).toMatchObject({ status: 'imported', rowsRead: rows.length, imported: rows.length, rejected: 0, duplicates: 0 });
        const stored = ws.db
          .prepare(
            `SELECT s.day, p.sku, p.name, s.quantity, s.unit_price_cents AS unitPriceCents, c.external_id AS customer, s.order_ref AS "order"
             FROM sales s JOIN products p ON p.id = s.product_id LEFT JOIN customers c ON c.id = s.customer_id`,
          )
          .all() as SaleRow[];
        expect(stored.map(key).sort()).toEqual(distinct.sort());
        // New products are named by the first line that names them (by the SKU when none does).
        const names = new Map<string, string>();
        for (const r of rows) if (!names.has(r.sku) && r.name.trim() !== '') names.set(r.sku, r.name);
        for (const r of rows) if (!names.has(r.sku)) names.set(r.sku, r.sku);
        for (const r of stored) expect(r.name).toBe(names.get(r.sku));
        } finally {
          if (summary?.importId) undoImport(ws.db, summary.importId);
        }
        expect(snapshot(ws.db)).toBe(before);
      }),
      { numRuns: 60, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  }, 120_000);
});

const KNOWN_CODES = new Set(['csv.bad_header', 'csv.unreadable', 'file.unreadable', 'csv.unknown_kind']);

async function tryImport(content: Buffer) {
  const path = ws.file('fuzz.csv', content);
  try {
    const inspection = await inspect(ws.db, path);
    const mapping = inspection.mapping;
    const result = await commitImports(ws.db, [{ path, name: 'fuzz.csv', mapping, replace: true }], { today: TEST_TODAY });
    return { ok: true as const, summary: result.files[0] };
  } catch (err) {
    return { ok: false as const, err };
  }
}

describe('broken input (property)', () => {
  it('random bytes never crash the importer, and a refused file changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const before = snapshot(ws.db);
        const outcome = await tryImport(Buffer.from(bytes));
        if (!outcome.ok) {
          expect(outcome.err).toBeInstanceOf(AppError);
          expect(KNOWN_CODES.has((outcome.err as AppError).code)).toBe(true);
          expect(snapshot(ws.db)).toBe(before);
        } else if (outcome.summary?.status === 'imported') {
          const s = outcome.summary;
          expect(s.imported + s.rejected + s.duplicates).toBeGreaterThanOrEqual(s.kind === 'sales_wide' ? 0 : s.rowsRead);
          undoImport(ws.db, s.importId ?? 0);
        }
        expect((ws.db.pragma('quick_check') as Array<{ quick_check: string }>)[0]?.quick_check).toBe('ok');
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('broken CSVs (cut, stray quotes, odd widths, NULs) never crash it either', async () => {
    const valid = 'date,sku,quantity,unit_price\n2025-01-01,A,1,2.50\n2025-01-02,"B, big",2,3.00\n2025-01-03,C,"3",1\n';
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('"', '""', ',', '\n', '\r', '\u0000', ';', '\uFEFF', 'x"y', '\r\n"') }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 10 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        let text = valid;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          if (m.kind === 'cut') text = text.slice(0, at);
          else if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
          else text = text.slice(0, at) + text.slice(at + m.length);
        }
        const before = snapshot(ws.db);
        const outcome = await tryImport(Buffer.from(text, 'utf8'));
        if (!outcome.ok) {
          expect(outcome.err).toBeInstanceOf(AppError);
          expect(snapshot(ws.db)).toBe(before);
        } else if (outcome.summary?.status === 'imported') {
          const s = outcome.summary;
          expect(s.imported + s.rejected + s.duplicates).toBe(s.rowsRead);
          undoImport(ws.db, s.importId ?? 0);
          expect(snapshot(ws.db)).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
