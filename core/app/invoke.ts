import type { CommandName, Envelope } from '../contract';
import { WORKSPACE_CHANGES } from '../contract';
import type { HandlerContext } from '../handlers/context';
import type { Router } from '../router';
import type { ShelfcastApp } from './app';
import { workspaceName } from './recent';

/**
 * A command from a screen, as both transports (Electron's IPC and the browser host) receive
 * it: its name, its input and the workspace the screen shows (`shown`: its path, null for
 * none, undefined when the caller does not say). A command that changes the workspace is
 * refused with `conflict` when the screen shows another workspace than the open one: a
 * click on a screen loaded for one shop must not change another shop's file. The path is
 * only compared, never opened. The check and the handler's start run in the same turn of
 * the event loop, so no workspace can be opened between them.
 */
export function invokeFromScreen(router: Router<HandlerContext>, app: ShelfcastApp, name: unknown, input: unknown, shown: unknown): Promise<Envelope<unknown>> {
  const command = typeof name === 'string' ? name : '';
  if (shown !== undefined && shown !== null && (typeof shown !== 'string' || shown.length > 4096)) {
    return Promise.resolve({ ok: false, error: { code: 'input.invalid', message: `The request "${command}" named its workspace wrongly.` } });
  }
  if (shown !== undefined && router.has(command) && WORKSPACE_CHANGES.has(command as CommandName)) {
    const open = app.workspace?.path ?? null;
    if (shown !== open) {
      const message = open
        ? `Another workspace (${workspaceName(open)}) was opened after this screen was loaded, so nothing was changed. The screen now shows that workspace.`
        : 'The workspace was closed after this screen was loaded, so nothing was changed.';
      return Promise.resolve({ ok: false, error: { code: 'conflict', message, details: { workspace: open } } });
    }
  }
  return router.invoke(command, input, { app });
}
