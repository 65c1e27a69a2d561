import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { ERROR_CODES } from '../../../core/contract/errors';
import { commands } from '../../../core/contract';
import { command } from '../../../core/contract/spec';
import { combineHandlers, createRouter, defineHandlers } from '../../../core/router';
import { allHandlers } from '../../../core/handlers';

// A small contract of its own, so the router's behaviour is tested independently of the app's commands.
const testCommands = {
  'math.half': command('Halves an even number.', z.object({ n: z.number().int() }).strict(), z.object({ half: z.number().int() })),
  'math.boom': command('Throws.', z.object({}), z.object({})),
  'math.lie': command('Returns the wrong shape.', z.object({}), z.object({ half: z.number() })),
};

const silent = { error: () => undefined };

function router() {
  const handlers = {
    'math.half': (input: { n: number }) => {
      if (input.n % 2 !== 0) throw new AppError('input.invalid', `${input.n} is odd`);
      return { half: input.n / 2 };
    },
    'math.boom': () => {
      throw new Error('kaboom with a stack');
    },
    'math.lie': () => ({ half: 'not a number' }),
  };
  // The test contract has its own names, so the typed helpers are bypassed here on purpose.
  return createRouter<object>(handlers as never, silent, testCommands as never);
}

describe('router', () => {
  it('returns ok:true with the validated output', async () => {
    expect(await router().invoke('math.half', { n: 8 }, {})).toEqual({ ok: true, value: { half: 4 } });
  });

  it('rejects invalid input before the handler runs, with the issues as details', async () => {
    const result = await router().invoke('math.half', { n: 'eight' }, {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('input.invalid');
      expect(result.error.details).toEqual([expect.objectContaining({ path: 'n' })]);
    }
  });

  it('rejects unknown extra fields in strict inputs', async () => {
    const result = await router().invoke('math.half', { n: 2, extra: true }, {});
    expect(result.ok).toBe(false);
  });

  it('turns an AppError into its code and message', async () => {
    expect(await router().invoke('math.half', { n: 3 }, {})).toEqual({ ok: false, error: { code: 'input.invalid', message: '3 is odd' } });
  });

  it('never lets a thrown error escape: it becomes ok:false internal without the stack', async () => {
    const result = await router().invoke('math.boom', {}, {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/went wrong/) } });
    expect(JSON.stringify(result)).not.toMatch(/kaboom/);
  });

  it('validates outputs too', async () => {
    const result = await router().invoke('math.lie', {}, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('output.invalid');
  });

  it('answers unknown names, including prototype keys, with command.unknown', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      const result = await router().invoke(name, {}, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('command.unknown');
    }
  });

  it('refuses to build with a command that has no handler', () => {
    expect(() => createRouter<object>({} as never, silent, testCommands as never)).toThrow(/without a handler/);
  });

  it('refuses a command handled by two domains', () => {
    const a = defineHandlers<object>('a', { 'app.info': () => { throw new Error('x'); } });
    const b = defineHandlers<object>('b', { 'app.info': () => { throw new Error('y'); } });
    expect(() => combineHandlers(a, b)).toThrow(/handled twice/);
  });

  it('the app router covers every command of the contract exactly once', () => {
    const handled = Object.keys(allHandlers()).sort();
    expect(handled).toEqual(Object.keys(commands).sort());
  });

  it('every error code is namespaced and unique', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
