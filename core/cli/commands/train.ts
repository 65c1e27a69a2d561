import { parseCliArgs, requireOption } from '../args';
import { openCliApp, runJobToEnd } from '../session';
import type { CliCommand } from '../types';
import { UsageError } from '../types';
import type { TrainWorkspaceResult } from '../../forecast/global/workspace';

const usage = 'shelfcast train --workspace <file> [--model gbdt|nn] [--seed <n>]';

/**
 * Trains the global models on a workspace (both unless --model picks one), stores the
 * versions in the model registry with their files beside the workspace, and prints per
 * model the backend that trained it, its score and whether it became the champion.
 */
export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'Trains the global models (gradient-boosted trees, neural network) on a workspace.',
  usage,
  async run(argv, io) {
    const { values } = parseCliArgs(argv, { workspace: { type: 'string' }, model: { type: 'string' }, seed: { type: 'string' } });
    const workspace = requireOption(values.workspace, '--workspace', usage);
    const model = values.model;
    if (model !== undefined && model !== 'gbdt' && model !== 'nn') throw new UsageError(`--model must be gbdt or nn, got "${model}"`);
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
    const kinds: ('gbdt' | 'nn')[] = model ? [model] : ['gbdt', 'nn'];
    const app = await openCliApp(workspace, io);
    try {
      const results: TrainWorkspaceResult[] = [];
      for (const kind of kinds) {
        const title = kind === 'gbdt' ? 'Training the tree model' : 'Training the neural network';
        const result = (await runJobToEnd(app, io, 'models.train', title, { model: kind, seed })) as TrainWorkspaceResult;
        const vsNaive = result.score.scaledMae / result.score.naiveScaledMae;
        io.stderr(
          `${kind} v${result.version}: trained on ${result.backend} in ${result.trainingSeconds.toFixed(1)} s ` +
            `(${result.series} series, ${Math.round(result.rowsPerSecond)} rows/s); final-weeks error ${(vsNaive * 100).toFixed(0)}% of seasonal naive; ` +
            `${result.champion ? 'now the champion' : `challenger (champion v${result.previousChampion?.version} stays)`}\n`,
        );
        results.push(result);
      }
      io.stdout(`${JSON.stringify(results, null, 2)}\n`);
      return 0;
    } finally {
      await app.dispose();
    }
  },
};
