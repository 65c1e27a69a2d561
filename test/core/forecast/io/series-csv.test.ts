import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedSeriesFile } from '../../../../core/forecast/io/series-csv';
import { readSeriesCsv } from '../../../../core/forecast/io/series-csv';
import { seededRng } from '../../../../core/forecast/kernels/rng';
import { useTempDir } from '../../../helpers/tmp';

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

/** Fisher-Yates with a seeded generator: the same shuffle every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = seededRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Series by id with their start day and values (NaN kept as NaN), independent of series order. */
function byId(file: ParsedSeriesFile) {
  return Object.fromEntries(file.series.map((s) => [s.id, { startDay: s.startDay, values: Array.from(s.values) }]));
}

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

  it('reads a quoted id holding a line break (RFC 4180), also across read chunks, and counts lines past it', async () => {
    const file = await readSeriesCsv(write('series_id,date,value\r\n"shelf 1\r\nbin ""2""",2024-03-01,1\r\n"shelf 1\r\nbin ""2""",2024-03-02,2\r\nab"c,2024-03-01,5\r\n'));
    expect(byId(file)).toEqual({ 'shelf 1\r\nbin "2"': { startDay: dayOf(2024, 3, 1), values: [1, 2] }, 'ab"c': { startDay: dayOf(2024, 3, 1), values: [5] } });
    await expect(readSeriesCsv(write('series_id,date,value\n"a\nb",2024-03-01,1\nc,2024-03-02,x\n'))).rejects.toThrow(/line 4, column 3 \(value\): "x"/);
    // The file is read in 1 MiB chunks: put the quoted line break just past the first chunk's end.
    const rows: string[] = ['series_id,date,value'];
    let length = rows[0]!.length + 1;
    for (let i = 0; length < (1 << 20) - 8; i++) {
      const row = `plain,${isoDay(dayOf(2000, 1, 1) + i)},1`;
      rows.push(row);
      length += row.length + 1;
    }
    rows.push('"split\nid",2024-03-01,4', '"split\nid",2024-03-02,6');
    const big = await readSeriesCsv(write(`${rows.join('\n')}\n`));
    expect(big.series.map((s) => s.id)).toEqual(['plain', 'split\nid']);
    expect(Array.from(big.series[1]!.values)).toEqual([4, 6]);
    expect(big.series[0]!.values.length).toBe(rows.length - 3);
  });

  it('reads UTF-8 ids whose bytes straddle a read chunk, and a record longer than a chunk', async () => {
    // Put each byte position of 'Käse – 🧀' across the first 1 MiB boundary in turn: the id must decode whole every time.
    const id = 'Käse – 🧀';
    const idBytes = Buffer.byteLength(id);
    for (let shift = 0; shift <= idBytes; shift++) {
      const header = 'series_id,date,value\n';
      const filler = `${'x'.repeat((1 << 20) - header.length - shift - 20)},2024-03-01,7\n`;
      const file = await readSeriesCsv(write(`${header}${filler}${id},2024-03-01,1\n${id},2024-03-02,2\n`));
      expect(file.series.map((s) => s.id)).toEqual(['x'.repeat((1 << 20) - header.length - shift - 20), id]);
      expect(Array.from(file.series[1]!.values)).toEqual([1, 2]);
    }
    // One quoted id of 3 MiB with line breaks: more than the read buffer holds at first.
    const long = `${'ab\n'.repeat(1 << 20)}end`;
    const text = `series_id,date,value\n"${long}",2024-03-01,3\n"${long}",2024-03-02,4\n`;
    const file = await readSeriesCsv(write(text));
    expect(file.series.map((s) => s.id.length)).toEqual([long.length]);
    expect(Array.from(file.series[0]!.values)).toEqual([3, 4]);
    // Lines are still counted right after them: header, two records of 2^20 + 1 lines each, then the bad one.
    await expect(readSeriesCsv(write(`${text}next,2024-03-01,x\n`))).rejects.toThrow(`line ${2 + 2 * ((1 << 20) + 1)}, column 3 (value)`);
  });

  it('reads quarterly data dated anywhere in the quarter, filling a missing quarter with zero', async () => {
    // Quarter starts (90-92 days apart), with 2023 Q3 missing.
    const starts = await readSeriesCsv(write('series_id,date,value\nq,2023-01-01,10\nq,2023-04-01,11\nq,2023-10-01,13\nq,2024-01-01,14\nq,2024-04-01,15\n'));
    expect(starts.frequency).toBe('Q');
    expect(starts.filledGaps).toBe(1);
    expect(byId(starts)).toEqual({ q: { startDay: dayOf(2023, 1, 1), values: [10, 11, 0, 13, 14, 15] } });
    // Quarter ends, and a series dated mid-quarter (M4 style): each date is its calendar quarter.
    const ends = await readSeriesCsv(
      write('series_id,date,value\ne,2022-12-31,1\ne,2023-03-31,2\ne,2023-06-30,3\ne,2023-09-30,4\nm,2023-02-15,5\nm,2023-05-15,6\nm,2023-08-15,7\n'),
    );
    expect(ends.frequency).toBe('Q');
    expect(byId(ends)).toEqual({ e: { startDay: dayOf(2022, 12, 31), values: [1, 2, 3, 4] }, m: { startDay: dayOf(2023, 2, 15), values: [5, 6, 7] } });
  });

  it('reads yearly data (365 or 366 days apart), filling a missing year with zero', async () => {
    const file = await readSeriesCsv(write('series_id,date,value\ny,2019-01-01,100\ny,2020-01-01,110\ny,2021-01-01,125\ny,2023-01-01,150\nz,2015-12-31,7\nz,2016-12-31,8\n'));
    expect(file.frequency).toBe('Y');
    expect(file.filledGaps).toBe(1);
    expect(byId(file)).toEqual({ y: { startDay: dayOf(2019, 1, 1), values: [100, 110, 125, 0, 150] }, z: { startDay: dayOf(2015, 12, 31), values: [7, 8] } });
  });

  it('reads a sparse export (rows only for periods with a sale) at its own frequency', async () => {
    // Daily items selling every few days or weeks: spacings 3, 29, 1, 31 | 30, 8 | 11, 25. The
    // 28-31 bucket has 3 of them and 1 day only 1, but 5 of 8 are no whole number of months: daily.
    const daily = await readSeriesCsv(
      write(
        'series_id,date,value\na,2024-01-02,1\na,2024-01-05,2\na,2024-02-03,1\na,2024-02-04,1\na,2024-03-06,3\n' +
          'b,2024-01-01,1\nb,2024-01-31,1\nb,2024-02-08,2\nc,2024-01-10,1\nc,2024-01-21,1\nc,2024-02-15,4\n',
      ),
    );
    expect(daily.frequency).toBe('D');
    const a = Array.from(daily.series[0]!.values);
    expect(a).toHaveLength(65); // 2024-01-02 .. 2024-03-06
    expect([a[0], a[3], a[32], a[33], a[64]]).toEqual([1, 2, 1, 1, 3]);
    expect(a.reduce((s, v) => s + v, 0)).toBe(8);
    expect(daily.filledGaps).toBe(65 - 5 + (39 - 3) + (37 - 3));
    // Weekly (Fridays) 14, 14, 21, 14, 28 days apart: no week-to-week spacing, all whole weeks.
    const weekly = await readSeriesCsv(write('series_id,date,value\nw,2024-01-05,1\nw,2024-01-19,2\nw,2024-02-02,3\nw,2024-02-23,4\nw,2024-03-08,5\nw,2024-04-05,6\n'));
    expect(weekly.frequency).toBe('W');
    expect(byId(weekly)).toEqual({ w: { startDay: dayOf(2024, 1, 5), values: [1, 0, 2, 0, 3, 0, 0, 4, 0, 5, 0, 0, 0, 6] } });
    // Months 2, 3, 5 and 2 apart (59, 92, 153, 61 days): one spacing looks like a quarter, all are whole months.
    const monthly = await readSeriesCsv(write('series_id,date,value\nm,2023-01-01,1\nm,2023-03-01,2\nm,2023-06-01,3\nm,2023-11-01,4\nm,2024-01-01,5\n'));
    expect(monthly.frequency).toBe('M');
    expect(byId(monthly)).toEqual({ m: { startDay: dayOf(2023, 1, 1), values: [1, 0, 2, 0, 0, 3, 0, 0, 0, 0, 4, 0, 5] } });
    // Still monthly: one date anywhere in each month (spacings 29, 29, 42, 31, 15, 43, 30, 44, 2, 45; only 4 of 10 near a month).
    const anyDay = await readSeriesCsv(
      write(`series_id,date,value\n${['01-10', '02-08', '03-09', '04-20', '05-21', '06-05', '07-18', '08-17', '09-30', '10-02', '11-16'].map((d, i) => `d,2023-${d},${i + 1}`).join('\n')}\n`),
    );
    expect(anyDay.frequency).toBe('M');
    // Still weekly: weeks booked on the day they closed (7, 6, 7, 8, 7, 6, 8 days apart; 7 the commonest).
    const jittery = await readSeriesCsv(write(`series_id,date,value\n${['01-05', '01-12', '01-18', '01-25', '02-02', '02-09', '02-15', '02-23'].map((d, i) => `j,2024-${d},${i + 1}`).join('\n')}\n`));
    expect(jittery.frequency).toBe('W');
    expect(byId(jittery)).toEqual({ j: { startDay: dayOf(2024, 1, 5), values: [1, 2, 3, 4, 5, 6, 7, 8] } });
    expect(byId(anyDay)).toEqual({ d: { startDay: dayOf(2023, 1, 10), values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] } });
  });

  it('names an unsupported spacing and the supported ones', async () => {
    const fortnightly = Array.from({ length: 6 }, (_, t) => `f,${isoDay(dayOf(2024, 1, 1) + 14 * t)},${t}`).join('\n');
    await expect(readSeriesCsv(write(`series_id,date,value\n${fortnightly}\n`))).rejects.toThrow(
      /train\.csv: dates are mostly 14 days apart; expected daily \(1 day apart\), weekly \(7\), monthly \(28-31\), quarterly \(89-92\) or yearly \(365-366\) data/,
    );
  });

  it('reads daily rows in any order as daily data (sorted dates decide the spacing)', async () => {
    // Two daily series of 60 days with a few days missing (no row: zero sales), rows shuffled.
    const start = dayOf(2024, 3, 1);
    const lines: string[] = [];
    const expected: Record<string, number[]> = {};
    for (const id of ['a', 'b']) {
      expected[id] = [];
      for (let t = 0; t < 60; t++) {
        const dropped = t === 10 || t === 11 || t === 37;
        const value = id === 'a' ? 5 + (t % 7) : 20 - (t % 3);
        expected[id].push(dropped ? 0 : value);
        if (!dropped) lines.push(`${id},${isoDay(start + t)},${value}`);
      }
    }
    const sorted = await readSeriesCsv(write(`series_id,date,value\n${lines.join('\n')}\n`));
    const mixed = await readSeriesCsv(write(`series_id,date,value\n${shuffled(lines, 7).join('\n')}\n`));
    for (const file of [sorted, mixed]) {
      expect(file.frequency).toBe('D');
      expect(file.filledGaps).toBe(6);
      expect(byId(file)).toEqual({ a: { startDay: start, values: expected.a }, b: { startDay: start, values: expected.b } });
    }
  });

  it('gives the same series whatever the order of the rows (property)', async () => {
    const spacing = { D: 1, W: 7 } as const;
    const months = { M: 1, Q: 3, Y: 12 } as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'D' | 'W' | 'M' | 'Q' | 'Y'>('D', 'W', 'M', 'Q', 'Y'),
        fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { freq: 6 }), { minLength: 3, maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (frequency, seriesValues, seed) => {
          const lines: string[] = [];
          seriesValues.forEach((values, s) => {
            values.forEach((v, t) => {
              // A null drops the row (a gap), except at the ends, which fix the series' span.
              if (v === null && t > 0 && t < values.length - 1) return;
              const day = frequency === 'D' || frequency === 'W' ? dayOf(2020, 1, 6 + s) + t * spacing[frequency] : dayOf(2000, 1 + t * months[frequency], 1 + s);
              lines.push(`s${s},${isoDay(day)},${v ?? 1}`);
            });
          });
          const read = (text: string) => readSeriesCsv(write(text)).catch((err: unknown) => String(err).replace(/\S*train\.csv/, 'FILE'));
          const inOrder = await read(`series_id,date,value\n${lines.join('\n')}\n`);
          const anyOrder = await read(`series_id,date,value\n${shuffled(lines, seed).join('\n')}\n`);
          // Gaps alone can make a file's spacing unsupported: then both orders give the same message.
          if (typeof inOrder === 'string' || typeof anyOrder === 'string') {
            expect(anyOrder).toEqual(inOrder);
            return;
          }
          expect(anyOrder.frequency).toBe(inOrder.frequency);
          expect(anyOrder.filledGaps).toBe(inOrder.filledGaps);
          expect(byId(anyOrder)).toEqual(byId(inOrder));
          if (seriesValues.every((values) => !values.includes(null))) expect(inOrder.frequency).toBe(frequency);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads empty, NA, NaN and null values as missing observations, counted', async () => {
    const path = write(
      'series_id,date,value\n' +
        ['A,2024-01-01,4', 'A,2024-01-02,', 'A,2024-01-03,NA', 'A,2024-01-04, nan ', 'A,2024-01-05,null', 'A,2024-01-06,N/A', 'A,2024-01-07,7'].join('\n') +
        // A period with a number and a missing row is the number; one with no row at all is zero.
        '\nB,2024-01-01,1\nB,2024-01-02,NA\nB,2024-01-02,3\nB,2024-01-04,None\n',
    );
    const file = await readSeriesCsv(path);
    expect(file.frequency).toBe('D');
    expect(file.rows).toBe(11);
    expect(file.missingValues).toBe(6);
    expect(file.filledGaps).toBe(1);
    expect(byId(file)).toEqual({
      A: { startDay: dayOf(2024, 1, 1), values: [4, NaN, NaN, NaN, NaN, NaN, 7] },
      B: { startDay: dayOf(2024, 1, 1), values: [1, 3, 0, NaN] },
    });
  });

  it('says what is wrong and where', async () => {
    await expect(readSeriesCsv(write('id,day,qty\n'))).rejects.toThrow(/line 1: expected the header series_id,date,value/);
    await expect(readSeriesCsv(write('series_id,date,value\nA,2024-01-05,3\nA,05/01/2024,4\n'))).rejects.toThrow(/line 3, column 2 \(date\): "05\/01\/2024" is not a date/);
    await expect(readSeriesCsv(write('series_id,date,value\nA,2024-01-05,three\n'))).rejects.toThrow(/train\.csv: line 2, column 3 \(value\): "three" is not a number/);
    await expect(readSeriesCsv(write('value,series_id,date\n1,A,2024-01-05\nInfinity,A,2024-01-06\n'))).rejects.toThrow(/line 3, column 1 \(value\): "Infinity" is not a number/);
    await expect(readSeriesCsv(write('series_id,date,value\nA,2024-01-05,1\nA,2024-01-06,-\n'))).rejects.toThrow(/line 3, column 3 \(value\): "-" is not a number/);
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
