import { registerJob } from './job-registry';
import { throwIfAborted } from './progress';

/**
 * A job that exercises the machinery end to end (progress, cancellation, failure) without
 * touching data: `jobs.selftest` counts to `count` in `steps` steps, optionally failing.
 */
registerJob<{ count: number; delayMs: number; fail: boolean }, { counted: number }>(
  'selftest',
  async (input, ctx) => {
    const names = ['prepare', 'count', 'finish'];
    let counted = 0;
    for (let s = 0; s < names.length; s++) {
      const stepName = names[s] ?? '';
      const total = s === 1 ? input.count : 1;
      for (let i = 0; i < total; i++) {
        throwIfAborted(ctx.signal);
        await new Promise((resolve) => setTimeout(resolve, input.delayMs));
        if (s === 1) counted++;
        if (input.fail && s === 1 && i === Math.floor(total / 2)) throw new Error('Self-test failure requested');
        ctx.onProgress({ step: s + 1, steps: names.length, stepName, current: i + 1, total, message: `${stepName} ${i + 1}/${total}` });
      }
    }
    return { counted };
  },
);
