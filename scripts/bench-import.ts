/**
 * npm run bench:import — imports 1,000,000 sales lines (about 40 MB) with the real CLI
 * (`shelfcast import`, built bundle) into a fresh workspace and prints the time, rows per
 * second and peak memory, then times sqlite3's own `.import` of the same file into a bare
 * table and prints our time as a multiple of it (goal ≤ 3×; bars: ≤ 10 s, ≤ 600 MB).
 *
 * The machine is shared: the load average is printed with the figures. Options:
 *   --rows N   rows to generate (default 1,000,000)     --keep   keep the temp folder
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const rows = Number(args[args.indexOf('--rows') + 1] ?? NaN) || 1_000_000;
const keep = args.includes('--keep');

/** A deterministic sales export: a small shop's three years, 5,000 SKUs, 2,000 customers. */
async function generate(path: string, count: number): Promise<void> {
  let seed = 0x5eed;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  const out = createWriteStream(path);
  const start = Date.UTC(2023, 0, 1);
  let buffer = 'date,sku,quantity,unit_price,customer_id,order_id\n';
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor((i / count) * 1095) * 86_400_000).toISOString().slice(0, 10);
    const sku = `SKU-${String(Math.floor(random() * 5000)).padStart(5, '0')}`;
    const quantity = 1 + Math.floor(random() * 6);
    const price = (0.5 + Math.floor(random() * 3000) / 100).toFixed(2);
    const customer = random() < 0.3 ? `C${1000 + Math.floor(random() * 2000)}` : '';
    buffer += `${day},${sku},${quantity},${price},${customer},O${Math.floor(i / 3)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

interface Timed {
  seconds: number;
  /** User + system CPU seconds: less sensitive than wall time to other work on a shared machine. */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
  marks: Array<{ at: number; line: string }>;
}

/** Runs a command under /usr/bin/time for its wall time and peak RSS; stderr lines are timestamped. */
async function timed(command: string, commandArgs: string[], cwd: string): Promise<Timed> {
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M %U %S', command, ...commandArgs], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const marks: Timed['marks'] = [];
  let resources = '';
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.startsWith('TIME ')) resources = line;
    else marks.push({ at: (performance.now() - started) / 1000, line });
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited with ${code}:\n${marks.map((m) => m.line).join('\n')}`);
  const [, seconds = '0', kb = '0', user = '0', system = '0'] = resources.split(' ');
  return { seconds: Number(seconds), cpuSeconds: Number(user) + Number(system), peakRssMb: Number(kb) / 1024, stdout, marks };
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'cli.mjs')) || !existsSync(join(ROOT, 'dist', 'worker.mjs'))) {
    console.log('Building the CLI bundle first (node scripts/build.mjs --node-only)…');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--node-only'], { stdio: 'inherit', cwd: ROOT });
  }
  const dir = mkdtempSync(join(tmpdir(), 'shelfcast-bench-import-'));
  try {
    const csv = join(dir, 'sales.csv');
    const genStart = performance.now();
    await generate(csv, rows);
    const sizeMb = statSync(csv).size / 1e6;
    console.log(`Generated ${rows.toLocaleString('en')} sales lines, ${sizeMb.toFixed(1)} MB, in ${((performance.now() - genStart) / 1000).toFixed(1)} s.`);
    console.log(`Load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (2 cores; other work on the machine slows both timings).`);

    const ours = await timed(process.execPath, [join(ROOT, 'bin', 'shelfcast.mjs'), 'import', csv, '--workspace', join(dir, 'bench.shelfcast')], dir);
    const summary = JSON.parse(ours.stdout.trim().split('\n')[0] ?? '{}') as { imported?: number; rejected?: number };
    if (summary.imported !== rows) throw new Error(`expected ${rows} rows imported, the summary says ${JSON.stringify(summary)}`);

    const sqlite = await timed('sqlite3', [join(dir, 'bare.db'), '-cmd', '.mode csv', `.import ${csv} sales`], dir);
    const ratio = ours.seconds / sqlite.seconds;

    console.log('');
    console.log(`shelfcast import: ${ours.seconds.toFixed(2)} s for ${rows.toLocaleString('en')} rows = ${Math.round(rows / ours.seconds).toLocaleString('en')} rows/s, peak RSS ${ours.peakRssMb.toFixed(0)} MB (bars: ≤ 10 s, ≤ 600 MB)`);
    for (const mark of ours.marks) console.log(`  ${mark.at.toFixed(2).padStart(6)} s  ${mark.line}`);
    console.log(`  CPU ${ours.cpuSeconds.toFixed(2)} s (user + system, both threads)`);
    console.log(`sqlite3 .import into a bare table: ${sqlite.seconds.toFixed(2)} s, CPU ${sqlite.cpuSeconds.toFixed(2)} s, peak RSS ${sqlite.peakRssMb.toFixed(0)} MB`);
    console.log(`ratio: ${ratio.toFixed(2)}× sqlite3's .import in wall time (goal ≤ 3×), ${(ours.cpuSeconds / sqlite.cpuSeconds).toFixed(2)}× in CPU time`);
    console.log(`Load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    if (keep) console.log(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
