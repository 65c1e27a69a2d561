import { afterEach, describe, expect, it } from 'vitest';
import type { TempWorkspace } from './helpers';
import { inspect, tempWorkspace } from './helpers';

let ws: TempWorkspace;
afterEach(() => ws?.close());

describe('the preview before an import', () => {
  it('lists the rejected rows of the sample wherever they are, with line, cells as written and reason', async () => {
    ws = tempWorkspace();
    const lines = ['invoice,date,sku,description,quantity,unit_price'];
    for (let line = 2; line <= 160; line++) {
      if (line === 49) lines.push('553175,2011-13-45T10:00:00,23083,SET 6 PAPER TABLE LANTERN STARS,2,3.75');
      else if (line === 100) lines.push('553537,2011-05-17T15:25:00,23084,RABBIT NIGHT LIGHT,abc,2.08');
      else if (line === 151) lines.push('554039,,23089,GLASS BON BON JAR,12,1.65');
      else lines.push(`55${line},2011-05-10T13:33:00,23081,GREEN METAL BOX,2,8.25`);
    }
    const inspection = await inspect(ws.db, ws.file('bad_sales.csv', lines.join('\n')));
    // the first 20 rows are all valid: the rejected ones are listed on their own
    expect(inspection.preview.every((r) => r.status === 'ok')).toBe(true);
    expect(inspection.sample).toEqual({ rows: 159, rejected: 3 });
    expect(inspection.rejectedRows.map((r) => [r.line, r.status, r.values['sku'], r.problems])).toEqual([
      [49, 'rejected', '23083', [{ column: 'date', reason: expect.stringContaining('"2011-13-45T10:00:00"') }]],
      [100, 'rejected', '23084', [{ column: 'quantity', reason: '"abc" is not a number' }]],
      [151, 'rejected', '23089', [{ column: 'date', reason: 'missing date' }]],
    ]);
    expect(inspection.rejectedRows[1]?.values).toMatchObject({ quantity: 'abc', unitPrice: '2.08', productName: 'RABBIT NIGHT LIGHT', orderRef: '553537' });
    expect(inspection.warnings).toContain(
      '3 of the first 159 rows would be rejected; they are listed under “Rows that would be rejected” with the reason. Fix the file and drop it again, or import the valid rows.',
    );
  });

  it('keeps a rejected stock row\'s SKU and value visible next to the reason', async () => {
    ws = tempWorkspace();
    const stock = ['date,sku,on_hand', '2011-12-09,22727,120', '2011-12-09,22725,-7', '2011-12-09,22138,1.5e'].join('\n');
    const inspection = await inspect(ws.db, ws.file('bad_stock.csv', stock));
    expect(inspection.preview.map((r) => [r.line, r.status, r.values['sku'], r.values['quantity']])).toEqual([
      [2, 'ok', '22727', '120'],
      [3, 'rejected', '22725', '-7'],
      [4, 'rejected', '22138', '1.5e'],
    ]);
    expect(inspection.preview[2]?.problems).toEqual([{ column: 'on_hand', reason: '"1.5e" is not a number' }]);
    expect(inspection.warnings).toContain('2 of the first 3 rows would be rejected; the rows below show them with the reason. Fix the file and drop it again, or import the valid rows.');
    expect(inspection.decimal.evidence).toBe('The numbers have no decimals, so the decimal separator does not matter.');
  });
});
