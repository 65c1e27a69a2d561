import type { CandidateRuns } from '../backtest';
import { packedHistory, packHistories } from '../kernels/packed';
import { runLocalCandidates } from '../backtest';
import type { SeriesContext } from '../types';
import type { PreparedSeries } from './prepare';
import type { TaskRunner } from './types';

/** Task name of the worker-side chunk runner (registered in core/forecast/tasks.ts). */
export const CANDIDATES_TASK = 'forecast.candidates';

/** Structured-cloneable payload: histories concatenated into one transferable buffer. */
export interface CandidateChunkPayload {
  horizon: number;
  values: Float64Array;
  offsets: Int32Array;
  contexts: SeriesContext[];
  /** Origins including the final one, per series. */
  origins: number[][];
  names: string[][];
  features: string[][];
  startPeriods: number[];
  /** Per series, room for its global candidates' forecasts (appended by the engine). */
  spares: number[];
}

export interface CandidateChunkResult {
  runs: CandidateRuns[];
}

export function runCandidateChunk(payload: CandidateChunkPayload): CandidateChunkResult {
  const runs: CandidateRuns[] = [];
  for (let s = 0; s < payload.contexts.length; s++) {
    const y = packedHistory(payload, s);
    runs.push(runLocalCandidates(y, payload.contexts[s]!, payload.origins[s]!, payload.horizon, payload.names[s]!, payload.features[s]!, payload.startPeriods[s]!, payload.spares[s] ?? 0));
  }
  return { runs };
}

export function transferablesOf(result: CandidateChunkResult): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const r of result.runs) buffers.push(r.mean.buffer as ArrayBuffer, r.sd.buffer as ArrayBuffer, r.valid.buffer as ArrayBuffer);
  return buffers;
}

function buildPayload(chunk: readonly PreparedSeries[], horizon: number): CandidateChunkPayload {
  return {
    horizon,
    ...packHistories(chunk.map((s) => s.y)),
    contexts: chunk.map((s) => s.context),
    origins: chunk.map((s) => [...s.origins, s.y.length]),
    names: chunk.map((s) => s.local),
    features: chunk.map((s) => s.features),
    startPeriods: chunk.map((s) => s.startPeriod),
    spares: chunk.map((s) => s.global.length),
  };
}

/** Splits the series into chunks of roughly equal work (points times candidates). */
function chunksOf(series: readonly PreparedSeries[], targetWork: number): PreparedSeries[][] {
  const chunks: PreparedSeries[][] = [];
  let current: PreparedSeries[] = [];
  let work = 0;
  for (const s of series) {
    current.push(s);
    work += s.y.length * Math.max(1, s.local.length);
    if (work >= targetWork) {
      chunks.push(current);
      current = [];
      work = 0;
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * Runs every series' local candidates, on the runner's workers when given (chunks are
 * queued so all workers stay busy), and reports progress per finished chunk.
 */
export async function runAllLocal(
  series: readonly PreparedSeries[],
  horizon: number,
  runner: TaskRunner | undefined,
  onChunk: (done: number) => void,
  signal: AbortSignal | undefined,
): Promise<CandidateRuns[]> {
  const results: CandidateRuns[] = new Array(series.length);
  const chunks = chunksOf(series, runner ? 150_000 : 400_000);
  let done = 0;
  const store = (chunk: PreparedSeries[], result: CandidateChunkResult) => {
    chunk.forEach((s, i) => {
      results[s.index] = result.runs[i]!;
    });
    done += chunk.length;
    onChunk(done);
  };
  if (!runner) {
    for (const chunk of chunks) {
      if (signal?.aborted) break;
      store(chunk, runCandidateChunk(buildPayload(chunk, horizon)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return results;
  }
  await Promise.all(
    chunks.map(async (chunk) => {
      if (signal?.aborted) return;
      const payload = buildPayload(chunk, horizon);
      const result = await runner.run<CandidateChunkResult>(CANDIDATES_TASK, payload, [payload.values.buffer as ArrayBuffer, payload.offsets.buffer as ArrayBuffer]);
      store(chunk, result);
    }),
  );
  return results;
}
