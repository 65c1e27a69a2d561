import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readTextChunks, scanFile } from '../../../core/import/encoding';
import type { TempWorkspace } from './helpers';
import { tempWorkspace } from './helpers';

let ws: TempWorkspace | undefined;
afterEach(() => ws?.close());

async function readText(path: string) {
  const scan = await scanFile(path, 'f.csv');
  let text = '';
  for await (const chunk of readTextChunks(path, 'f.csv', scan)) text += chunk.text;
  return { scan, text };
}

const SAMPLE = 'sku,name,price\nC1,Café crème,2.50\nE1,Éclair “maison”,3.20\nEUR,€ sign,1\n';

describe('encodings', () => {
  it('reads UTF-8 with and without a byte-order mark', async () => {
    ws = tempWorkspace();
    const plain = await readText(ws.file('a.csv', Buffer.from(SAMPLE, 'utf8')));
    expect(plain.scan).toMatchObject({ encoding: 'utf-8', bom: false, compressed: false });
    expect(plain.text).toBe(SAMPLE);
    const bom = await readText(ws.file('b.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')])));
    expect(bom.scan).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(bom.text).toBe(SAMPLE);
  });

  it('reads UTF-16 (both byte orders, with or without a byte-order mark)', async () => {
    ws = tempWorkspace();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(await readText(ws.file('le.csv', le))).toMatchObject({ scan: { encoding: 'utf-16le', bom: true }, text: SAMPLE });
    expect(await readText(ws.file('le2.csv', Buffer.from(SAMPLE, 'utf16le')))).toMatchObject({ scan: { encoding: 'utf-16le', bom: false }, text: SAMPLE });
    const be = iconv.encode(SAMPLE, 'utf16-be');
    expect(await readText(ws.file('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).toMatchObject({ scan: { encoding: 'utf-16be' }, text: SAMPLE });
    expect(await readText(ws.file('be2.csv', be))).toMatchObject({ scan: { encoding: 'utf-16be' }, text: SAMPLE });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, even late in the file', async () => {
    ws = tempWorkspace();
    const text = 'sku,name\n' + 'A,plain\n'.repeat(200_000) + SAMPLE.replace('“', '"').replace('”', '"');
    const file = ws.file('win.csv', iconv.encode(text, 'win1252'));
    const read = await readText(file);
    expect(read.scan.encoding).toBe('windows-1252');
    expect(read.text).toBe(text);
  });

  it('reads gzip-compressed files and hashes the stored bytes', async () => {
    ws = tempWorkspace();
    const zipped = gzipSync(Buffer.from(SAMPLE, 'utf8'));
    const read = await readText(ws.file('z.csv.gz', zipped));
    expect(read.scan).toMatchObject({ compressed: true, encoding: 'utf-8', sizeBytes: zipped.length });
    expect(read.text).toBe(SAMPLE);
    const plain = await scanFile(ws.file('p.csv', SAMPLE), 'p.csv');
    expect(plain.contentHash).not.toBe(read.scan.contentHash);
  });

  it('says clearly when a compressed file is damaged', async () => {
    ws = tempWorkspace();
    const zipped = gzipSync(Buffer.from(SAMPLE.repeat(100), 'utf8'));
    const damaged = ws.file('bad.csv.gz', zipped.subarray(0, zipped.length - 30));
    await expect(scanFile(damaged, 'bad.csv.gz')).rejects.toMatchObject({ code: 'csv.unreadable' });
  });

  it('says so when a spreadsheet workbook is dropped instead of a CSV', async () => {
    ws = tempWorkspace();
    const xlsx = ws.file('sales.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    await expect(scanFile(xlsx, 'sales.xlsx')).rejects.toMatchObject({ code: 'csv.unreadable', message: expect.stringMatching(/sales\.xlsx is a spreadsheet workbook.*save it as "CSV UTF-8"/) });
    const xls = ws.file('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]));
    await expect(scanFile(xls, 'old.xls')).rejects.toMatchObject({ message: expect.stringMatching(/Excel 97–2003 workbook/) });
  });
});
