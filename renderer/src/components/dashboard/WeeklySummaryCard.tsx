import { Box, Card, CardContent, Typography } from '@mui/material';
import type { WeeklySummary } from '../../../../core/contract/commands/dashboard';
import { date } from '../../format';

/** This week's summary, written by the core from the shop's own numbers (no cloud service). */
export function WeeklySummaryCard({ summary }: { summary: WeeklySummary | null }) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }} component="section" aria-labelledby="weekly-summary-title">
      <CardContent>
        <Typography id="weekly-summary-title" variant="h2">
          This week’s summary
        </Typography>
        {summary ? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              {summary.headline} · written {date(summary.generatedAt)} from your data, on this computer
            </Typography>
            <Box component="dl" sx={{ m: 0 }} data-testid="weekly-summary">
              {summary.sections.map((s) => (
                <Box key={s.topic} sx={{ mb: 1.25 }}>
                  <Typography component="dt" variant="subtitle2">
                    {s.title}
                  </Typography>
                  <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                    {s.text}
                  </Typography>
                </Box>
              ))}
            </Box>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            The summary is written once there are sales to summarise.
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
