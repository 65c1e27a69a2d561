import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../core/cli/main';
import { openWorkspace } from '../../../../core/db/connection';
import { globalChampion, listGlobalModels } from '../../../../core/db/repos/global-models';
import { loadModelFile, modelsDir, trainWorkspaceModel, VERSIONS_KEPT } from '../../../../core/forecast/global/workspace';
import { useTempDir } from '../../../helpers/tmp';
import { seedSellingShop, WORKSPACE } from './workspace-fixture';

describe('training global models on a workspace', () => {
  const tempDir = useTempDir();

  it('stores versions with files, metrics and backend, and applies champion/challenger', async () => {
    const dir = tempDir();
    const db = seedSellingShop(dir);
    const path = join(dir, WORKSPACE);
    try {
      const steps: string[] = [];
      const first = await trainWorkspaceModel(db, path, { model: 'gbdt', seed: 1 }, { onProgress: (p) => steps.push(p.stepName) });
      expect(new Set(steps)).toEqual(new Set(['series', 'train', 'compare', 'save']));
      expect(first).toMatchObject({ model: 'gbdt', version: 1, champion: true, previousChampion: null, backend: 'typescript', series: 12 });
      expect(existsSync(first.files.json) && existsSync(first.files.onnx)).toBe(true);
      expect(first.files.json.startsWith(modelsDir(path))).toBe(true);
      expect(first.score.points).toBe(12 * 6);
      expect(first.score.scaledMae).toBeLessThan(first.score.naiveScaledMae);

      // The same data and seed give the same model: it cannot beat the champion by the margin.
      const second = await trainWorkspaceModel(db, path, { model: 'gbdt', seed: 1 });
      expect(second).toMatchObject({ version: 2, champion: false, previousChampion: { version: 1 } });
      expect(second.previousChampion!.score.scaledMae).toBeCloseTo(second.score.scaledMae, 12);
      expect(globalChampion(db, 'gbdt')!.version).toBe(1);

      const records = listGlobalModels(db, 'gbdt');
      expect(records.map((r) => r.version)).toEqual([2, 1]);
      expect(records[0]!.metrics).toMatchObject({ rows: expect.any(Number), curve: { trainLoss: expect.any(Array) } });
      expect(loadModelFile(path, records[1]!).kind).toBe('gbdt');

      for (let i = 0; i < VERSIONS_KEPT; i++) await trainWorkspaceModel(db, path, { model: 'gbdt', seed: 10 + i });
      const kept = listGlobalModels(db, 'gbdt');
      expect(kept.length).toBeLessThanOrEqual(VERSIONS_KEPT + 1);
      expect(kept.some((r) => r.champion)).toBe(true);
      expect(existsSync(join(modelsDir(path), 'gbdt-v2.json'))).toBe(false);
    } finally {
      db.close();
    }
  }, 120_000);

  it('trains the network and records the backend that trained it', async () => {
    const dir = tempDir();
    const db = seedSellingShop(dir);
    try {
      const result = await trainWorkspaceModel(db, join(dir, WORKSPACE), { model: 'nn', seed: 1 });
      expect(['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu']).toContain(result.backend);
      expect(listGlobalModels(db, 'nn')[0]!.params).toMatchObject({ backend: result.backend });
      expect(Number.isFinite(result.score.scaledMae)).toBe(true);
    } finally {
      db.close();
    }
  }, 120_000);

  it('reports progress per tree and stops when cancelled, leaving no version behind', async () => {
    const dir = tempDir();
    const db = seedSellingShop(dir);
    try {
      const controller = new AbortController();
      const messages: string[] = [];
      const training = trainWorkspaceModel(db, join(dir, WORKSPACE), { model: 'gbdt' }, {
        signal: controller.signal,
        onProgress: (p) => {
          messages.push(p.message);
          if (p.stepName === 'train' && p.current === 5) controller.abort();
        },
      });
      await expect(training).rejects.toMatchObject({ name: 'AbortError' });
      expect(messages.some((m) => /^Tree 5 of at most 500, validation loss \d/.test(m))).toBe(true);
      expect(listGlobalModels(db)).toEqual([]);
      expect(existsSync(modelsDir(join(dir, WORKSPACE)))).toBe(false);
    } finally {
      db.close();
    }
  });

  it('says when the workspace has too little history', async () => {
    const dir = tempDir();
    const db = seedSellingShop(dir, 3, 10);
    try {
      await expect(trainWorkspaceModel(db, join(dir, WORKSPACE), { model: 'gbdt' })).rejects.toThrow(/needs at least 2 products with 20 weeks of sales; this workspace has 0/);
    } finally {
      db.close();
    }
  });
});

describe('shelfcast train', () => {
  const tempDir = useTempDir();
  async function cli(args: string[], cwd: string) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
    return { code, stdout, stderr };
  }

  it('trains the tree model and prints the backend and the champion decision', async () => {
    const dir = tempDir();
    seedSellingShop(dir).close();
    const result = await cli(['train', '--workspace', WORKSPACE, '--model', 'gbdt'], dir);
    expect(result.stderr).toContain('Training the tree model: step 2/4 train');
    expect(result.stderr).toMatch(/gbdt v1: trained on typescript in [\d.]+ s \(12 series, \d+ rows\/s\); final-weeks error \d+% of seasonal naive; now the champion/);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { version: number; champion: boolean }[];
    expect(printed).toMatchObject([{ version: 1, champion: true }]);
    const db = openWorkspace(join(dir, WORKSPACE));
    expect(listGlobalModels(db)).toHaveLength(1);
    db.close();
  }, 60_000);

  it('refuses bad arguments with one line and exit code 2', async () => {
    const dir = tempDir();
    seedSellingShop(dir, 2, 10).close();
    for (const args of [
      ['train', '--workspace', WORKSPACE, '--model', 'forest'],
      ['train', '--model', 'gbdt'],
      ['train', '--workspace', WORKSPACE, '--seed', 'x'],
    ]) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const short = await cli(['train', '--workspace', WORKSPACE, '--model', 'gbdt'], dir);
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/needs at least 2 products/);
  }, 60_000);
});
