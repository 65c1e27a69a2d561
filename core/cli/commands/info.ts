import { openCliApp } from '../session';
import { parseCliArgs, requireOption } from '../args';
import type { CliCommand } from '../types';
import { salesDayRange, schemaVersion, tableCounts } from '../../db/repos/overview';
import { isoFromDay } from '../../dates';

const usage = 'shelfcast info --workspace <file>';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Prints the row counts of a workspace as JSON.',
  usage,
  async run(argv, io) {
    const { values } = parseCliArgs(argv, { workspace: { type: 'string' } });
    const workspace = requireOption(values.workspace, '--workspace', usage);
    const app = await openCliApp(workspace, io);
    try {
      const range = salesDayRange(app.db);
      const info = {
        workspace: app.workspacePath,
        schemaVersion: schemaVersion(app.db),
        counts: tableCounts(app.db),
        firstSaleDay: range.first === null ? null : isoFromDay(range.first),
        lastSaleDay: range.last === null ? null : isoFromDay(range.last),
      };
      io.stdout(`${JSON.stringify(info, null, 2)}\n`);
      return 0;
    } finally {
      await app.dispose();
    }
  },
};
