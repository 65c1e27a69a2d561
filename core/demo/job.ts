import { registerJob } from '../jobs/job-registry';
import type { DemoLoadResult } from './load';
import { loadDemo } from './load';

/** `demo.load`: the demo shop's CSVs into the job's workspace, through the import path. */
registerJob<unknown, DemoLoadResult>('demo.load', (_input, ctx) => loadDemo(ctx.db, { signal: ctx.signal, onProgress: ctx.onProgress }));
