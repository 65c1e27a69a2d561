import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ShelfcastApp } from '../app/app';
import { invokeFromScreen } from '../app/invoke';
import { defaultDirs } from '../app/defaults';
import { createAppRouter } from '../handlers';
import { appRoot } from '../paths';
import { CONTENT_SECURITY_POLICY } from './csp';

export interface BrowserHostOptions {
  /** Workspace to open at start (created when missing). Else the most recent one, if any. */
  workspace?: string;
  /** Port to listen on; 0 or absent picks a free one. Always on 127.0.0.1. */
  port?: number;
  /** Built renderer folder; defaults to dist/renderer. */
  rendererDir?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  app: ShelfcastApp;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
};

const MAX_JSON_BYTES = 10 * 1024 * 1024;

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const cookie = req.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === 'shelfcast_token') return value;
  }
  return undefined;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_JSON_BYTES) throw new Error('request too large');
    chunks.push(buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The browser host: serves the built renderer and the core router on 127.0.0.1 only, to a
 * page that presents the per-run token. It exists for end-to-end tests and for machines
 * without Electron; the renderer uses it when window.shelfcast (the preload) is absent.
 */
export async function startBrowserHost(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const token = randomBytes(24).toString('hex');
  const rendererDir = resolve(options.rendererDir ?? join(appRoot(), 'dist', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing). Run npm run build.`);
  }
  const uploadDir = mkdtempSync(join(tmpdir(), 'shelfcast-uploads-'));
  const app = new ShelfcastApp({ host: 'browser', ...defaultDirs() });
  const router = createAppRouter();
  const streams = new Set<ServerResponse>();
  let port = 0;

  app.onEvent((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const allowedHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    // Refuse other host names: a DNS-rebinding page cannot reach the host.
    if (!allowedHost(req.headers.host)) return send(res, 403, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const presented = url.searchParams.get('token') ?? (req.headers['x-shelfcast-token'] as string | undefined) ?? cookieToken(req);
    if (!sameToken(presented ?? undefined, token)) return send(res, 401, 'Missing or wrong token');

    if (url.pathname === '/api/invoke' && req.method === 'POST') {
      let body: unknown;
      try {
        body = await readJson(req);
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'input.invalid', message: 'The request was not valid JSON.' } }), 'application/json');
      }
      const { name, input, workspace } = (body ?? {}) as { name?: unknown; input?: unknown; workspace?: unknown };
      const envelope = await invokeFromScreen(router, app, name, input, workspace);
      return send(res, 200, JSON.stringify(envelope), 'application/json');
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      const name = (url.searchParams.get('name') ?? 'upload').replace(/[/\\]/g, '_').slice(0, 255);
      const target = join(mkdtempSync(join(uploadDir, 'f-')), name);
      await pipeline(req, createWriteStream(target));
      const ref = app.files.grant(target, { name, owned: true });
      return send(res, 200, JSON.stringify(ref), 'application/json');
    }
    if (url.pathname.startsWith('/api/files/') && req.method === 'GET') {
      let file: { path: string; name: string };
      try {
        file = app.files.resolve(decodeURIComponent(url.pathname.slice('/api/files/'.length)));
      } catch {
        return send(res, 404, 'No such file');
      }
      const type = MIME[extname(file.name).toLowerCase()] ?? 'application/octet-stream';
      const disposition = url.searchParams.get('inline') === '1' ? 'inline' : 'attachment';
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': statSync(file.path).size,
        'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'Cache-Control': 'no-store',
      });
      createReadStream(file.path).pipe(res);
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed');

    // Static renderer files. The first page load carries the token in the URL; a cookie
    // keeps it for the page's own scripts and styles.
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const path = normalize(join(rendererDir, relative));
    if (!path.startsWith(rendererDir + sep) || !existsSync(path) || !statSync(path).isFile()) return send(res, 404, 'Not found');
    const headers: Record<string, string> = { 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (relative === 'index.html') headers['Set-Cookie'] = `shelfcast_token=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    createReadStream(path).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('Browser host request failed', err);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  const initial = options.workspace ?? app.recent.last();
  if (initial) {
    try {
      await app.openWorkspace(initial, { create: options.workspace !== undefined });
    } catch (err) {
      await new Promise((r) => server.close(r));
      throw err;
    }
  }

  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    app,
    async close() {
      clearInterval(heartbeat);
      for (const res of streams) res.end();
      streams.clear();
      const closed = new Promise((r) => server.close(r));
      // Keep-alive connections would hold close() open until they time out.
      server.closeAllConnections();
      await closed;
      await app.dispose();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
