import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../core/cli/main';
import { openWorkspace } from '../../../../core/db/connection';
import { useTempDir } from '../../../helpers/tmp';
import { snapshot } from '../../import/helpers';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

function state(path: string): string {
  const db = openWorkspace(path);
  try {
    return snapshot(db);
  } finally {
    db.close();
  }
}

describe('shelfcast import', () => {
  const tempDir = useTempDir();

  it('prints one JSON summary per file and exits 0, rejected rows included', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'products.csv'), 'sku,name\nA,Apple\nB,Bread\n');
    writeFileSync(join(dir, 'sales.csv'), 'date,sku,qty\n2025-01-02,A,1\n2025-01-03,B,x\n');
    const result = await cli(['import', 'sales.csv', 'products.csv', '--workspace', 'shop.shelfcast'], dir);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { fileName: 'sales.csv', kind: 'sales_lines', status: 'imported', rowsRead: 2, imported: 1, rejected: 1, firstRejects: [{ line: 3, column: 'qty', reason: '"x" is not a number' }] },
      { fileName: 'products.csv', kind: 'products', status: 'imported', imported: 2 },
    ]);
    expect(result.stderr).toContain('warning: The workspace holds 1 day of sales history');
    const again = await cli(['import', 'sales.csv', '--workspace', 'shop.shelfcast'], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'already_imported', imported: 0 });
    const replaced = await cli(['import', 'sales.csv', '--workspace', 'shop.shelfcast', '--replace'], dir);
    expect(JSON.parse(replaced.stdout)).toMatchObject({ status: 'imported', imported: 1, replaced: [expect.any(Number)] });
  }, 120_000);

  it('takes --kind, --map column=field, --date-order and --decimal', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counts.csv'), 'Article;Counted;When\nA;1,5;03/04/2025\n');
    const result = await cli(['import', 'counts.csv', '--workspace', 'shop.shelfcast', '--kind', 'stock', '--map', 'Article=sku', '--map', 'Counted=quantity', '--map', 'When=date', '--date-order', 'mdy', '--decimal', ','], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'stock', imported: 1 });
    const db = openWorkspace(join(dir, 'shop.shelfcast'));
    expect(db.prepare('SELECT day, on_hand FROM stock_snapshots').get()).toEqual({ day: 20_151, on_hand: 1.5 });
    db.close();
  }, 120_000);

  it('exits 2 with the message on stderr on a file-level error, and changes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.csv'), 'date,sku,qty\n2025-01-02,A,1\n');
    await cli(['import', 'good.csv', '--workspace', 'shop.shelfcast'], dir);
    const before = state(join(dir, 'shop.shelfcast'));
    writeFileSync(join(dir, 'mystery.csv'), 'foo,bar\n1,2\n');
    writeFileSync(join(dir, 'other.csv'), 'date,sku,qty\n2025-01-05,B,1\n');
    for (const args of [
      ['import', 'other.csv', 'mystery.csv'],
      ['import', 'missing.csv'],
      ['import', 'other.csv', '--map', 'nope=sku'],
      ['import', 'other.csv', '--map', 'qty=banana'],
      ['import', 'other.csv', '--kind', 'nonsense'],
      ['import'],
    ]) {
      const result = await cli([...args, '--workspace', 'shop.shelfcast'], dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(state(join(dir, 'shop.shelfcast'))).toBe(before);
    const unknown = await cli(['import', 'mystery.csv', '--workspace', 'new.shelfcast'], dir);
    expect(unknown.stderr).toMatch(/mystery\.csv: Shelfcast could not tell what this file holds/);
    expect(existsSync(join(dir, 'new.shelfcast'))).toBe(false);
  }, 120_000);
});
