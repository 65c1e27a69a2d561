import { Box, Button, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { JobEvent } from '../../../core/contract/events';
import { call, subscribe } from '../api/client';
import { useApp } from '../AppContext';

const QUIET_WHEN_DONE = new Set(['alerts.refresh']);

/** A progress bar with the step name and a cancel button for every running job. */
export function JobsBar() {
  const { notify } = useApp();
  const [jobs, setJobs] = useState<Map<string, JobEvent>>(new Map());

  useEffect(() => {
    call('jobs.list', {})
      .then((list) => setJobs(new Map(list.map((j) => [j.jobId, j]))))
      .catch(() => undefined);
    return subscribe('job', (event) => {
      setJobs((previous) => {
        const next = new Map(previous);
        if (event.state === 'queued' || event.state === 'running') next.set(event.jobId, event);
        else next.delete(event.jobId);
        return next;
      });
      if (event.state === 'failed') notify(`${event.title} failed: ${event.error?.message ?? 'unknown error'}`, 'error');
      if (event.state === 'cancelled') notify(`${event.title} was cancelled. Nothing was changed.`, 'warning');
      // The alerts check runs by itself whenever the data changed: its result is the screens'
      // figures, not news. A toast on every start would be noise.
      if (event.state === 'done' && !QUIET_WHEN_DONE.has(event.kind)) notify(`${event.title}: done.`, 'success');
    });
  }, [notify]);

  if (jobs.size === 0) return null;
  return (
    <Box role="region" aria-label="Running jobs" sx={{ px: 2, pb: 1 }}>
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
