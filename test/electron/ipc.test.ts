import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { IpcMain, WebContents } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcastApp } from '../../core/app/app';
import type { FileRef } from '../../core/contract/common';
import { createAppRouter } from '../../core/handlers';
import { DROP_CHANNEL, INVOKE_CHANNEL, eventChannel } from '../../electron/channels';
import { bindIpc } from '../../electron/ipc';
import { useTempDir } from '../helpers/tmp';

/**
 * Electron cannot run here, so its ipcMain is stood in for by an EventEmitter with the
 * same `handle` contract; the core, router and binding under test are the real ones.
 */
class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) {
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

describe('electron/ipc binding', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp;
  afterEach(() => app.dispose());

  function setup() {
    const dir = tempDir();
    app = new ShelfcastApp({ host: 'electron', configDir: join(dir, 'c'), defaultWorkspaceDir: join(dir, 'w') });
    const ipc = new FakeIpcMain();
    const sent: Array<[string, unknown]> = [];
    const contents = { id: 7, isDestroyed: () => false, send: (channel: string, payload: unknown) => sent.push([channel, payload]) } as unknown as WebContents;
    const unbind = bindIpc(ipc as unknown as IpcMain, app, createAppRouter({ error: () => undefined }), () => contents);
    const ours = { sender: { id: 7 }, senderFrame: { url: 'app://shelfcast/index.html' } };
    const invoke = (event: unknown, name: unknown, input: unknown, workspace?: unknown) => ipc.handlers.get(INVOKE_CHANNEL)?.(event, name, input, workspace);
    return { ipc, sent, unbind, ours, invoke };
  }

  it('routes commands from the app window through the validating router', async () => {
    const { ours, invoke } = setup();
    expect(await invoke(ours, 'app.info', {})).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(await invoke(ours, 'settings.update', { shopName: 5 })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await invoke(ours, 'no.such', {})).toMatchObject({ ok: false, error: { code: 'command.unknown' } });
    // A change from a screen that shows another workspace than the open one (here: none open) is refused.
    expect(await invoke(ours, 'events.delete', { id: 1 }, '/shops/other.shelfcast')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await invoke(ours, 'events.delete', { id: 1 }, 7)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });

  it('refuses calls from any other sender or origin', async () => {
    const { invoke } = setup();
    expect(await invoke({ sender: { id: 8 }, senderFrame: { url: 'app://shelfcast/index.html' } }, 'app.info', {})).toMatchObject({ ok: false });
    expect(await invoke({ sender: { id: 7 }, senderFrame: { url: 'https://example.com/' } }, 'app.info', {})).toMatchObject({ ok: false });
  });

  it('grants dropped paths as file handles and tells the window', () => {
    const { ipc, sent, ours } = setup();
    ipc.emit(DROP_CHANNEL, ours, ['/tmp/sales.csv', 42, '']);
    const [channel, payload] = sent.find(([c]) => c === eventChannel('files.dropped')) ?? [];
    expect(channel).toBe(eventChannel('files.dropped'));
    const files = (payload as { files: FileRef[] }).files;
    expect(files.map((f) => f.name)).toEqual(['sales.csv']);
    expect(app.files.resolve(files[0]?.fileId ?? '').path).toBe('/tmp/sales.csv');
  });

  it('ignores drops from elsewhere and unbinds cleanly', () => {
    const { ipc, sent, unbind } = setup();
    ipc.emit(DROP_CHANNEL, { sender: { id: 9 }, senderFrame: { url: 'app://shelfcast/' } }, ['/etc/passwd']);
    expect(sent.filter(([c]) => c === eventChannel('files.dropped'))).toEqual([]);
    unbind();
    expect(ipc.handlers.size).toBe(0);
    expect(ipc.listenerCount(DROP_CHANNEL)).toBe(0);
  });
});
