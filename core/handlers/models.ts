import type { BackendInfo, GlobalModelVersion, ModelsView } from '../contract/commands/models';
import { AppError } from '../contract/errors';
import type { GlobalModelRecord } from '../db/repos/global-models';
import { getGlobalModel, listGlobalModels, productModelUsage, promoteGlobalModel } from '../db/repos/global-models';
import { modelLabel } from '../products/explain';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)) : []);

function toScore(v: unknown): GlobalModelVersion['score'] {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  return { scaledMae: num(s.scaledMae), naiveScaledMae: num(s.naiveScaledMae), coverage80: num(s.coverage80), points: Math.round(num(s.points) ?? 0) };
}

export function toGlobalModelVersion(record: GlobalModelRecord): GlobalModelVersion {
  const m = record.metrics;
  const p = record.params;
  const curve = (m.curve ?? {}) as Record<string, unknown>;
  const previous = m.previousChampion as { version?: unknown; score?: unknown } | null | undefined;
  const size: Record<string, number | number[]> = {};
  for (const [key, value] of Object.entries((m.size ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'number') size[key] = value;
    else if (Array.isArray(value)) size[key] = numbers(value);
  }
  const rows = num(m.rows);
  const series = num(p.series);
  return {
    id: record.id,
    model: record.model,
    version: record.version,
    champion: record.champion,
    createdAt: record.createdAt,
    backend: typeof p.backend === 'string' ? p.backend : 'unknown',
    series: series === null ? null : Math.round(series),
    trainingSeconds: num(m.trainingSeconds),
    rows: rows === null ? null : Math.round(rows),
    rowsPerSecond: num(m.rowsPerSecond),
    score: toScore(m.score),
    previousChampion: previous && typeof previous.version === 'number' ? { version: previous.version, scaledMae: toScore(previous.score)?.scaledMae ?? null } : null,
    curve: { trainLoss: numbers(curve.trainLoss), validLoss: numbers(curve.validLoss) },
    size,
  };
}

function withLabels(usage: ReturnType<typeof productModelUsage>): ModelsView['products'] {
  return { runId: usage.runId, models: usage.models.map((m) => ({ ...m, label: capitalise(modelLabel(m.model)) })) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const modelHandlers = defineHandlers<HandlerContext>('models', {
  'models.list': (_input, { app }) => ({
    global: listGlobalModels(app.db).map(toGlobalModelVersion),
    products: withLabels(productModelUsage(app.db)),
  }),
  'models.train': (input, { app }) => ({
    jobId: app.startJob({ kind: 'models.train', title: input.model === 'gbdt' ? 'Training the tree model' : 'Training the neural network', input }),
  }),
  'models.promote': (input, { app }) => {
    if (!promoteGlobalModel(app.db, input.id)) throw new AppError('not_found', 'That model version no longer exists.');
    app.emit('workspace.changed', { reason: 'models.promote' });
    return toGlobalModelVersion(getGlobalModel(app.db, input.id)!);
  },
  'models.backend': async (): Promise<BackendInfo> => {
    // Loaded on demand: TensorFlow.js is heavy and only this question needs it here.
    const { ensureBackend, describeSelection } = await import('../forecast/global/backend');
    const selection = await ensureBackend();
    return { id: selection.chosen.id, label: selection.chosen.label, description: describeSelection(selection) };
  },
});
