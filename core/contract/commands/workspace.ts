import { z } from 'zod';
import { Empty, FileId, FileRef, JobStarted, Ok } from '../common';
import { command } from '../spec';
import { AppInfo } from './app';

export const TableCounts = z.record(z.string(), z.number().int().nonnegative());
export type TableCounts = z.infer<typeof TableCounts>;

export const WorkspaceOverview = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  counts: TableCounts,
  firstSaleDay: z.string().nullable(),
  lastSaleDay: z.string().nullable(),
  historyDays: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
});
export type WorkspaceOverview = z.infer<typeof WorkspaceOverview>;

export const BackupInfo = z.object({ name: z.string(), createdAt: z.string(), sizeBytes: z.number().int() });
export type BackupInfo = z.infer<typeof BackupInfo>;

export const workspaceCommands = {
  'workspace.createDemo': command(
    'Builds a fresh demo shop workspace and loads the demo data (a job).',
    Empty,
    JobStarted.extend({ path: z.string() }),
  ),
  'workspace.create': command('Creates a new empty workspace at a file chosen in a save dialog.', FileId, AppInfo),
  'workspace.createDefault': command('Creates a new empty workspace in the default folder.', z.object({ name: z.string().min(1).max(80).optional() }).strict(), AppInfo),
  'workspace.open': command('Opens a workspace file chosen in a dialog.', FileId, AppInfo),
  'workspace.openRecent': command('Opens a workspace from the recent list.', z.object({ path: z.string().min(1).max(4096) }).strict(), AppInfo),
  'workspace.close': command('Closes the open workspace.', Empty, AppInfo),
  'workspace.overview': command('Counts and dates of the open workspace.', Empty, WorkspaceOverview),
  'workspace.backup': command('Makes an online backup of the open workspace in its backups folder.', Empty, BackupInfo.extend({ file: FileRef })),
  'workspace.backups': command('Lists the backups of the open workspace.', Empty, z.array(BackupInfo)),
  'workspace.restore': command(
    'Replaces the open workspace with a backup (a safety backup of the current state is made first).',
    z.union([z.object({ backupName: z.string().min(1).max(255) }).strict(), FileId]),
    AppInfo,
  ),
};

export const JobKind = z.string();

export const JobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

export const JobStatus = z.object({
  jobId: z.string(),
  kind: z.string(),
  title: z.string(),
  state: JobState,
  step: z.number().int(),
  steps: z.number().int(),
  stepName: z.string(),
  current: z.number(),
  total: z.number(),
  message: z.string(),
  startedAt: z.string(),
});
export type JobStatus = z.infer<typeof JobStatus>;

export const jobCommands = {
  'jobs.list': command('Jobs that are queued or running.', Empty, z.array(JobStatus)),
  'jobs.cancel': command('Asks a job to stop; it ends with a "cancelled" event.', z.object({ jobId: z.string().min(1).max(100) }).strict(), Ok),
  'jobs.selftest': command(
    'Runs a harmless job that counts, to check progress and cancellation.',
    z.object({ count: z.number().int().min(1).max(10_000).default(20), delayMs: z.number().int().min(0).max(1000).default(50), fail: z.boolean().default(false) }).strict(),
    JobStarted,
  ),
};
