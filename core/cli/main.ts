import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliCommand, CliIO } from './types';
import { UsageError } from './types';
import { AppError } from '../contract/errors';
import { customersCommand } from './commands/customers';
import { demoCommand } from './commands/demo';
import { forecastCommand } from './commands/forecast';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { webCommand } from './commands/web';
import { planCommand } from './commands/plan';
import { reportCommand } from './commands/report';
import { trainCommand } from './commands/train';
import { replayCommand } from './commands/replay';

/** Every CLI command; add one entry per command. */
export const CLI_COMMANDS: CliCommand[] = [
  demoCommand,
  forecastCommand,
  importCommand,
  infoCommand,
  planCommand,
  reportCommand,
  trainCommand,
  replayCommand,
  webCommand,
  customersCommand,
];

function helpText(): string {
  const width = Math.max(...CLI_COMMANDS.map((c) => c.name.length));
  const lines = CLI_COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Shelfcast: what to reorder, from whom, how much and why.', '', 'Usage: shelfcast <command> [options]', '', 'Commands:', ...lines, '', 'shelfcast <command> --help shows a command\'s options.'].join('\n');
}

/** Runs the CLI; returns the exit code (0 ok, 2 usage or file error, 1 internal error). */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${helpText()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    const { appVersion } = await import('../version');
    io.stdout(`${appVersion()}\n`);
    return 0;
  }
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`shelfcast: unknown command "${name}". Run shelfcast --help for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof AppError) {
      io.stderr(`shelfcast ${name}: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    io.stderr(`shelfcast ${name}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.SHELFCAST_DEBUG && err instanceof Error) io.stderr(`${err.stack}\n`);
    return 1;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

export async function main(): Promise<void> {
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  const code = await runCli(process.argv.slice(2), io);
  // Exit once stdout is flushed, even if a library left a handle open (a worker, a timer).
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

if (isMain()) void main();
