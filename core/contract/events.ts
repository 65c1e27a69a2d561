import { z } from 'zod';
import { ApiError } from './envelope';
import { FileRef } from './common';
import { JobStatus } from './commands/workspace';

/** A job's life, one stream for every job (CONVENTIONS.md §5). */
export const JobEvent = JobStatus.extend({
  result: z.unknown().optional(),
  error: ApiError.optional(),
});
export type JobEvent = z.infer<typeof JobEvent>;

/** Events the core pushes to the UI; the preload forwards only these names. */
export const events = {
  job: JobEvent,
  'workspace.changed': z.object({ reason: z.string() }),
  'files.dropped': z.object({ files: z.array(FileRef) }),
  'app.navigate': z.object({ route: z.string().max(200) }),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
