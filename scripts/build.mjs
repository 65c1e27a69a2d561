// Builds everything that runs: the Node bundles (CLI, worker, browser host, Electron
// main and preload) with esbuild, and the renderer with Vite. Runs on `npm ci` (prepare).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const only = process.argv.includes('--node-only') ? 'node' : process.argv.includes('--renderer-only') ? 'renderer' : 'all';

if (only === 'all') rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// Packages stay outside the Node bundles (native bindings, files read from their own folder,
// large lazily loaded data) except the small pure-JS ones every command loads at start: zod
// alone is about a hundred files, which cost each command ~0.1 s before it began its work.
const BUNDLED = new Set(['zod', 'papaparse', 'iconv-lite', 'safer-buffer']);
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const externalPackages = Object.keys({ ...packageJson.dependencies, ...packageJson.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

// The bundled CommonJS packages call require() for Node's built-ins (buffer, stream).
const esmRequire = { js: "import { createRequire as __shelfcastCreateRequire } from 'node:module'; const require = __shelfcastCreateRequire(import.meta.url);" };

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: externalPackages,
  logLevel: 'warning',
  absWorkingDir: root,
};

if (only !== 'renderer') {
  await Promise.all([
    build({
      ...common,
      format: 'esm',
      banner: esmRequire,
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
      banner: esmRequire,
      entryPoints: { main: 'electron/main.ts' },
      outdir: dist,
      outExtension: { '.js': '.mjs' },
      external: [...externalPackages, 'electron'],
      splitting: true,
      chunkNames: 'chunks/main-[name]-[hash]',
    }),
    // A sandboxed preload may only require('electron'): bundle everything else into it.
    build({
      ...common,
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
