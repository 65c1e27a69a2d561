import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
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

  it('reads every plain decimal as the same double as Number() does', async () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,9}$/), fc.option(fc.stringMatching(/^[0-9]{0,9}$/)))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`);
    await fc.assert(
      fc.asyncProperty(fc.array(decimal, { minLength: 1, maxLength: 40 }), async (texts) => {
        const lines = texts.map((t, i) => `A,${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},${t}`);
        const file = await readSeriesCsv(write(`series_id,date,value\n${lines.join('\n')}\n`));
        // (+ 0: each period is a sum starting from zero, so "-0" reads as 0.)
        expect(Array.from(file.series[0]!.values)).toEqual(texts.map((t) => Number(t) + 0));
      }),
      { numRuns: 200 },
    );
    // Other number forms still go through Number(), spaces and all.
    const other = await readSeriesCsv(write('series_id,date,value\nA,2024-01-01,1e3\nA,2024-01-02, 7 \nA,2024-01-03,1234567890123456789\nA,2024-01-04,.5\n'));
    expect(Array.from(other.series[0]!.values)).toEqual([1000, 7, 1234567890123456789, 0.5]);
  });
});
