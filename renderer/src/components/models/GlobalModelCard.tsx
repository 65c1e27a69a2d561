import { Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { GlobalModelVersion } from '../../../../core/contract/commands/models';
import { date, num, pct } from '../../format';
import { TrainingCurve } from './TrainingCurve';

const NAMES = { gbdt: 'Gradient-boosted trees', nn: 'Neural network' } as const;

/** Error as a share of the seasonal naive forecast's error on the same final weeks. */
export function vsNaive(version: GlobalModelVersion): number | null {
  const score = version.score;
  if (!score || score.scaledMae === null || score.naiveScaledMae === null || !(score.naiveScaledMae > 0)) return null;
  return score.scaledMae / score.naiveScaledMae;
}

/** The tree count or epoch that early stopping kept. */
function bestStep(version: GlobalModelVersion): number | undefined {
  const best = version.size.trees ?? version.size.bestEpoch;
  return typeof best === 'number' ? best : undefined;
}

function backendLabel(backend: string): string {
  switch (backend) {
    case 'typescript':
      return 'Shelfcast (TypeScript)';
    case 'tfjs-node-gpu':
      return 'TensorFlow, GPU';
    case 'tfjs-node':
      return 'TensorFlow, CPU';
    case 'wasm':
      return 'WebAssembly';
    case 'cpu':
      return 'JavaScript';
    default:
      return backend;
  }
}

/** How the model takes part in the forecast runs, which fit it afresh on the latest sales. */
export function inForecastRuns(kind: 'gbdt' | 'nn', productsUsing: number, forecastRunId: number | null): string {
  const what = kind === 'gbdt' ? 'the tree model' : 'the network';
  if (productsUsing > 0) return `Each forecast run fits ${what} afresh on your latest sales and backtests it; in the latest run it is part of the chosen forecast for ${productsUsing.toLocaleString()} product${productsUsing === 1 ? '' : 's'}.`;
  if (forecastRunId === null) return `Each forecast run fits ${what} afresh on your latest sales and uses it where it wins the backtest. No forecast has run yet.`;
  if (kind === 'nn') return 'Forecast runs fit the network only where native TensorFlow is installed (without it, it is too slow for every run); in the latest run it is part of no product’s forecast.';
  return 'Each forecast run fits the tree model afresh on your latest sales; it won no product’s backtest in the latest run.';
}

export function GlobalModelCard({
  kind,
  versions,
  onTrain,
  onPromote,
  productsUsing,
  forecastRunId,
}: {
  kind: 'gbdt' | 'nn';
  versions: GlobalModelVersion[];
  /** Products whose chosen forecast in the latest run includes this model. */
  productsUsing: number;
  forecastRunId: number | null;
  onTrain: () => void;
  onPromote: (id: number) => void;
}) {
  const champion = versions.find((v) => v.champion);
  const [selectedId, setSelectedId] = useState<number | undefined>(undefined);
  const selected = versions.find((v) => v.id === selectedId) ?? champion ?? versions[0];
  const unit = kind === 'gbdt' ? 'Tree' : 'Epoch';
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid={`global-model-${kind}`}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1, gap: 1, flexWrap: 'wrap' }}>
          <Box>
            <Typography variant="h2">{NAMES[kind]}</Typography>
            <Typography variant="body2" color="text.secondary">
              {champion
                ? `Champion: version ${champion.version}, trained ${date(champion.createdAt)} by ${backendLabel(champion.backend)} · error ${pct(vsNaive(champion))} of seasonal naive · 80% interval held ${pct(champion.score?.coverage80)} of weeks`
                : 'No saved version yet. Train saves one with its scores and training curve, to compare versions and pick the champion.'}
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid={`in-runs-${kind}`}>
              {inForecastRuns(kind, productsUsing, forecastRunId)}
            </Typography>
          </Box>
          <Button variant="outlined" onClick={onTrain} data-testid={`train-${kind}`}>
            {versions.length ? 'Retrain' : 'Train'}
          </Button>
        </Stack>
        {versions.length ? (
          <>
            <Table size="small" aria-label={`${NAMES[kind]} versions`}>
              <TableHead>
                <TableRow>
                  <TableCell>Version</TableCell>
                  <TableCell>Trained</TableCell>
                  <TableCell>Role</TableCell>
                  <TableCell>Trained by</TableCell>
                  <TableCell align="right">Error vs naive</TableCell>
                  <TableCell align="right">80% interval held</TableCell>
                  <TableCell align="right">Products</TableCell>
                  <TableCell align="right">Training time</TableCell>
                  <TableCell align="right">Rows per second</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {versions.map((v) => (
                  <TableRow key={v.id} hover selected={v.id === selected?.id} onClick={() => setSelectedId(v.id)} sx={{ cursor: 'pointer' }} data-testid={`version-${kind}-${v.version}`}>
                    <TableCell>v{v.version}</TableCell>
                    <TableCell>{date(v.createdAt)}</TableCell>
                    <TableCell>
                      <Chip size="small" color={v.champion ? 'success' : 'default'} label={v.champion ? 'Champion' : 'Challenger'} />
                    </TableCell>
                    <TableCell>{backendLabel(v.backend)}</TableCell>
                    <TableCell align="right">{pct(vsNaive(v))}</TableCell>
                    <TableCell align="right">{pct(v.score?.coverage80)}</TableCell>
                    <TableCell align="right">{num(v.series)}</TableCell>
                    <TableCell align="right">{v.trainingSeconds === null ? '—' : `${num(v.trainingSeconds, 1)} s`}</TableCell>
                    <TableCell align="right">{num(v.rowsPerSecond)}</TableCell>
                    <TableCell align="right">
                      {v.champion ? null : (
                        <Button
                          size="small"
                          onClick={(e) => {
                            e.stopPropagation();
                            onPromote(v.id);
                          }}
                        >
                          Make champion
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {selected ? (
              <Box sx={{ mt: 2 }}>
                <TrainingCurve
                  title={`Version ${selected.version}: loss per ${unit.toLowerCase()}`}
                  unit={unit}
                  trainLoss={selected.curve.trainLoss}
                  validLoss={selected.curve.validLoss}
                  best={bestStep(selected)}
                />
              </Box>
            ) : null}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
