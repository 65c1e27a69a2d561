import type { z } from 'zod';
import type { CommandName, CommandParsedInput, CommandResult, Commands } from './contract';
import { commands as allCommands } from './contract';
import type { Envelope } from './contract/errors';
import { AppError, toErrorData } from './contract/errors';

export type Handler<K extends CommandName, C> = (
  input: CommandParsedInput<K>,
  ctx: C,
) => CommandResult<K> | Promise<CommandResult<K>>;

export type HandlerMap<C> = { [K in CommandName]?: Handler<K, C> };

/** Declares the handlers of one domain (type-checked against the contract). */
export function defineHandlers<C>(domain: string, handlers: HandlerMap<C>): { domain: string; handlers: HandlerMap<C> } {
  return { domain, handlers };
}

/** Combines the handlers of every domain; a name registered twice is a programming error. */
export function combineHandlers<C>(...groups: Array<{ domain: string; handlers: HandlerMap<C> }>): HandlerMap<C> {
  const combined: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group.handlers)) {
      if (owner.has(name)) {
        throw new Error(`Command ${name} is handled twice (by ${owner.get(name)} and ${group.domain})`);
      }
      owner.set(name, group.domain);
      combined[name] = handler;
    }
  }
  return combined as HandlerMap<C>;
}

export interface Logger {
  error(message: string, err?: unknown): void;
}

export interface Router<C> {
  invoke(name: string, input: unknown, ctx: C): Promise<Envelope<unknown>>;
  has(name: string): boolean;
}

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * The one router: validates the input, runs the handler, validates the output. Whatever a
 * handler throws comes back as `{ok: false}`; nothing escapes as an exception.
 */
export function createRouter<C>(
  handlers: HandlerMap<C>,
  logger: Logger = { error: (m, e) => console.error(m, e) },
  commands: Commands = allCommands,
): Router<C> {
  const missing = Object.keys(commands).filter((name) => !(name in handlers));
  if (missing.length > 0) throw new Error(`Commands without a handler: ${missing.join(', ')}`);
  const table = handlers as Record<string, (input: unknown, ctx: C) => unknown>;
  const specs = commands as Record<string, { input: z.ZodType; output: z.ZodType }>;

  return {
    has: (name) => Object.hasOwn(specs, name),
    async invoke(name, rawInput, ctx) {
      if (typeof name !== 'string' || !Object.hasOwn(specs, name)) {
        return { ok: false, error: { code: 'command.unknown', message: `There is no command called "${String(name)}".` } };
      }
      const spec = specs[name] as { input: z.ZodType; output: z.ZodType };
      const handler = table[name] as (input: unknown, ctx: C) => unknown;
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'input.invalid', message: `The request "${name}" had invalid input.`, details: issuesOf(parsed.error) },
        };
      }
      let value: unknown;
      try {
        value = await handler(parsed.data, ctx);
      } catch (err) {
        const data = toErrorData(err);
        if (!(err instanceof AppError) && data.code === 'internal') logger.error(`Command ${name} failed`, err);
        return { ok: false, error: data };
      }
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        logger.error(`Command ${name} returned output that does not match its contract`, issuesOf(checked.error));
        return { ok: false, error: { code: 'output.invalid', message: 'Shelfcast produced an unexpected answer. The details are in the log.' } };
      }
      return { ok: true, value: checked.data };
    },
  };
}

export type { CommandName };
