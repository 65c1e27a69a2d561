import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcastApp } from '../../../core/app/app';
import type { JobEvent } from '../../../core/contract/events';
import { createAppRouter } from '../../../core/handlers';
import { useTempDir } from '../../helpers/tmp';

describe('ShelfcastApp', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  function makeApp(): ShelfcastApp {
    const dir = tempDir();
    app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'workspaces') });
    return app;
  }

  it('remembers recent workspaces, most recent first', async () => {
    const a = makeApp();
    const dir = tempDir();
    await a.openWorkspace(join(dir, 'one.shelfcast'), { create: true });
    await a.openWorkspace(join(dir, 'two.shelfcast'), { create: true });
    expect(a.recent.list().map((r) => r.name)).toEqual(['two', 'one']);
    expect(a.recent.last()).toBe(join(dir, 'two.shelfcast'));
  });

  it('keeps the open workspace when opening a bad file fails', async () => {
    const a = makeApp();
    const dir = tempDir();
    const good = join(dir, 'good.shelfcast');
    await a.openWorkspace(good, { create: true });
    const bad = join(dir, 'bad.shelfcast');
    writeFileSync(bad, 'not a database at all, just text that is long enough to not be empty........................................');
    await expect(a.openWorkspace(bad)).rejects.toMatchObject({ code: 'workspace.not_sqlite' });
    expect(a.workspacePath).toBe(good);
  });

  it('backs up online and restores, keeping a safety backup of the state it replaced', async () => {
    const a = makeApp();
    const path = join(tempDir(), 'shop.shelfcast');
    await a.openWorkspace(path, { create: true });
    a.db.prepare("INSERT INTO products (sku, name) VALUES ('A', 'Apples')").run();
    const backup = await a.backup();
    a.db.prepare("INSERT INTO products (sku, name) VALUES ('B', 'Bananas')").run();
    await a.restore(backup.path);
    expect((a.db.prepare('SELECT group_concat(sku) AS skus FROM products').get() as { skus: string }).skus).toBe('A');
    const names = a.listBackups().map((b) => b.name);
    expect(names.some((n) => n.includes('before-restore'))).toBe(true);
    const safety = a.listBackups().find((b) => b.name.includes('before-restore'));
    expect(safety).toBeDefined();
    expect(existsSync(join(a.backupsDir(), safety!.name))).toBe(true);
  });

  it('runs a job in a worker thread with progress, and reports its result', async () => {
    const a = makeApp();
    await a.openWorkspace(join(tempDir(), 'shop.shelfcast'), { create: true });
    const events: JobEvent[] = [];
    a.onEvent((name, payload) => {
      if (name === 'job') events.push(payload as JobEvent);
    });
    const jobId = a.startJob({ kind: 'selftest', title: 'Self-test', input: { count: 5, delayMs: 1, fail: false } });
    const final = await a.jobs.wait(jobId);
    expect(final.state).toBe('done');
    expect(final.result).toEqual({ counted: 5 });
    const progress = events.filter((e) => e.state === 'running' && e.stepName !== '');
    expect(progress.map((e) => e.stepName)).toContain('count');
    expect(progress.every((e) => e.steps === 3)).toBe(true);
  });

  it('cancels a running job through its abort signal', async () => {
    const a = makeApp();
    await a.openWorkspace(join(tempDir(), 'shop.shelfcast'), { create: true });
    const jobId = a.startJob({ kind: 'selftest', title: 'Self-test', input: { count: 10_000, delayMs: 5, fail: false } });
    await new Promise<void>((resolve) => {
      const stop = a.onEvent((name, payload) => {
        if (name === 'job' && (payload as JobEvent).stepName === 'count') {
          stop();
          resolve();
        }
      });
    });
    expect(a.jobs.cancel(jobId)).toBe(true);
    const final = await a.jobs.wait(jobId);
    expect(final.state).toBe('cancelled');
  });

  it('reports a failing job as data, and the next job still runs', async () => {
    const a = makeApp();
    await a.openWorkspace(join(tempDir(), 'shop.shelfcast'), { create: true });
    const failing = a.startJob({ kind: 'selftest', title: 'Self-test', input: { count: 4, delayMs: 1, fail: true } });
    const next = a.startJob({ kind: 'selftest', title: 'Self-test', input: { count: 2, delayMs: 1, fail: false } });
    const failed = await a.jobs.wait(failing);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('internal');
    expect((await a.jobs.wait(next)).state).toBe('done');
  });

  it('reports an unknown job kind as a failure', async () => {
    const a = makeApp();
    await a.openWorkspace(join(tempDir(), 'shop.shelfcast'), { create: true });
    const final = await a.jobs.wait(a.startJob({ kind: 'no-such-job', title: 'X', input: {} }));
    expect(final.state).toBe('failed');
  });

  it('routes commands through the router with the app as context', async () => {
    const a = makeApp();
    const router = createAppRouter({ error: () => undefined });
    const none = await router.invoke('workspace.overview', {}, { app: a });
    expect(none).toMatchObject({ ok: false, error: { code: 'workspace.none_open' } });
    const created = await router.invoke('workspace.createDefault', { name: 'Corner shop' }, { app: a });
    expect(created).toMatchObject({ ok: true, value: { workspace: { name: 'Corner shop' } } });
    const settings = await router.invoke('settings.update', { shopName: 'Corner Shop Ltd', serviceLevels: { A: 0.99, B: 0.95, C: 0.9 } }, { app: a });
    expect(settings).toMatchObject({ ok: true, value: { shopName: 'Corner Shop Ltd', currency: 'GBP' } });
    const invalid = await router.invoke('settings.update', { currency: 'pounds' }, { app: a });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    const audit = a.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.update'").get() as { n: number };
    expect(audit.n).toBe(2);
    const notRecent = await router.invoke('workspace.openRecent', { path: '/etc/passwd' }, { app: a });
    expect(notRecent).toMatchObject({ ok: false, error: { code: 'file.not_granted' } });
  });
});
