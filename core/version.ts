import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from './paths';

let cached: string | undefined;

export function appVersion(): string {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: string };
    cached = pkg.version ?? '0.0.0';
  }
  return cached;
}
