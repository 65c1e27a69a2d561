import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppInfo } from '../contract/commands/app';
import type { BackupInfo } from '../contract/commands/workspace';
import type { EventName, EventPayload } from '../contract';
import { AppError } from '../contract/errors';
import type { Db } from '../db/connection';
import { inspectWorkspaceFile, openWorkspace } from '../db/connection';
import { appVersion } from '../version';
import { FileGrants } from './files';
import { JobRunner } from './job-runner';
import type { StartJobOptions } from './job-runner';
import type { EventSink, Platform } from './platform';
import { RecentWorkspaces, workspaceName } from './recent';

interface OpenWorkspace {
  path: string;
  db: Db;
}

/**
 * The application as every host sees it: the open workspace, the job runner, the files the
 * user granted, and the event stream. Electron main, the browser host and the CLI each make
 * one and route commands to it; none of them hold business logic of their own.
 */
export class ShelfcastApp {
  readonly files = new FileGrants();
  readonly recent: RecentWorkspaces;
  readonly jobs: JobRunner;
  private current: OpenWorkspace | undefined;
  private readonly listeners = new Set<EventSink>();

  constructor(readonly platform: Platform) {
    this.recent = new RecentWorkspaces(platform.configDir);
    this.jobs = new JobRunner((event) => this.emit('job', event));
  }

  onEvent(sink: EventSink): () => void {
    this.listeners.add(sink);
    return () => this.listeners.delete(sink);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const sink of this.listeners) {
      try {
        sink(name, payload);
      } catch (err) {
        console.error(`Event listener for ${name} failed`, err);
      }
    }
  }

  get workspace(): OpenWorkspace | undefined {
    return this.current;
  }

  /** The open workspace's connection; a clear error when none is open. */
  get db(): Db {
    if (!this.current) throw new AppError('workspace.none_open', 'No workspace is open. Open one or try the demo shop first.');
    return this.current.db;
  }

  get workspacePath(): string {
    if (!this.current) throw new AppError('workspace.none_open', 'No workspace is open. Open one or try the demo shop first.');
    return this.current.path;
  }

  info(): AppInfo {
    return {
      version: appVersion(),
      host: this.platform.host,
      workspace: this.current ? { path: this.current.path, name: workspaceName(this.current.path) } : null,
      recent: this.recent.list(),
    };
  }

  /** Opens (or creates) a workspace, closing the previous one only once the new one is good. */
  async openWorkspace(path: string, options: { create?: boolean } = {}): Promise<AppInfo> {
    if (this.current?.path === path) return this.info();
    if (options.create) mkdirSync(dirname(path), { recursive: true });
    const db = openWorkspace(path, { create: options.create ?? false });
    await this.closeWorkspace();
    this.current = { path, db };
    this.recent.remember(path);
    this.emit('workspace.changed', { reason: 'opened' });
    return this.info();
  }

  async closeWorkspace(): Promise<void> {
    if (!this.current) return;
    await this.jobs.shutdown();
    const { db } = this.current;
    this.current = undefined;
    db.close();
    this.emit('workspace.changed', { reason: 'closed' });
  }

  /** A file name in the default folder that does not exist yet. */
  freshWorkspacePath(baseName: string): string {
    mkdirSync(this.platform.defaultWorkspaceDir, { recursive: true });
    const safe = baseName.replace(/[^\p{L}\p{N} _.-]/gu, '').trim() || 'My shop';
    let candidate = join(this.platform.defaultWorkspaceDir, `${safe}.shelfcast`);
    for (let n = 2; existsSync(candidate); n++) candidate = join(this.platform.defaultWorkspaceDir, `${safe} ${n}.shelfcast`);
    return candidate;
  }

  startJob(options: Omit<StartJobOptions, 'workspacePath'>): string {
    return this.jobs.start({
      ...options,
      workspacePath: this.workspacePath,
      onSettled: async (event) => {
        await options.onSettled?.(event);
        if (event.state === 'done') this.emit('workspace.changed', { reason: options.kind });
      },
    });
  }

  backupsDir(path = this.workspacePath): string {
    return join(dirname(path), `${workspaceName(path)}.backups`);
  }

  /** An online backup (SQLite's backup API) into the workspace's backups folder. */
  async backup(label = ''): Promise<BackupInfo & { path: string }> {
    const dir = this.backupsDir();
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
    const name = `${workspaceName(this.workspacePath)} ${stamp}${label ? ` ${label}` : ''}.shelfcast`;
    const target = join(dir, name);
    await this.db.backup(target);
    const stat = statSync(target);
    return { name, path: target, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size };
  }

  listBackups(): BackupInfo[] {
    const dir = this.backupsDir();
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.shelfcast'))
      .map((name) => {
        const stat = statSync(join(dir, name));
        return { name, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size };
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * Replaces the open workspace with a backup file. The backup is checked first, and a
   * safety backup of the current state is made, so a bad restore can itself be undone.
   */
  async restore(source: string): Promise<AppInfo> {
    const target = this.workspacePath;
    inspectWorkspaceFile(source, true);
    await this.backup('before-restore');
    await this.closeWorkspace();
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    copyFileSync(source, target);
    return this.openWorkspace(target);
  }

  async dispose(): Promise<void> {
    await this.closeWorkspace();
    this.files.releaseAll();
  }
}
