import { parseCliArgs, requireOption } from '../args';
import { openCliApp, runJobToEnd } from '../session';
import type { CliCommand } from '../types';
import { UsageError } from '../types';

const usage = 'shelfcast plan --workspace <file> [--eoq] [--budget <amount>]';

/** Parses a money amount like "1500" or "1,500.50" into cents. */
export function parseMoney(text: string, flag: string): number {
  const cleaned = text.replace(/[,\s£$€]/g, '');
  const value = Number(cleaned);
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned) || !(value > 0)) throw new UsageError(`${flag} must be an amount of money such as 1500 or 1500.50, got "${text}"`);
  return Math.round(value * 100);
}

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'Makes the reorder plan (forecasting first when needed) and prints a JSON summary.',
  usage,
  async run(argv, io) {
    const { values } = parseCliArgs(argv, { workspace: { type: 'string' }, eoq: { type: 'boolean' }, budget: { type: 'string' } });
    const workspace = requireOption(values.workspace, '--workspace', usage);
    const input = { eoqFloor: values.eoq ?? false, budgetCents: values.budget === undefined ? null : parseMoney(values.budget, '--budget') };
    const app = await openCliApp(workspace, io);
    try {
      const result = await runJobToEnd(app, io, 'plan', 'Making the reorder plan', input);
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    } finally {
      await app.dispose();
    }
  },
};
