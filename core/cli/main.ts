import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliCommand, CliIO } from './types';
import { UsageError } from './types';
import { AppError } from '../contract/errors';

/**
 * Every CLI command, loaded only when it runs: the forecast command's code is a tenth of the
 * whole CLI's, which took ~0.1 s to load before the command could start reading its file.
 * Add one entry per command.
 */
const COMMAND_LOADERS: Record<string, () => Promise<CliCommand>> = {
  demo: async () => (await import('./commands/demo')).demoCommand,
  forecast: async () => (await import('./commands/forecast')).forecastCommand,
  import: async () => (await import('./commands/import')).importCommand,
  info: async () => (await import('./commands/info')).infoCommand,
  plan: async () => (await import('./commands/plan')).planCommand,
  report: async () => (await import('./commands/report')).reportCommand,
  train: async () => (await import('./commands/train')).trainCommand,
  replay: async () => (await import('./commands/replay')).replayCommand,
  web: async () => (await import('./commands/web')).webCommand,
  customers: async () => (await import('./commands/customers')).customersCommand,
};

export const CLI_COMMAND_NAMES = Object.keys(COMMAND_LOADERS);

/** Every command (loads them all: for the help text and tests). */
export async function cliCommands(): Promise<CliCommand[]> {
  return Promise.all(CLI_COMMAND_NAMES.map((name) => COMMAND_LOADERS[name]!()));
}

async function helpText(): Promise<string> {
  const commands = await cliCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Shelfcast: what to reorder, from whom, how much and why.', '', 'Usage: shelfcast <command> [options]', '', 'Commands:', ...lines, '', 'shelfcast <command> --help shows a command\'s options.'].join('\n');
}

/** Runs the CLI; returns the exit code (0 ok, 2 usage or file error, 1 internal error). */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${await helpText()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    const { appVersion } = await import('../version');
    io.stdout(`${appVersion()}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMAND_LOADERS, name) ? COMMAND_LOADERS[name] : undefined;
  if (!load) {
    io.stderr(`shelfcast: unknown command "${name}". Run shelfcast --help for the list.\n`);
    return 2;
  }
  const command = await load();
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
