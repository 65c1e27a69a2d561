import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../core/cli/main';
import { useTempDir } from '../../helpers/tmp';
import { seedShop } from '../inventory/fixtures';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('shelfcast plan and report', () => {
  const tempDir = useTempDir();

  it('plans a workspace, then writes the reorder report as PDF and CSV', async () => {
    const dir = tempDir();
    seedShop(dir).close();
    const plan = await cli(['plan', '--workspace', 'shop.shelfcast', '--budget', '50'], dir);
    expect(plan.stderr).toContain('Making the reorder plan: step 2/2 policy');
    expect(plan.code).toBe(0);
    const summary = JSON.parse(plan.stdout) as { toOrder: number; products: number; totalCostCents: number };
    // A 50.00 budget cannot hold TEA (60.00); SOAP has no cost and is kept.
    expect(summary).toMatchObject({ products: 3, toOrder: 1, totalCostCents: 0, withoutStockCount: 0 });

    const pdf = await cli(['report', 'reorder', '--workspace', 'shop.shelfcast', '--out', 'reorder.pdf'], dir);
    expect(pdf.code).toBe(0);
    expect(readFileSync(join(dir, 'reorder.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await cli(['report', 'reorder', '--workspace', 'shop.shelfcast', '--out', 'reorder.csv', '--supplier', 'Suds Ltd'], dir);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'reorder.csv'), 'utf8')).toContain('Suds Ltd,SOAP');
  });

  it('refuses bad arguments with one line and exit code 2', async () => {
    const dir = tempDir();
    seedShop(dir).close();
    for (const args of [
      ['report', 'everything', '--workspace', 'shop.shelfcast', '--out', 'x.pdf'],
      ['report', 'reorder', '--workspace', 'shop.shelfcast', '--out', 'x.docx'],
      ['report', 'po', '--workspace', 'shop.shelfcast', '--out', 'x.pdf'],
      ['plan', '--workspace', 'shop.shelfcast', '--budget', 'lots'],
    ]) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
