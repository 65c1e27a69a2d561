import { z } from 'zod';
import { Empty, Id, JobStarted } from '../common';
import { command } from '../spec';

export const GlobalModelKind = z.enum(['gbdt', 'nn']);
export type GlobalModelKind = z.infer<typeof GlobalModelKind>;

export const WindowScore = z.object({
  /** Mean absolute error over the final weeks, each error divided by its product's level. */
  scaledMae: z.number().nullable(),
  /** The same for the seasonal naive forecast: the "vs naive" reference. */
  naiveScaledMae: z.number().nullable(),
  /** Share of actual weeks inside the 80% interval. */
  coverage80: z.number().nullable(),
  points: z.number().int(),
});
export type WindowScore = z.infer<typeof WindowScore>;

export const GlobalModelVersion = z.object({
  id: Id,
  model: GlobalModelKind,
  version: z.number().int(),
  champion: z.boolean(),
  createdAt: z.string(),
  /** What trained it: "typescript" for the trees, the TensorFlow.js backend for the network. */
  backend: z.string(),
  series: z.number().int().nullable(),
  trainingSeconds: z.number().nullable(),
  rows: z.number().int().nullable(),
  rowsPerSecond: z.number().nullable(),
  score: WindowScore.nullable(),
  /** The champion it was compared with when it was trained. */
  previousChampion: z.object({ version: z.number().int(), scaledMae: z.number().nullable() }).nullable(),
  curve: z.object({ trainLoss: z.array(z.number()), validLoss: z.array(z.number()) }),
  /** Trees and features, or epochs and layer widths. */
  size: z.record(z.string(), z.union([z.number(), z.array(z.number())])),
});
export type GlobalModelVersion = z.infer<typeof GlobalModelVersion>;

export const ProductModelUsage = z.object({
  model: z.string(),
  /** The model in plain words ("an average of 2 models (the Theta method; …)"). */
  label: z.string(),
  /** Products whose champion (or combination) includes this model in the latest forecast run. */
  products: z.number().int(),
  /** Mean backtest MASE of the model over those products, and of naive on the same windows. */
  mase: z.number().nullable(),
  naiveMase: z.number().nullable(),
});

export const ModelsView = z.object({
  global: z.array(GlobalModelVersion),
  products: z.object({ runId: Id.nullable(), models: z.array(ProductModelUsage) }),
});
export type ModelsView = z.infer<typeof ModelsView>;

export const BackendInfo = z.object({
  id: z.string(),
  label: z.string(),
  /** One line: the chosen backend and what was skipped. */
  description: z.string(),
});
export type BackendInfo = z.infer<typeof BackendInfo>;

export const modelCommands = {
  'models.list': command('The model registry: every global model version with its scores, curve and backend; per-product model usage.', Empty, ModelsView),
  'models.train': command(
    'Trains a global model (trees or network) on the workspace; a job. The new version becomes the champion only if it is better by a margin.',
    z.object({ model: GlobalModelKind, seed: z.number().int().min(0).max(2 ** 31).default(1) }).strict(),
    JobStarted,
  ),
  'models.promote': command('Makes a global model version the champion of its kind (audited).', z.object({ id: Id }).strict(), GlobalModelVersion),
  'models.backend': command('The TensorFlow.js backend this machine trains networks with (selected at run time).', Empty, BackendInfo),
};
