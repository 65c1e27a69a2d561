import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../../core/host/server';
import { startBrowserHost } from '../../../core/host/server';
import { useTempDir } from '../../helpers/tmp';

/** A raw HTTP request, so the Host header can be set freely. */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('browser host', () => {
  const tempDir = useTempDir();
  let host: BrowserHost;
  let previousHome: string | undefined;

  beforeEach(async () => {
    const dir = tempDir();
    previousHome = process.env.SHELFCAST_HOME;
    process.env.SHELFCAST_HOME = join(dir, 'home');
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    host = await startBrowserHost({ rendererDir });
  });
  afterEach(async () => {
    await host.close();
    if (previousHome === undefined) delete process.env.SHELFCAST_HOME;
    else process.env.SHELFCAST_HOME = previousHome;
  });

  const hostHeader = () => `127.0.0.1:${host.port}`;

  it('listens on loopback only and prints a URL with the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await raw(host.port, '/', { Host: hostHeader() })).status).toBe(401);
    expect((await raw(host.port, '/assets/app.js', { Host: hostHeader() })).status).toBe(401);
    expect((await raw(host.port, '/api/invoke', { Host: hostHeader(), 'X-Shelfcast-Token': 'f'.repeat(48) }, 'POST', '{}')).status).toBe(401);
  });

  it('refuses other Host names (DNS rebinding)', async () => {
    expect((await raw(host.port, `/?token=${host.token}`, { Host: 'evil.example:80' })).status).toBe(403);
  });

  it('serves the page with the token, sets the cookie and the CSP', async () => {
    const page = await raw(host.port, `/?token=${host.token}`, { Host: hostHeader() });
    expect(page.status).toBe(200);
    expect(String(page.headers['set-cookie'])).toMatch(/shelfcast_token=.*HttpOnly; SameSite=Strict/);
    expect(String(page.headers['content-security-policy'])).toMatch(/default-src 'none'/);
    const asset = await raw(host.port, '/assets/app.js', { Host: hostHeader(), Cookie: `shelfcast_token=${host.token}` });
    expect(asset.status).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await raw(host.port, `/..%2F..%2Fetc%2Fpasswd?token=${host.token}`, { Host: hostHeader() });
    expect(res.status).toBe(404);
  });

  it('routes commands with the token and answers with envelopes', async () => {
    const ok = await raw(host.port, '/api/invoke', { Host: hostHeader(), 'X-Shelfcast-Token': host.token }, 'POST', JSON.stringify({ name: 'app.info', input: {} }));
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { host: 'browser', workspace: null } });
    const bad = await raw(host.port, '/api/invoke', { Host: hostHeader(), 'X-Shelfcast-Token': host.token }, 'POST', 'not json');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });

  it('turns an upload into a file handle that can be downloaded again, and nothing else', async () => {
    const up = await raw(host.port, '/api/upload?name=sales.csv', { Host: hostHeader(), 'X-Shelfcast-Token': host.token }, 'POST', 'date,sku,qty\n2024-01-01,A,1\n');
    const ref = JSON.parse(up.body) as { fileId: string; name: string; size: number };
    expect(ref).toMatchObject({ name: 'sales.csv', size: 28 });
    const down = await raw(host.port, `/api/files/${ref.fileId}?token=${host.token}`, { Host: hostHeader() });
    expect(down.body).toBe('date,sku,qty\n2024-01-01,A,1\n');
    expect((await raw(host.port, `/api/files/unknown?token=${host.token}`, { Host: hostHeader() })).status).toBe(404);
  });
});
