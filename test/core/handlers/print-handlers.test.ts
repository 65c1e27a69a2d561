import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcastApp } from '../../../core/app/app';
import { createAppRouter } from '../../../core/handlers';
import { useTempDir } from '../../helpers/tmp';

describe('app.print: a report goes to the system viewer, the window to the printer', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  function setup(platform: { printFile?: (path: string) => Promise<void>; print?: () => Promise<void> }) {
    const dir = tempDir();
    app = new ShelfcastApp({ host: 'electron', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'ws'), ...platform });
    const router = createAppRouter({ error: () => undefined });
    const ctx = { app, sender: 'test' };
    return { dir, app, invoke: (input: unknown) => router.invoke('app.print', input, ctx) };
  }

  it('prints a granted report by its path, and the window without a file id', async () => {
    const printed: string[] = [];
    let windows = 0;
    const { dir, app: a, invoke } = setup({ printFile: async (path) => void printed.push(path), print: async () => void windows++ });
    const pdf = join(dir, 'reorder.pdf');
    writeFileSync(pdf, '%PDF-1.4\n');
    const ref = a.files.grant(pdf);
    expect(await invoke({ fileId: ref.fileId })).toEqual({ ok: true, value: { ok: true } });
    expect(printed).toEqual([pdf]);
    expect(await invoke({})).toEqual({ ok: true, value: { ok: true } });
    expect(windows).toBe(1);
  });

  it('refuses a file id the core never granted, and a path in its place', async () => {
    const printed: string[] = [];
    const { invoke } = setup({ printFile: async (path) => void printed.push(path) });
    expect(await invoke({ fileId: 'not-a-grant' })).toMatchObject({ ok: false, error: { code: 'file.not_granted' } });
    expect(await invoke({ fileId: '/etc/passwd', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(printed).toEqual([]);
  });

  it('says printing is not available where the host cannot print', async () => {
    const { invoke } = setup({});
    expect(await invoke({})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Printing/) } });
  });
});
