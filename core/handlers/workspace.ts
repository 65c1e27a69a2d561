import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../contract/errors';
import { isoFromDay } from '../dates';
import { CUSTOMERS_JOB_KIND } from '../customers/workspace-run';
import { markAsDemo } from '../db/repos/demo';
import { salesDayRange, schemaVersion, tableCounts } from '../db/repos/overview';
import { defineHandlers } from '../router';
import { workspaceName } from '../app/recent';
import type { HandlerContext } from './context';

export const DEMO_WORKSPACE_NAME = 'Demo shop.shelfcast';

export const workspaceHandlers = defineHandlers<HandlerContext>('workspace', {
  'workspace.createDemo': async (_input, { app }) => {
    const path = join(app.platform.defaultWorkspaceDir, DEMO_WORKSPACE_NAME);
    if (app.workspace?.path === path) await app.closeWorkspace();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    await app.openWorkspace(path, { create: true });
    markAsDemo(app.db);
    // Load the demo through the import path, then forecast and plan it, so every screen has its numbers.
    const jobId = app.startJob({
      kind: 'demo.load',
      title: 'Loading the demo shop',
      input: {},
      onSettled: (event) => {
        if (event.state === 'done' && app.workspace?.path === path) {
          app.startJob({ kind: 'plan', title: 'Forecasting and planning the demo shop', input: { eoqFloor: false, budgetCents: null } });
          app.startJob({ kind: CUSTOMERS_JOB_KIND, title: 'Predicting customer orders', input: { horizonWeeks: 12, minOrders: 2, minConfidence: 0.3 } });
        }
      },
    });
    return { jobId, path };
  },
  'workspace.create': async (input, { app }) => {
    const { path } = app.files.resolve(input.fileId);
    if (existsSync(path) && statSync(path).size > 0) {
      throw new AppError('conflict', `${path} already exists. Choose a new file name for a new workspace.`);
    }
    return app.openWorkspace(path, { create: true });
  },
  'workspace.createDefault': (input, { app }) =>
    app.openWorkspace(app.freshWorkspacePath(input.name ?? 'My shop'), { create: true }),
  'workspace.open': (input, { app }) => app.openWorkspace(app.files.resolve(input.fileId).path),
  'workspace.openRecent': (input, { app }) => {
    if (!app.recent.has(input.path)) {
      throw new AppError('file.not_granted', 'That workspace is not in the recent list. Open it with the file dialog.');
    }
    return app.openWorkspace(input.path);
  },
  'workspace.close': async (_input, { app }) => {
    await app.closeWorkspace();
    return app.info();
  },
  'workspace.overview': (_input, { app }) => {
    const { db } = app;
    const range = salesDayRange(db);
    return {
      path: app.workspacePath,
      name: workspaceName(app.workspacePath),
      schemaVersion: schemaVersion(db),
      counts: tableCounts(db),
      firstSaleDay: range.first === null ? null : isoFromDay(range.first),
      lastSaleDay: range.last === null ? null : isoFromDay(range.last),
      historyDays: range.first === null || range.last === null ? 0 : range.last - range.first + 1,
      sizeBytes: statSync(app.workspacePath).size,
    };
  },
  'workspace.backup': async (_input, { app }) => {
    const backup = await app.backup();
    const file = app.files.grant(backup.path, { name: backup.name });
    return { name: backup.name, createdAt: backup.createdAt, sizeBytes: backup.sizeBytes, file };
  },
  'workspace.backups': (_input, { app }) => app.listBackups(),
  'workspace.restore': (input, { app }) => {
    if ('backupName' in input) {
      const name = input.backupName;
      if (name.includes('/') || name.includes('\\') || !app.listBackups().some((b) => b.name === name)) {
        throw new AppError('not_found', `There is no backup called "${name}".`);
      }
      return app.restore(join(app.backupsDir(), name));
    }
    return app.restore(app.files.resolve(input.fileId).path);
  },
});
