import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcastApp } from '../../../core/app/app';
import { invokeFromScreen } from '../../../core/app/invoke';
import { COMMAND_NAMES, WORKSPACE_CHANGES, commands } from '../../../core/contract';
import { JobStarted } from '../../../core/contract/common';
import { openWorkspace } from '../../../core/db/connection';
import { listEvents } from '../../../core/db/repos/events';
import { routerFor } from '../../helpers/router-call';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir('shelfcast-invoke-');
const apps: ShelfcastApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});

/** Two real workspace files, the second one open, each with one event of id 1. */
async function twoShops() {
  const dir = tempDir();
  const app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'shops') });
  apps.push(app);
  const first = join(dir, 'shops', 'first.shelfcast');
  const second = join(dir, 'shops', 'second.shelfcast');
  const { router, call } = routerFor(app);
  await app.openWorkspace(first, { create: true });
  await call('events.create', { name: 'Street fair', type: 'promo', startDay: '2026-06-06', endDay: '2026-06-07' });
  await app.openWorkspace(second, { create: true });
  await call('events.create', { name: 'Harbour regatta', type: 'promo', startDay: '2026-07-04', endDay: '2026-07-05' });
  const send = (name: string, input: unknown, shown: unknown) => invokeFromScreen(router, app, name, input, shown);
  const eventsIn = (path: string) => {
    if (path === app.workspace?.path) return listEvents(app.db).map((e) => e.name);
    const db = openWorkspace(path);
    try {
      return listEvents(db).map((e) => e.name);
    } finally {
      db.close();
    }
  };
  return { app, first, second, send, eventsIn };
}

describe('invokeFromScreen', () => {
  it('refuses a change meant for the workspace a screen showed before another was opened; neither file changes', async () => {
    const { first, second, send, eventsIn } = await twoShops();
    const refused = await send('events.delete', { id: 1 }, first);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Another workspace (second) was opened after this screen was loaded, so nothing was changed. The screen now shows that workspace.',
        details: { workspace: second },
      },
    });
    expect(eventsIn(second)).toEqual(['Harbour regatta']);
    expect(eventsIn(first)).toEqual(['Street fair']);
  });

  it('runs the change when the screen shows the open workspace, or says nothing about one', async () => {
    const { second, send, eventsIn } = await twoShops();
    expect(await send('events.delete', { id: 1 }, second)).toEqual({ ok: true, value: { ok: true } });
    expect(eventsIn(second)).toEqual([]);
    const created = await send('events.create', { name: 'Market day', type: 'other', startDay: '2026-08-01', endDay: '2026-08-01' }, undefined);
    expect(created.ok).toBe(true);
    expect(eventsIn(second)).toEqual(['Market day']);
  });

  it('lets reads through whatever the screen shows (they change nothing; the screen reloads)', async () => {
    const { first, send } = await twoShops();
    const listed = await send('events.list', {}, first);
    expect(listed.ok && (listed.value as Array<{ name: string }>).map((e) => e.name)).toEqual(['Harbour regatta']);
  });

  it('refuses a change from a screen that shows no workspace, or a closed one', async () => {
    const { app, second, send, eventsIn } = await twoShops();
    const fromStart = await send('events.delete', { id: 1 }, null);
    expect(fromStart).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(eventsIn(second)).toEqual(['Harbour regatta']);
    await app.closeWorkspace();
    expect(await send('events.delete', { id: 1 }, second)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'The workspace was closed after this screen was loaded, so nothing was changed.', details: { workspace: null } },
    });
  });

  it('refuses a workspace that is not a path, and unknown commands as the router does', async () => {
    const { send } = await twoShops();
    expect(await send('events.delete', { id: 1 }, 42)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await send('events.delete', { id: 1 }, 'x'.repeat(5000))).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await send('no.such', {}, 'x')).toMatchObject({ ok: false, error: { code: 'command.unknown' } });
  });
});

describe('WORKSPACE_CHANGES', () => {
  it('holds every command that is audited or starts a job, and only commands of the contract', () => {
    const specs = commands as Record<string, { summary: string; output: unknown }>;
    const changing = COMMAND_NAMES.filter((name) => /\baudited\b/i.test(specs[name]!.summary) || specs[name]!.output === JobStarted);
    // The self-test job only checks the worker pool; settings.update names its workspace in its input.
    const exempt = new Set(['jobs.selftest', 'settings.update']);
    expect(changing.filter((name) => !exempt.has(name) && !WORKSPACE_CHANGES.has(name))).toEqual([]);
    for (const name of WORKSPACE_CHANGES) expect(COMMAND_NAMES).toContain(name);
  });
});
