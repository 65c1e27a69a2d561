import { beforeAll, describe, expect, it, vi } from 'vitest';

// Electron's own modules stand in here (Electron cannot run on this machine); the preload is the real one.
const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const listeners = new Map<string, (...args: unknown[]) => void>();
const windowListeners = new Map<string, (e: unknown) => void>();
const sent: unknown[][] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
    send: (...args: unknown[]) => sent.push(args),
  },
  webUtils: { getPathForFile: (file: { path: string }) => file.path },
}));

interface Bridge {
  invoke(name: unknown, input: unknown, workspace?: unknown): Promise<unknown>;
  on(event: unknown, cb: unknown): () => void;
}

describe('electron/preload bridge', () => {
  let bridge: Bridge;
  beforeAll(async () => {
    vi.stubGlobal('window', { addEventListener: (type: string, fn: (e: unknown) => void) => windowListeners.set(type, fn) });
    await import('../../electron/preload');
    bridge = exposed.shelfcast as Bridge;
  });

  it('exposes exactly invoke and on', () => {
    expect(Object.keys(exposed)).toEqual(['shelfcast']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards only commands of the contract', async () => {
    await bridge.invoke('app.info', {});
    expect(invoked.at(-1)).toEqual(['shelfcast:invoke', 'app.info', {}, undefined]);
    // The workspace the screens show goes along (the main process checks it; see core/app/invoke.ts).
    await bridge.invoke('events.delete', { id: 1 }, '/shops/corner.shelfcast');
    expect(invoked.at(-1)).toEqual(['shelfcast:invoke', 'events.delete', { id: 1 }, '/shops/corner.shelfcast']);
    const before = invoked.length;
    expect(await bridge.invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'command.unknown' } });
    expect(await bridge.invoke({ toString: () => 'app.info' }, {})).toMatchObject({ ok: false });
    expect(invoked.length).toBe(before);
  });

  it('subscribes only to events of the contract, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.on('job', (p: unknown) => got.push(p));
    listeners.get('shelfcast:event:job')?.({}, { jobId: '1' });
    expect(got).toEqual([{ jobId: '1' }]);
    off();
    expect(listeners.has('shelfcast:event:job')).toBe(false);
    bridge.on('ipc-internal', () => undefined);
    expect(listeners.has('shelfcast:event:ipc-internal')).toBe(false);
  });

  it('sends the paths of dropped files to the main process', () => {
    const drop = windowListeners.get('drop');
    drop?.({ preventDefault: () => undefined, dataTransfer: { files: [{ path: '/home/me/sales.csv' }, { path: '' }] } });
    expect(sent.at(-1)).toEqual(['shelfcast:drop', ['/home/me/sales.csv']]);
  });
});
