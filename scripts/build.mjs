// Builds everything that runs: the Node bundles (CLI, worker, browser host, Electron
// main and preload) with esbuild, and the renderer with Vite. Runs on `npm ci` (prepare).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const only = process.argv.includes('--node-only') ? 'node' : process.argv.includes('--renderer-only') ? 'renderer' : 'all';

if (only === 'all') rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
};

if (only !== 'renderer') {
  await Promise.all([
    build({
      ...common,
      format: 'esm',
      entryPoints: { cli: 'core/cli/main.ts', worker: 'core/jobs/worker-entry.ts' },
      outdir: dist,
      outExtension: { '.js': '.mjs' },
      // Code behind a dynamic import() (TensorFlow.js training, ONNX serving) goes to its own
      // chunk with its packages, so a command that never trains does not load them.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
    }),
    build({
      ...common,
      format: 'esm',
      entryPoints: { main: 'electron/main.ts' },
      outdir: dist,
      outExtension: { '.js': '.mjs' },
      external: ['electron'],
      splitting: true,
      chunkNames: 'chunks/main-[name]-[hash]',
    }),
    // A sandboxed preload may only require('electron'): bundle everything else into it.
    build({
      ...common,
      packages: undefined,
      format: 'cjs',
      entryPoints: { preload: 'electron/preload.ts' },
      outdir: dist,
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
    }),
  ]);
}

if (only !== 'node') {
  await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
