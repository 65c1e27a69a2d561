import { z } from 'zod';

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/** A file the user chose in a dialog or dropped on the window; the UI never sends paths. */
export const FileRef = z.object({
  fileId: z.string().min(1).max(100),
  name: z.string(),
  size: z.number().int().nonnegative(),
});
export type FileRef = z.infer<typeof FileRef>;

export const FileId = z.object({ fileId: z.string().min(1).max(100) }).strict();

export const JobStarted = z.object({ jobId: z.string() });
export type JobStarted = z.infer<typeof JobStarted>;

/** A calendar date as the UI shows and sends it. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const Id = z.number().int().positive();
