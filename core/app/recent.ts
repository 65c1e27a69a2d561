import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RecentWorkspace } from '../contract/commands/app';

const MAX_RECENT = 10;

/** The recently opened workspaces, remembered in <configDir>/recent.json. */
export class RecentWorkspaces {
  private readonly file: string;

  constructor(configDir: string) {
    this.file = join(configDir, 'recent.json');
  }

  private read(): Array<{ path: string; openedAt: string }> {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (e): e is { path: string; openedAt: string } =>
          typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.openedAt === 'string',
      );
    } catch {
      return [];
    }
  }

  list(): RecentWorkspace[] {
    return this.read().map((e) => ({ ...e, name: workspaceName(e.path), exists: existsSync(e.path) }));
  }

  has(path: string): boolean {
    return this.read().some((e) => e.path === path);
  }

  remember(path: string, now = new Date()): void {
    const entries = [{ path, openedAt: now.toISOString() }, ...this.read().filter((e) => e.path !== path)].slice(0, MAX_RECENT);
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(entries, null, 2));
    renameSync(tmp, this.file);
  }

  /** The most recent workspace that still exists, if any. */
  last(): string | undefined {
    return this.list().find((e) => e.exists)?.path;
  }
}

export function workspaceName(path: string): string {
  return basename(path).replace(/\.shelfcast$/i, '');
}
