import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../core/cli/main';
import { openWorkspace } from '../../../core/db/connection';
import { useTempDir } from '../../helpers/tmp';

const root = join(import.meta.dirname, '..', '..', '..');

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('shelfcast CLI', () => {
  const tempDir = useTempDir();

  it('info prints the table counts of a workspace as JSON', async () => {
    const dir = tempDir();
    const db = openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
    db.prepare("INSERT INTO products (sku, name) VALUES ('A', 'Apples'), ('B', 'Bread')").run();
    db.close();
    const result = await cli(['info', '--workspace', 'shop.shelfcast'], dir);
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout) as { counts: Record<string, number> };
    expect(info.counts.products).toBe(2);
    expect(info.counts.locations).toBe(1);
    expect(info.counts.sales).toBe(0);
  });

  it('gives one clear line and exit code 2 for bad arguments', async () => {
    const dir = tempDir();
    for (const args of [['info'], ['info', '--workspace'], ['info', '--bogus', 'x'], ['nonsense']]) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('gives one clear line and exit code 2 for a missing or non-workspace file', async () => {
    const dir = tempDir();
    const missing = await cli(['info', '--workspace', 'nope.shelfcast'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no workspace file/i);
    writeFileSync(join(dir, 'text.shelfcast'), 'hello '.repeat(50));
    const text = await cli(['info', '--workspace', 'text.shelfcast'], dir);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/not a Shelfcast workspace/);
    expect(text.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs as a program with an exit code', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'core/cli/main.ts'), 'info'], { encoding: 'utf8', cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/missing --workspace/);
  });
});
