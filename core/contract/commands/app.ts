import { z } from 'zod';
import { Empty, FileId, FileRef, Ok } from '../common';
import { command } from '../spec';

export const HostKind = z.enum(['electron', 'browser', 'cli']);

export const WorkspaceSummary = z.object({
  path: z.string(),
  name: z.string(),
});

export const RecentWorkspace = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

export const AppInfo = z.object({
  version: z.string(),
  host: HostKind,
  workspace: WorkspaceSummary.nullable(),
  recent: z.array(RecentWorkspace),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const FileFilter = z.object({ name: z.string(), extensions: z.array(z.string().regex(/^[a-z0-9*]+$/i)) });

export const appCommands = {
  'app.info': command('Version, host kind, the open workspace and recent workspaces.', Empty, AppInfo),
  'files.pickOpen': command(
    'Shows an open-file dialog (desktop app) and returns the chosen files.',
    z.object({ title: z.string().max(200), multiple: z.boolean().default(false), filters: z.array(FileFilter).max(10).default([]) }).strict(),
    z.array(FileRef),
  ),
  'files.pickSave': command(
    'Shows a save-file dialog (desktop app) and returns the chosen target, or null when cancelled.',
    z.object({ title: z.string().max(200), defaultName: z.string().max(255), filters: z.array(FileFilter).max(10).default([]) }).strict(),
    FileRef.nullable(),
  ),
  'files.saveAs': command(
    'Saves a generated file (report, export, backup) where the user chooses (desktop app).',
    z.object({ fileId: z.string().min(1).max(100), defaultName: z.string().max(255) }).strict(),
    z.object({ saved: z.boolean(), name: z.string().nullable() }),
  ),
  'files.release': command('Forgets a file handle.', FileId, Ok),
  'app.print': command(
    'Desktop app: with a fileId, opens that generated PDF in the system PDF viewer to print it with its own page layout; without, prints the current window.',
    z.object({ fileId: z.string().min(1).max(100).optional() }).strict(),
    Ok,
  ),
};
