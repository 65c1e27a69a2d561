/**
 * The "models.train" job: trains a global model (trees or network) on the open
 * workspace in a worker thread, with progress per tree or epoch, cancellable.
 */
import { registerJob } from '../../jobs/job-registry';
import type { TrainWorkspaceInput, TrainWorkspaceResult } from './workspace';
import { trainWorkspaceModel } from './workspace';

registerJob<TrainWorkspaceInput, TrainWorkspaceResult>('models.train', (input, ctx) =>
  trainWorkspaceModel(ctx.db, ctx.workspacePath, input, { signal: ctx.signal, onProgress: ctx.onProgress }),
);
