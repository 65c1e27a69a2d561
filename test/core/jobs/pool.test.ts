import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../core/jobs/pool';

describe('WorkerPool', () => {
  const pool = new WorkerPool(2);
  afterAll(() => pool.close());

  it('runs registered tasks in worker threads and returns their results', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run<{ n: number }>('echo', { n })));
    expect(results.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects only the task that names an unknown task', async () => {
    await expect(pool.run('no-such-task', {})).rejects.toThrow(/Unknown task/);
    await expect(pool.run<number>('echo', 7)).resolves.toBe(7);
  });

  it('transfers typed arrays', async () => {
    const values = new Float64Array([1.5, 2.5]);
    const back = await pool.run<Float64Array>('echo', values, [values.buffer]);
    expect(Array.from(back)).toEqual([1.5, 2.5]);
  });
});
