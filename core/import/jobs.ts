import { z } from 'zod';
import { Id } from '../contract/common';
import type { CommitResult} from '../contract/commands/import';
import { Mapping } from '../contract/commands/import';
import { registerJob } from '../jobs/job-registry';
import { stepper } from '../jobs/progress';
import { commitImports } from './commit';
import { undoImport } from './undo';

/** Input of the `import.commit` job: files already resolved to paths by the host. */
const FileScanSchema = z.object({
  sizeBytes: z.number(),
  mtimeMs: z.number(),
  contentHash: z.string(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
  bom: z.boolean(),
  compressed: z.boolean(),
});

export const ImportJobInput = z.object({
  files: z
    .array(
      z.object({
        path: z.string().min(1),
        name: z.string().min(1),
        mapping: Mapping,
        replace: z.boolean().default(false),
        remember: z.boolean().default(true),
        scan: FileScanSchema.optional(),
      }),
    )
    .min(1),
  createProducts: z.boolean().default(true),
  /** Day number of today; the clock's when absent (tests pin it). */
  today: z.number().int().optional(),
});
export type ImportJobInput = z.input<typeof ImportJobInput>;

export const UndoJobInput = z.object({ importId: Id });

export const IMPORT_JOB = 'import.commit';
export const UNDO_JOB = 'import.undo';

registerJob<unknown, CommitResult>(IMPORT_JOB, async (raw, ctx) => {
  const input = ImportJobInput.parse(raw);
  return commitImports(ctx.db, input.files.map(({ scan, ...file }) => (scan ? { ...file, scan } : file)), {
    createProducts: input.createProducts,
    ...(input.today === undefined ? {} : { today: input.today }),
    signal: ctx.signal,
    onProgress: ctx.onProgress,
  });
});

registerJob<unknown, { importId: number; fileName: string; removed: Record<string, number> }>(UNDO_JOB, async (raw, ctx) => {
  const { importId } = UndoJobInput.parse(raw);
  const steps = stepper(['undo'], ctx.onProgress);
  steps.start('undo', 1, `Removing import ${importId}`);
  const result = undoImport(ctx.db, importId);
  steps.advance(1, 1, 'Removed');
  return { importId: result.importId, fileName: result.fileName, removed: result.removed };
});
