// npm run bench:forecast:speed — generates 10,000 weekly series of 3 years (seasonal
// retail-like demand: level, trend, yearly season, noise, some intermittent items), runs
// `shelfcast forecast` on them (full selection and forecast, all cores) and prints the time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, root } from './bench-forecast-lib';

const SERIES = Number(process.env.SPEED_SERIES ?? 10_000);
const WEEKS = 156;
const HORIZON = 13;

/** Deterministic generator (mulberry32) so every run forecasts the same data. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(path: string): void {
  const random = rng(20261123);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const start = Date.UTC(2022, 0, 3);
  const lines: string[] = ['series_id,date,value'];
  const dates = Array.from({ length: WEEKS }, (_, t) => new Date(start + t * 7 * 86_400_000).toISOString().slice(0, 10));
  for (let s = 0; s < SERIES; s++) {
    const level = Math.exp(1 + 4 * random());
    const trend = (random() - 0.5) * 0.004;
    const amplitude = random() * 0.6;
    const phase = random() * 2 * Math.PI;
    const intermittent = random() < 0.2;
    for (let t = 0; t < WEEKS; t++) {
      const season = 1 + amplitude * Math.sin((2 * Math.PI * t) / 52.18 + phase);
      const mean = level * (1 + trend * t) * season;
      let value = Math.max(0, Math.round(mean * (1 + 0.25 * gaussian())));
      if (intermittent && random() < 0.6) value = 0;
      lines.push(`S${s},${dates[t]},${value}`);
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'shelfcast-speed-'));
try {
  const train = join(dir, 'train.csv');
  generate(train);
  ensureBuilt();
  const out = join(dir, 'forecasts.csv');
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'bin', 'shelfcast.mjs'), 'forecast', '--train', train, '--horizon', String(HORIZON), '--season', '52', '--out', out], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(1);
  }
  const cores = availableParallelism();
  process.stdout.write(result.stderr);
  process.stdout.write(
    `speed: ${SERIES} weekly series x ${WEEKS} weeks, horizon ${HORIZON}: ${seconds.toFixed(1)} s wall on ${cores} cores ` +
      `(${(SERIES / seconds).toFixed(0)} series/s, ${((seconds * cores * 1000) / SERIES).toFixed(2)} ms per series per core; target <= 30 s), ` +
      `output ${(statSync(out).size / 1e6).toFixed(1)} MB\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
