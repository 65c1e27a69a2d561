import { getJob } from './job-registry';

// Modules that register job kinds (see job-registry.ts). Add one line per domain, listing
// the kinds its module registers.
const MODULES: ReadonlyArray<{ kinds: readonly string[]; load: () => Promise<unknown> }> = [
  { kinds: ['selftest'], load: () => import('./selftest-job') },
  { kinds: ['import.commit', 'import.undo'], load: () => import('../import/jobs') },
  { kinds: ['demo.load'], load: () => import('../demo/job') },
  { kinds: ['forecast'], load: () => import('../planning/forecast-job') },
  { kinds: ['plan'], load: () => import('../inventory/plan-job') },
  { kinds: ['alerts.refresh'], load: () => import('../alerts/job') },
  { kinds: ['models.train'], load: () => import('../forecast/global/train-job') },
  { kinds: ['customers.forecast'], load: () => import('../customers/job') },
];

/** The kinds listed above (for the test that keeps the list true). */
export const LISTED_JOB_KINDS: readonly string[] = MODULES.flatMap((m) => m.kinds);

/**
 * Loads the module that registers `kind`: a job worker runs one job, and loading every
 * domain's module (forecasting, plans, customers…) cost an import ~0.1 s before it started.
 * A kind not listed (or not registered by its module) loads them all.
 */
export async function loadJobModule(kind: string): Promise<void> {
  const own = MODULES.find((m) => m.kinds.includes(kind));
  if (own) await own.load();
  if (getJob(kind)) return;
  await loadAllJobModules();
}

export async function loadAllJobModules(): Promise<void> {
  await Promise.all(MODULES.map((m) => m.load()));
}
