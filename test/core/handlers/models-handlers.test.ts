import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcastApp } from '../../../core/app/app';
import { routerFor } from '../../helpers/router-call';
import { useTempDir } from '../../helpers/tmp';
import { seedSellingShop, WORKSPACE } from '../forecast/global/workspace-fixture';

describe('model registry commands through the router', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  it('trains as a job, lists versions with curves and scores, promotes a challenger, names the backend', async () => {
    const dir = tempDir();
    seedSellingShop(dir).close();
    app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'ws') });
    await app.openWorkspace(join(dir, WORKSPACE));
    const { call } = routerFor(app);

    expect(await call('models.list', {})).toEqual({ global: [], products: { runId: null, models: [] } });
    for (const seed of [1, 1]) {
      const { jobId } = await call('models.train', { model: 'gbdt', seed });
      expect((await app.jobs.wait(jobId)).state).toBe('done');
    }
    const view = await call('models.list', {});
    expect(view.global.map((v) => [v.model, v.version, v.champion, v.backend])).toEqual([
      ['gbdt', 2, false, 'typescript'],
      ['gbdt', 1, true, 'typescript'],
    ]);
    const latest = view.global[0]!;
    expect(latest.curve.trainLoss.length).toBeGreaterThan(0);
    expect(latest.curve.validLoss.length).toBe(latest.curve.trainLoss.length);
    expect(latest.score!.scaledMae!).toBeLessThan(latest.score!.naiveScaledMae!);
    expect(latest.previousChampion).toMatchObject({ version: 1 });
    expect(latest.size).toMatchObject({ trees: expect.any(Number) });

    const promoted = await call('models.promote', { id: latest.id });
    expect(promoted).toMatchObject({ version: 2, champion: true });
    expect((await call('models.list', {})).global.filter((v) => v.champion).map((v) => v.version)).toEqual([2]);
    await expect(call('models.promote', { id: 9999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('models.train', { model: 'forest' })).rejects.toMatchObject({ code: 'input.invalid' });

    const backend = await call('models.backend', {});
    expect(['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu']).toContain(backend.id);
    expect(backend.description.startsWith(backend.id)).toBe(true);
  }, 120_000);
});
