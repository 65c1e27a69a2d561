import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { inspectWorkspaceFile, openWorkspace } from '../../db/connection';
import { isDemoWorkspace, markAsDemo } from '../../db/repos/demo';
import { tableCounts } from '../../db/repos/overview';
import { parseCliArgs, requireOption } from '../args';
import { openCliApp, runJobToEnd } from '../session';
import type { CliCommand } from '../types';
import { UsageError } from '../types';

const usage = 'shelfcast demo --workspace <file>';

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
    const { values } = parseCliArgs(argv, { workspace: { type: 'string' } });
    const workspace = resolve(io.cwd, requireOption(values.workspace, '--workspace', usage));
    clearPreviousDemo(workspace);
    const app = await openCliApp(workspace, io, { create: true });
    try {
      markAsDemo(app.db);
      const loaded = await runJobToEnd(app, io, 'demo.load', 'Loading the demo shop', {});
      io.stdout(`${JSON.stringify({ workspace, loaded, counts: tableCounts(app.db) }, null, 2)}\n`);
      return 0;
    } finally {
      await app.dispose();
    }
  },
};
