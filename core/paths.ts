import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The folder holding package.json, found by walking up from this module. It works both
 * from source (core/paths.ts) and from the esbuild bundles in dist/, so migrations,
 * demo data and fonts are read from one place in every mode.
 */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(pkg, 'utf8'));
        if (typeof parsed === 'object' && parsed !== null && (parsed as { name?: unknown }).name === 'shelfcast') {
          cachedRoot = dir;
          return dir;
        }
      } catch {
        // not our package.json; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Shelfcast could not find its installation folder (package.json).');
    dir = parent;
  }
}

export function assetPath(...parts: string[]): string {
  return join(appRoot(), 'assets', ...parts);
}

export function migrationsDir(): string {
  return join(appRoot(), 'core', 'db', 'migrations');
}
