import { existsSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CommitResult, DateOrder, ImportKind, Inspection } from '../../contract/commands/import';
import { DateOrder as DateOrderSchema, DecimalSeparator, ImportKind as ImportKindSchema } from '../../contract/commands/import';
import { AppError } from '../../contract/errors';
import { readSettings } from '../../db/repos/settings';
import { inspectFile, knownScan } from '../../import/inspect';
import { IMPORT_JOB } from '../../import/jobs';
import type { ImportJobInput } from '../../import/jobs';
import { applyColumnChoices } from '../../import/overrides';
import { parseCliArgs, requireOption } from '../args';
import { openCliApp, runJobToEnd } from '../session';
import type { CliCommand } from '../types';
import { UsageError } from '../types';

const usage =
  'shelfcast import <file>... --workspace <file> [--kind K] [--map column=field ...] [--date-order dmy|mdy|ymd] [--decimal .|,] [--replace] [--no-new-products]';

function oneOf<T extends string>(value: string | undefined, schema: { options: readonly T[] }, flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(schema.options as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${schema.options.join(', ')}, got "${value}"`);
  return value as T;
}

/**
 * Imports files into a workspace (created when missing). Every file is checked first; a
 * file-level problem stops the command before anything is written (exit 2). Then all files
 * are imported in one transaction, and one JSON summary per file is printed, one per line.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Imports CSV files (sales, products, stock, purchase orders, suppliers, customers, events).',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(
      argv,
      {
        workspace: { type: 'string' },
        kind: { type: 'string' },
        map: { type: 'string', multiple: true },
        'date-order': { type: 'string' },
        decimal: { type: 'string' },
        replace: { type: 'boolean' },
        'no-new-products': { type: 'boolean' },
      },
      { allowPositionals: true },
    );
    const workspace = requireOption(values.workspace, '--workspace', usage);
    if (positionals.length === 0) throw new UsageError(`name at least one file to import. Usage: ${usage}`);
    const kind: ImportKind | undefined = oneOf(values.kind, ImportKindSchema, '--kind');
    const dateOrder: DateOrder | undefined = oneOf(values['date-order'], DateOrderSchema, '--date-order');
    const decimal = oneOf(values.decimal, DecimalSeparator, '--decimal');
    const workspacePath = resolve(io.cwd, workspace);
    const isNew = !existsSync(workspacePath);
    const app = await openCliApp(workspacePath, io, { create: true });
    let succeeded = false;
    try {
      const settings = readSettings(app.db);
      const files: ImportJobInput['files'] = [];
      for (const given of positionals) {
        const path = resolve(io.cwd, given);
        const name = basename(path);
        let inspection: Inspection = await inspectFile(app.db, path, name, { ...(kind ? { kind } : {}), locale: settings.locale });
        const { mapping, problems } = applyColumnChoices(inspection.mapping, inspection.headers, values.map ?? []);
        if (problems.length > 0) throw new UsageError(`${name}: ${problems.join(' ')}`);
        if (dateOrder) mapping.dateOrder = dateOrder;
        if (decimal) mapping.decimalSeparator = decimal;
        if ((values.map ?? []).length > 0 || dateOrder || decimal) inspection = await inspectFile(app.db, path, name, { mapping, locale: settings.locale });
        if (inspection.blockers.length > 0) throw new AppError('csv.bad_header', `${name}: ${inspection.blockers.join(' ')}`);
        if (inspection.dateOrder.ambiguous && !dateOrder) io.stderr(`${name}: ${inspection.dateOrder.evidence} (Use --date-order to choose.)\n`);
        const scan = knownScan(path);
        files.push({ path, name, mapping: inspection.mapping, replace: values.replace ?? false, ...(scan ? { scan } : {}) });
      }
      const input: ImportJobInput = { files, createProducts: !values['no-new-products'] };
      const result = (await runJobToEnd(app, io, IMPORT_JOB, 'Importing', input)) as CommitResult;
      for (const summary of result.files) io.stdout(`${JSON.stringify(summary)}\n`);
      if (result.historyWarning) io.stderr(`warning: ${result.historyWarning}\n`);
      succeeded = true;
      return 0;
    } finally {
      await app.dispose();
      // A workspace this command created for an import that did not happen is removed again.
      if (!succeeded && isNew) for (const suffix of ['', '-wal', '-shm']) rmSync(`${workspacePath}${suffix}`, { force: true });
    }
  },
};
