/**
 * `npm run bench:train`: speed of the global models on this machine.
 *   - GBDT: full training (early stopping included) on walmart and m5: wall and CPU
 *     seconds, training rows per second.
 *   - Neural network, per TensorFlow.js backend available here: a fixed workload of
 *     3 epochs × 40,000 windows on walmart and m5 (a full training is ~10–20 epochs).
 *   - ONNX inference (onnxruntime-node) of 10,000 series × 13 steps with the walmart
 *     GBDT (130,000 rows) and network (10,000 rows), feature building timed apart.
 * Wall time is what a user waits; CPU time is printed too because on a shared machine the
 * two differ (the GBDT is single-threaded: on an idle machine wall ≈ CPU).
 * Needs ../shared/data (skipped with a message when it is absent).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TfBackendId } from '../core/forecast/global/backend';
import { BACKEND_ORDER, selectBackend } from '../core/forecast/global/backend';
import { directRows } from '../core/forecast/global/direct';
import type { GlobalSeries } from '../core/forecast/global/features/types';
import type { GbdtGlobalModel } from '../core/forecast/global/gbdt-global';
import { trainGbdtGlobal } from '../core/forecast/global/gbdt-global';
import type { NnGlobalModel } from '../core/forecast/global/nn-global';
import { nnForecastInputs, trainNnGlobal } from '../core/forecast/global/nn-global';
import { nnInputSize } from '../core/forecast/global/nn/inputs';
import { createOnnxRunner } from '../core/forecast/global/onnx/session';
import { exportMlpToOnnx } from '../core/forecast/global/onnx/mlp-export';
import { exportGbdtToOnnx } from '../core/forecast/global/onnx/tree-export';
import { statesFor } from '../core/forecast/global/panel';
import { loadBenchDataset } from './bench-train.data';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(import.meta.dirname, '..', '..', 'shared', 'data') },
    datasets: { type: 'string', default: 'walmart,m5' },
    backends: { type: 'string' },
  },
});
if (!existsSync(values.data)) {
  console.log(`bench:train skipped: no benchmark data at ${values.data}`);
  process.exit(0);
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const available: TfBackendId[] = [];
for (const candidate of BACKEND_ORDER) {
  if (values.backends && !values.backends.split(',').includes(candidate.id)) continue;
  try {
    const selection = await selectBackend(undefined, { only: [candidate.id] });
    available.push(selection.chosen.id);
  } catch {
    console.log(`backend ${candidate.id}: not available here`);
  }
}
console.log(`TensorFlow.js backends available: ${available.join(', ')}`);

const walmartModels: { gbdt?: GbdtGlobalModel; nn?: NnGlobalModel; series?: GlobalSeries[] } = {};
for (const name of values.datasets.split(',')) {
  const data = loadBenchDataset(join(values.data, name), name);
  const { freq, season, horizon } = data.meta;
  console.log(`\n${name}: ${data.series.length} series × ${Math.round(data.series.reduce((a, s) => a + s.values.length, 0) / data.series.length)} periods (mean), horizon ${horizon}`);
  const gbdt = timed(() =>
    trainGbdtGlobal(data.series, {
      frequency: freq,
      season,
      horizon,
      features: { calendar: data.realDates, holidays: data.hasHolidays, price: data.hasPrice, categories: data.categories },
    }),
  );
  const rows = gbdt.value.training.rows + gbdt.value.training.validRows;
  console.log(
    `  gbdt (TypeScript): ${seconds(gbdt.wallMs)} s wall, ${seconds(gbdt.cpuMs)} s CPU, ${rows} rows, ${gbdt.value.training.trees} trees, ` +
      `${Math.round(rows / (gbdt.wallMs / 1000))} rows/s (${Math.round(rows / (gbdt.cpuMs / 1000))} per CPU second)`,
  );
  for (const backend of available) {
    const selection = await selectBackend(undefined, { only: [backend] });
    const epochs = 3;
    const samplesPerEpoch = 40_000;
    const nn = await timedAsync(() =>
      trainNnGlobal(
        data.series,
        {
          frequency: freq,
          season,
          horizon,
          inputs: { calendar: data.realDates, holidays: data.hasHolidays, price: data.hasPrice },
          mlp: { maxEpochs: epochs, samplesPerEpoch, patience: epochs },
        },
        { backend: selection },
      ),
    );
    const processed = Math.min(samplesPerEpoch, nn.value.training.rows) * nn.value.training.epochs;
    console.log(
      `  nn on ${backend}: ${seconds(nn.wallMs)} s wall, ${seconds(nn.cpuMs)} s CPU for ${nn.value.training.epochs} epochs × ` +
        `${Math.min(samplesPerEpoch, nn.value.training.rows)} windows (of ${nn.value.training.rows}), ${Math.round(processed / (nn.wallMs / 1000))} windows/s ` +
        `(${Math.round(processed / (nn.cpuMs / 1000))} per CPU second)`,
    );
    if (name === 'walmart' && !walmartModels.nn) walmartModels.nn = nn.value;
  }
  if (name === 'walmart') {
    walmartModels.gbdt = gbdt.value;
    walmartModels.series = data.series;
  }
}

if (walmartModels.gbdt && walmartModels.series) {
  const base = walmartModels.series;
  const many: GlobalSeries[] = Array.from({ length: 10_000 }, (_, i) => ({ ...base[i % base.length]!, id: `s${i}` }));
  const H = 13;
  console.log('\nONNX inference, 10,000 series × 13 steps (walmart models):');
  const model = walmartModels.gbdt;
  const built = timed(() => directRows(model.spec, statesFor(many, H), H));
  const runner = await createOnnxRunner(exportGbdtToOnnx(model.booster), model.featureNames.length, { inputType: 'float64' });
  await runner.run(built.value.X.subarray(0, model.featureNames.length), 1);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push((await timedAsync(() => runner.run(built.value.X, built.value.nRows))).wallMs);
  await runner.release();
  console.log(
    `  gbdt: ${built.value.nRows} rows × ${model.featureNames.length} features, ${model.booster.trees.length} trees: ` +
      `onnxruntime ${seconds(Math.min(...runs))} s best of 3 (${runs.map(seconds).join(', ')}; features built in ${seconds(built.wallMs)} s)`,
  );
  const nn = walmartModels.nn;
  if (nn) {
    const inputs = timed(() => nnForecastInputs(nn, many));
    const nnRunner = await createOnnxRunner(exportMlpToOnnx(nn.weights), nnInputSize(nn.spec));
    await nnRunner.runMatrix(inputs.value.X.subarray(0, nnInputSize(nn.spec)), 1);
    const nnRuns: number[] = [];
    for (let i = 0; i < 3; i++) nnRuns.push((await timedAsync(() => nnRunner.runMatrix(inputs.value.X, inputs.value.nRows))).wallMs);
    await nnRunner.release();
    console.log(
      `  nn: ${inputs.value.nRows} rows × ${nnInputSize(nn.spec)} inputs → 13 × 8 outputs: onnxruntime ${seconds(Math.min(...nnRuns))} s best of 3 ` +
        `(inputs built in ${seconds(inputs.wallMs)} s)`,
    );
  }
}
