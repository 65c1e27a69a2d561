// Loads the TypeScript worker entry through tsx when Shelfcast runs from its sources
// (tests, `tsx`): Node 20 does not apply `--import` loaders to a worker's entry module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.sourceEntry);
