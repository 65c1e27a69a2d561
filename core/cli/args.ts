import { parseArgs } from 'node:util';
import { UsageError } from './types';

type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

/** parseArgs with errors turned into one-line usage errors. */
export function parseCliArgs<T extends Record<string, OptionSpec>>(
  argv: string[],
  options: T,
  { allowPositionals = false }: { allowPositionals?: boolean } = {},
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err);
    throw new UsageError(message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function requireOption(value: string | undefined, flag: string, usage: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${flag}. Usage: ${usage}`);
  return value;
}

export function positiveInt(value: string | undefined, flag: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`missing ${flag}`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number, got "${value}"`);
  return n;
}
