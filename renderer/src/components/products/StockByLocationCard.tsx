import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ProductDetail } from '../../../../core/contract/commands/product-detail';
import { date, num } from '../../format';

/** On hand at each location of a shop with several; the On hand tile shows their sum. */
export function StockByLocationCard({ locations }: { locations: ProductDetail['stock']['byLocation'] }) {
  return (
    <Card variant="outlined" sx={{ mb: 3 }}>
      <CardContent>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Stock by location
        </Typography>
        <Table size="small" aria-label="Stock by location" data-testid="stock-by-location">
          <TableHead>
            <TableRow>
              <TableCell>Location</TableCell>
              <TableCell align="right">On hand</TableCell>
              <TableCell>Counted</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {locations.map((l) => (
              <TableRow key={l.locationId} data-testid={`stock-at-${l.locationName}`}>
                <TableCell>{l.locationName}</TableCell>
                <TableCell align="right" data-testid="location-on-hand">
                  {l.onHand === null ? 'not counted' : num(l.onHand, 1)}
                </TableCell>
                <TableCell>{l.countDay === null ? 'never: sold or delivered here, no stock count' : `${date(l.countDay)}, moved by sales and deliveries since`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
