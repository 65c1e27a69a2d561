import { describe, expect, it } from 'vitest';
import { LISTED_JOB_KINDS, loadAllJobModules, loadJobModule } from '../../../core/jobs/job-modules';
import { getJob, registeredJobKinds } from '../../../core/jobs/job-registry';

describe('job modules (a job worker loads only its own kind\'s module)', () => {
  it('loads the module of a listed kind, which registers it', async () => {
    await loadJobModule('import.commit');
    expect(getJob('import.commit')).toBeTypeOf('function');
    expect(getJob('import.undo')).toBeTypeOf('function');
    expect(getJob('forecast')).toBeUndefined(); // not loaded for an import
    for (const kind of LISTED_JOB_KINDS) {
      await loadJobModule(kind);
      expect(getJob(kind), kind).toBeTypeOf('function');
    }
  }, 60_000);

  it('lists every kind the modules register, and an unknown kind loads them all and stays unknown', async () => {
    await loadJobModule('no.such.kind');
    expect(getJob('no.such.kind')).toBeUndefined();
    await loadAllJobModules();
    expect(registeredJobKinds().sort()).toEqual([...LISTED_JOB_KINDS].sort());
  }, 60_000);
});
