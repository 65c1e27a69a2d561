// Pool tasks of the forecast engine (loaded by core/jobs/task-modules.ts in every worker).
import { registerTask } from '../jobs/tasks';
import type { CandidateChunkPayload } from './engine/run-local';
import { CANDIDATES_TASK, runCandidateChunk } from './engine/run-local';

registerTask(CANDIDATES_TASK, (payload: CandidateChunkPayload) => runCandidateChunk(payload));
// Registers the series features of the global candidates in this worker.
import './global/pooled-seasonal';
