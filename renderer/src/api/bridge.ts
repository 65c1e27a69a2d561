import type { Envelope } from '../../../core/contract/errors';

/** What the preload exposes as window.shelfcast (and what the browser host emulates). */
export interface ShelfcastBridge {
  /** `workspace`: the path of the workspace the screen shows (null: none); see core/app/invoke.ts. */
  invoke(name: string, input: unknown, workspace?: string | null): Promise<Envelope<unknown>>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    shelfcast?: ShelfcastBridge;
  }
}

function hostToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('shelfcast.token', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('shelfcast.token') ?? '';
}

/** The loopback browser host's bridge: HTTP for commands, server-sent events for events. */
function httpBridge(): ShelfcastBridge {
  const token = hostToken();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
  const attached = new Set<string>();
  const attach = (event: string) => {
    if (attached.has(event)) return;
    attached.add(event);
    source.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const cb of listeners.get(event) ?? []) cb(payload);
    });
  };
  return {
    async invoke(name, input, workspace) {
      const response = await fetch('./api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Shelfcast-Token': token },
        body: JSON.stringify({ name, input, workspace }),
      });
      if (!response.ok && response.headers.get('content-type')?.includes('application/json') !== true) {
        return { ok: false, error: { code: 'internal', message: `The local Shelfcast host answered ${response.status}.` } };
      }
      return (await response.json()) as Envelope<unknown>;
    },
    on(event, callback) {
      attach(event);
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
  };
}

export const isDesktop = typeof window.shelfcast !== 'undefined';
export const bridge: ShelfcastBridge = window.shelfcast ?? httpBridge();

/** Browser host only: sends a dropped or picked file to the host, which grants it a handle. */
export async function uploadFile(file: File): Promise<{ fileId: string; name: string; size: number }> {
  const token = hostToken();
  const response = await fetch(`./api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'X-Shelfcast-Token': token, 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) throw new Error(`Uploading ${file.name} failed (${response.status}).`);
  return (await response.json()) as { fileId: string; name: string; size: number };
}

/** Browser host only: the address from which a granted file can be downloaded. */
export function fileUrl(fileId: string, inline = false): string {
  return `./api/files/${encodeURIComponent(fileId)}?token=${encodeURIComponent(hostToken())}${inline ? '&inline=1' : ''}`;
}
