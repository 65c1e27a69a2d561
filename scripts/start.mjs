// `npm start`: the desktop app with the last workspace (or the first-run screen).
// Where the Electron binary is not installed (it downloads on first use and needs internet),
// say so in one line and point to the browser host.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
    const binary = join(distDir, readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log('The Electron binary is not installed on this machine (run `npx install-electron` where there is internet); use `npm run web` to open Shelfcast in a browser instead.');
  process.exit(1);
}
if (!existsSync(join(root, 'dist', 'main.mjs'))) {
  console.log('Shelfcast is not built yet: run `npm run build` first.');
  process.exit(1);
}
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
