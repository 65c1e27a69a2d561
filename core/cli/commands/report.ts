import { extname, resolve } from 'node:path';
import { generateReport } from '../../reports/generate';
import type { ReportKind } from '../../reports/generate';
import { parseCliArgs, requireOption } from '../args';
import { openCliApp } from '../session';
import type { CliCommand } from '../types';
import { UsageError } from '../types';

const usage = 'shelfcast report reorder|po|slow --workspace <file> --out <file.pdf|.csv> [--supplier NAME]';
const KINDS: readonly ReportKind[] = ['reorder', 'po', 'slow'];

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Writes the reorder report, the purchase orders or the slow-stock report as PDF or CSV.',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(argv, { workspace: { type: 'string' }, out: { type: 'string' }, supplier: { type: 'string' } }, { allowPositionals: true });
    const kind = positionals[0] as ReportKind | undefined;
    if (positionals.length !== 1 || kind === undefined || !KINDS.includes(kind)) {
      throw new UsageError(`say which report: reorder, po or slow. Usage: ${usage}`);
    }
    const workspace = requireOption(values.workspace, '--workspace', usage);
    const out = resolve(io.cwd, requireOption(values.out, '--out', usage));
    const extension = extname(out).toLowerCase();
    if (extension !== '.pdf' && extension !== '.csv') throw new UsageError(`--out must end in .pdf or .csv, got "${values.out}"`);
    const app = await openCliApp(workspace, io);
    try {
      const request = { kind, format: extension === '.pdf' ? ('pdf' as const) : ('csv' as const), ...(values.supplier ? { supplier: values.supplier } : {}) };
      const { lines } = await generateReport(app.db, request, out);
      io.stdout(`${JSON.stringify({ report: kind, out, lines })}\n`);
      return 0;
    } finally {
      await app.dispose();
    }
  },
};
