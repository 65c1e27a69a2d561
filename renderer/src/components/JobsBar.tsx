import { Box, Button, LinearProgress, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { JobEvent } from '../../../core/contract/events';
import { call, subscribe } from '../api/client';
import { useApp } from '../AppContext';

/**
 * Jobs that run by themselves whenever the data changed (the alerts check after every
 * decision, import or plan): their result is the screens' figures, not news. They get no
 * bar, which would push the page down under the owner's pointer a moment after each click,
 * and no toast. A failure is still reported.
 */
const BACKGROUND_KINDS = new Set(['alerts.refresh']);

/** A progress bar with the step name and a cancel button for every running job. */
export function JobsBar() {
  const { notify } = useApp();
  const [jobs, setJobs] = useState<Map<string, JobEvent>>(new Map());
  // The context's notify changes with every settings or workspace refresh; the subscription
  // must not: re-subscribing re-read the job list, and a list read before a job started could
  // land after its first events and remove its bar.
  const notifyRef = useRef(notify);
  notifyRef.current = notify;

  useEffect(() => {
    let live = true;
    /** Jobs with an event since subscribing: their events are newer than any list read. */
    const heard = new Set<string>();
    call('jobs.list', {})
      .then((list) => {
        if (!live) return;
        setJobs((previous) => {
          const next = new Map(previous);
          for (const job of list) if (!BACKGROUND_KINDS.has(job.kind) && !heard.has(job.jobId)) next.set(job.jobId, job);
          return next;
        });
      })
      .catch(() => undefined);
    const unsubscribe = subscribe('job', (event) => {
      heard.add(event.jobId);
      setJobs((previous) => {
        const next = new Map(previous);
        if ((event.state === 'queued' || event.state === 'running') && !BACKGROUND_KINDS.has(event.kind)) next.set(event.jobId, event);
        else next.delete(event.jobId);
        return next;
      });
      const notifyNow = notifyRef.current;
      if (event.state === 'failed') notifyNow(`${event.title} failed: ${event.error?.message ?? 'unknown error'}`, 'error');
      if (event.state === 'cancelled') notifyNow(`${event.title} was cancelled. Nothing was changed.`, 'warning');
      if (event.state === 'done' && !BACKGROUND_KINDS.has(event.kind)) notifyNow(`${event.title}: done.`, 'success');
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  if (jobs.size === 0) return null;
  return (
    // In the page's flow (it pushes the page down instead of covering it), and sticky under
    // the app bar so a long job stays in sight while scrolling.
    <Box
      role="region"
      aria-label="Running jobs"
      sx={{ position: 'sticky', top: 48, zIndex: (t) => t.zIndex.appBar - 1, mx: -3, mt: -3, mb: 3, px: 2, py: 1, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}
    >
      {[...jobs.values()].map((job) => {
        const fraction = job.total > 0 ? job.current / job.total : 0;
        const overall = job.steps > 0 ? ((Math.max(job.step, 1) - 1 + fraction) / job.steps) * 100 : 0;
        return (
          <Box key={job.jobId} data-testid="job-progress" sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <Typography variant="body2" sx={{ minWidth: 260 }} noWrap>
              {job.title}
              {job.stepName ? ` — step ${job.step} of ${job.steps}: ${job.stepName}` : ` — ${job.message}`}
            </Typography>
            <LinearProgress
              variant={job.steps > 0 ? 'determinate' : 'indeterminate'}
              value={overall}
              sx={{ flexGrow: 1, height: 8, borderRadius: 4 }}
              aria-label={`${job.title} progress`}
            />
            <Typography variant="caption" color="text.secondary" sx={{ minWidth: 160 }} noWrap>
              {job.message}
            </Typography>
            <Button size="small" onClick={() => void call('jobs.cancel', { jobId: job.jobId }).catch(() => undefined)}>
              Cancel
            </Button>
          </Box>
        );
      })}
    </Box>
  );
}
