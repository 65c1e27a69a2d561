import { existsSync, rmSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { CUSTOMERS_JOB_KIND } from '../../customers/workspace-run';
import { generateReport } from '../../reports/generate';
import { inspectWorkspaceFile, openWorkspace } from '../../db/connection';
import { isDemoWorkspace, markAsDemo } from '../../db/repos/demo';
import { tableCounts } from '../../db/repos/overview';
import { parseCliArgs, requireOption } from '../args';
import { openCliApp, runJobToEnd } from '../session';
import type { CliCommand } from '../types';
import { UsageError } from '../types';

const usage = 'shelfcast demo --workspace <file> [--report <reorder.pdf|.csv>] [--no-plan]';

/** Refuses to overwrite anything but an earlier demo workspace. */
function clearPreviousDemo(path: string): void {
  if (!existsSync(path)) return;
  if (statSync(path).size > 0) {
    inspectWorkspaceFile(path);
    const db = openWorkspace(path, { readonly: true });
    const demo = isDemoWorkspace(db);
    db.close();
    if (!demo) throw new UsageError(`${path} already exists and is not a demo workspace; choose another file name.`);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Builds the demo shop workspace from the built-in CSV files.',
  usage,
  async run(argv, io) {
    const { values } = parseCliArgs(argv, { workspace: { type: 'string' }, report: { type: 'string' }, 'no-plan': { type: 'boolean' } });
    const workspace = resolve(io.cwd, requireOption(values.workspace, '--workspace', usage));
    const report = values.report === undefined ? undefined : resolve(io.cwd, values.report);
    const reportFormat = report === undefined ? undefined : extname(report).toLowerCase() === '.csv' ? 'csv' : extname(report).toLowerCase() === '.pdf' ? 'pdf' : null;
    if (reportFormat === null) throw new UsageError(`--report must end in .pdf or .csv, got "${values.report}"`);
    if (report && values['no-plan']) throw new UsageError('--report needs the plan; leave out --no-plan');
    clearPreviousDemo(workspace);
    const app = await openCliApp(workspace, io, { create: true });
    try {
      markAsDemo(app.db);
      const loaded = await runJobToEnd(app, io, 'demo.load', 'Loading the demo shop', {});
      const plan = values['no-plan'] ? null : await runJobToEnd(app, io, 'plan', 'Forecasting and making the reorder plan', { eoqFloor: false, budgetCents: null });
      const customers = values['no-plan'] ? null : await runJobToEnd(app, io, CUSTOMERS_JOB_KIND, 'Predicting customer orders', { horizonWeeks: 12, minOrders: 2, minConfidence: 0.3 });
      let written: { out: string; lines: number } | null = null;
      if (report && reportFormat) {
        const { lines } = await generateReport(app.db, { kind: 'reorder', format: reportFormat }, report);
        written = { out: report, lines };
        io.stderr(`Reorder report written to ${report}\n`);
      }
      io.stdout(`${JSON.stringify({ workspace, loaded, plan, customers, report: written, counts: tableCounts(app.db) }, null, 2)}\n`);
      return 0;
    } finally {
      await app.dispose();
    }
  },
};
