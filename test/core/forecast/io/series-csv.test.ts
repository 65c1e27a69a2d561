import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeriesCsv } from '../../../../core/forecast/io/series-csv';
import { useTempDir } from '../../../helpers/tmp';

describe('readSeriesCsv', () => {
  const tempDir = useTempDir();
  const write = (text: string) => {
    const path = join(tempDir(), 'train.csv');
    writeFileSync(path, text);
    return path;
  };

  it('groups rows by series, infers weekly data and fills missing weeks with zero', async () => {
    const path = write('series_id,date,value\nA,2024-01-05,3\nA,2024-01-12,4\nA,2024-01-26,6\nB,2024-01-12,1.5\nB,2024-01-19,2\n');
    const file = await readSeriesCsv(path);
    expect(file.frequency).toBe('W');
    expect(file.rows).toBe(5);
    expect(file.filledGaps).toBe(1);
    expect(file.series.map((s) => s.id)).toEqual(['A', 'B']);
    expect(Array.from(file.series[0]!.values)).toEqual([3, 4, 0, 6]);
    expect(file.series[0]!.startDay).toBe(Date.UTC(2024, 0, 5) / 86_400_000);
    expect(Array.from(file.series[1]!.values)).toEqual([1.5, 2]);
  });

  it('reads daily and monthly data, quoted ids, CRLF and a BOM; sums repeated dates', async () => {
    const daily = await readSeriesCsv(write('\uFEFFseries_id,date,value\r\n"x,1",2024-03-01,1\r\n"x,1",2024-03-02,2\r\n"x,1",2024-03-02,5\r\n'));
    expect(daily.frequency).toBe('D');
    expect(daily.series[0]!.id).toBe('x,1');
    expect(Array.from(daily.series[0]!.values)).toEqual([1, 7]);
    const monthly = await readSeriesCsv(write('series_id,date,value\nm,2023-11-01,1\nm,2023-12-01,2\nm,2024-02-01,4\n'));
    expect(monthly.frequency).toBe('M');
    expect(Array.from(monthly.series[0]!.values)).toEqual([1, 2, 0, 4]);
  });

  it('says what is wrong and where', async () => {
    await expect(readSeriesCsv(write('id,day,qty\n'))).rejects.toThrow(/line 1: expected the header series_id,date,value/);
    await expect(readSeriesCsv(write('series_id,date,value\nA,2024-01-05,3\nA,05/01/2024,4\n'))).rejects.toThrow(/line 3: "05\/01\/2024" is not a date/);
    await expect(readSeriesCsv(write('series_id,date,value\nA,2024-01-05,three\n'))).rejects.toThrow(/line 2: "three" is not a number/);
    await expect(readSeriesCsv(write('series_id,date,value\n'))).rejects.toThrow(/no data rows/);
    await expect(readSeriesCsv(write('series_id,date,value\nA,2024-01-01,1\nA,2024-01-04,1\nA,2024-01-07,1\n'))).rejects.toThrow(/3 days apart/);
  });
});
