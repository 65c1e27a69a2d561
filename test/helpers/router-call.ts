import type { ShelfcastApp } from '../../core/app/app';
import type { CommandName, CommandOutput } from '../../core/contract';
import { createAppRouter } from '../../core/handlers';
import type { HandlerContext } from '../../core/handlers/context';

/**
 * The app's real router with a typed `call` for handler tests: a refusal is thrown as an
 * Error carrying the envelope's code, an answer is returned as the command's output.
 */
export function routerFor(app: ShelfcastApp) {
  const router = createAppRouter({ error: () => undefined });
  const ctx: HandlerContext = { app };
  async function call<K extends CommandName>(name: K, input: unknown): Promise<CommandOutput<K>> {
    const envelope = await router.invoke(name, input, ctx);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as CommandOutput<K>;
  }
  return { router, ctx, call };
}
