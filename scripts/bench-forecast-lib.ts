// Shared helpers of the forecast benchmarks.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');

/** Builds the CLI and worker bundles (esbuild, a few seconds) so benchmarks time the shipped code. */
export function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--node-only'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error('build failed');
  }
}

export interface PeerRow {
  method: string;
  n: string;
  mase: number;
  spl: number;
  coverage80: number;
  smape: number;
  secondsPerSeries: number;
  wmae?: number;
}

/** Peer results per dataset from the "## <dataset>" tables of bench/SUMMARY.md. */
export function parsePeerSummary(markdown: string): Map<string, { limit?: number; rows: PeerRow[] }> {
  const result = new Map<string, { limit?: number; rows: PeerRow[] }>();
  const sections = markdown.split(/^## /m).slice(1);
  for (const section of sections) {
    const name = section.split('\n')[0]!.trim();
    const lines = section.split('\n').filter((l) => l.startsWith('|'));
    if (lines.length < 3) continue;
    const header = lines[0]!.split('|').map((c) => c.trim());
    const col = (label: string) => header.indexOf(label);
    if (col('MASE') < 0 || col('n') < 0) continue;
    const number = (text: string | undefined) => Number((text ?? '').replace(/[%,]/g, '')) / ((text ?? '').includes('%') ? 100 : 1);
    const rows: PeerRow[] = lines.slice(2).map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      const row: PeerRow = {
        method: cells[col('method')]!,
        n: cells[col('n')]!,
        mase: number(cells[col('MASE')]),
        spl: number(cells[col('SPL')]),
        coverage80: number(cells[col('cov80')]),
        smape: number(cells[col('sMAPE')]),
        secondsPerSeries: number(cells[col('s/series')]),
      };
      if (col('WMAE') >= 0) row.wmae = number(cells[col('WMAE')]);
      return row;
    });
    const limitMatch = /limit (\d+)/.exec(rows[0]?.n ?? '');
    result.set(name, { limit: limitMatch ? Number(limitMatch[1]) : undefined, rows });
  }
  return result;
}
