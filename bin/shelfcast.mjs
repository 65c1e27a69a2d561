#!/usr/bin/env node
// The `shelfcast` command: runs the built CLI bundle (npm ci / npm run build make it).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('shelfcast: the app is not built yet. Run `npm run build` (npm ci does it) and try again.\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(bundle).href);
await main();
