// Pool tasks of the forecast engine (loaded by core/jobs/task-modules.ts in every worker).
import { registerTask } from '../jobs/tasks';
import type { CandidateChunkPayload } from './engine/run-local';
import { CANDIDATES_TASK, runCandidateChunk } from './engine/run-local';
import type { GbdtTaskPayload } from './global/gbdt-candidate';
import { GBDT_TASK, runGbdtTask } from './global/gbdt-candidate';
import type { PooledFitsPayload, PooledProjectorPayload } from './global/pooled-seasonal';
import { POOLED_FITS_TASK, POOLED_PROJECTOR_TASK, runPooledFits, runPooledProjector } from './global/pooled-seasonal';

registerTask(CANDIDATES_TASK, (payload: CandidateChunkPayload) => runCandidateChunk(payload));
registerTask(GBDT_TASK, (payload: GbdtTaskPayload) => runGbdtTask(payload));
// Also registers the series features of the global candidates in this worker.
registerTask(POOLED_FITS_TASK, (payload: PooledFitsPayload) => runPooledFits(payload));
registerTask(POOLED_PROJECTOR_TASK, (payload: PooledProjectorPayload) => runPooledProjector(payload));
