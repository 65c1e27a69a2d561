import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ShelfcastApp } from '../core/app/app';
import type { Router } from '../core/router';
import type { HandlerContext } from '../core/handlers/context';
import { invokeFromScreen } from '../core/app/invoke';
import { DROP_CHANNEL, INVOKE_CHANNEL, eventChannel } from './channels';

/**
 * Binds the core router to ipcMain. Every input is validated by the router (zod) in this,
 * the main process; only the app's own window may call, and events go only to it.
 */
export function bindIpc(ipcMain: IpcMain, app: ShelfcastApp, router: Router<HandlerContext>, window: () => WebContents | undefined): () => void {
  const fromOurWindow = (event: IpcMainInvokeEvent | IpcMainEvent) => {
    const contents = window();
    return contents !== undefined && event.sender.id === contents.id && (event.senderFrame?.url ?? '').startsWith('app://');
  };

  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown, workspace: unknown) => {
    if (!fromOurWindow(event)) return { ok: false, error: { code: 'command.unknown', message: 'Refused: not the Shelfcast window.' } };
    return invokeFromScreen(router, app, name, input, workspace);
  });

  const onDrop = (event: IpcMainEvent, paths: unknown) => {
    if (!fromOurWindow(event) || !Array.isArray(paths)) return;
    const files = paths.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length < 4096).slice(0, 100).map((p) => app.files.grant(p));
    if (files.length > 0) app.emit('files.dropped', { files });
  };
  ipcMain.on(DROP_CHANNEL, onDrop);

  const stopEvents = app.onEvent((name, payload) => {
    const contents = window();
    if (contents && !contents.isDestroyed()) contents.send(eventChannel(name), payload);
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeListener(DROP_CHANNEL, onDrop);
    stopEvents();
  };
}
