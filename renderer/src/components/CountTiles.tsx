import { Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { num } from '../format';
import { href } from '../router';

export interface Tile {
  label: string;
  value: string;
  hint?: string;
  link?: string;
  testId?: string;
}

export function Tiles({ tiles }: { tiles: Tile[] }) {
  return (
    <Grid container spacing={2} sx={{ mb: 3 }}>
      {tiles.map((tile) => {
        const content = (
          <CardContent>
            <Typography variant="body2" color="text.secondary">
              {tile.label}
            </Typography>
            <Typography variant="h2" component="p" data-testid={tile.testId}>
              {tile.value}
            </Typography>
            {tile.hint ? (
              <Typography variant="caption" color="text.secondary">
                {tile.hint}
              </Typography>
            ) : null}
          </CardContent>
        );
        return (
          <Grid key={tile.label} size={{ xs: 12, sm: 6, md: 3 }}>
            <Card variant="outlined" sx={{ height: '100%' }}>
              {tile.link ? <CardActionArea href={href(tile.link)}>{content}</CardActionArea> : content}
            </Card>
          </Grid>
        );
      })}
    </Grid>
  );
}

export function countTile(label: string, count: number | undefined, link?: string, testId?: string): Tile {
  return { label, value: count === undefined ? '—' : num(count), ...(link ? { link } : {}), ...(testId ? { testId } : {}) };
}
