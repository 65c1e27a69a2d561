// Pool tasks of the forecast engine (loaded by core/jobs/task-modules.ts in every worker).
import { registerTask } from '../jobs/tasks';
import type { CandidateChunkPayload } from './engine/run-local';
import { CANDIDATES_TASK, runCandidateChunk } from './engine/run-local';

registerTask(CANDIDATES_TASK, (payload: CandidateChunkPayload) => runCandidateChunk(payload));
import type { ProfilePayload } from './global/pooled-seasonal';
import { computeProfiles, POOLED_PROFILES_TASK } from './global/pooled-seasonal';

registerTask(POOLED_PROFILES_TASK, (payload: ProfilePayload) => computeProfiles(payload));
