import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { AppError } from '../contract/errors';
import { throwIfAborted } from '../jobs/progress';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface FileScan {
  sizeBytes: number;
  /** Modification time when scanned: a scan is reused only while size and time are unchanged. */
  mtimeMs: number;
  /** SHA-256 of the file's bytes as stored (compressed files: of the compressed bytes). */
  contentHash: string;
  encoding: TextEncodingName;
  /** A byte-order mark was present (it is not part of the text). */
  bom: boolean;
  compressed: boolean;
}

export const READ_CHUNK_BYTES = 1 << 20;

/** Spreadsheet workbooks dropped as they are: xlsx/ods are zip files, old .xls is OLE2. */
function spreadsheetKind(head: Buffer): string | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'a spreadsheet workbook (.xlsx or .ods)';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'an Excel 97–2003 workbook (.xls)';
  return null;
}

function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** UTF-16 without a byte-order mark: ASCII text has a zero in every other byte. */
function utf16Guess(head: Buffer): TextEncodingName | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

function bomEncoding(head: Buffer): TextEncodingName | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** Bytes at the end of `chunk` that start a UTF-8 sequence the chunk does not finish. */
function incompleteUtf8Tail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

function unreadable(name: string, err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  if (/incorrect header check|unexpected end of file|invalid (block|distance|stored)/i.test(message)) {
    return new AppError('csv.unreadable', `${name} looks compressed (gzip) but is damaged: ${message}.`);
  }
  return new AppError('file.unreadable', `${name} could not be read: ${message}.`);
}


/** Detects the text encoding of a stream of bytes fed to it in order. */
class EncodingInspector {
  private head: Buffer | undefined;
  private carry: Buffer = Buffer.alloc(0);
  encoding: TextEncodingName | null = null;
  bom = false;
  utf8Valid = true;

  feed(buffer: Buffer): void {
    if (!this.head) {
      this.head = buffer.subarray(0, 4096);
      this.encoding = bomEncoding(this.head);
      this.bom = this.encoding !== null;
      if (!this.encoding) this.encoding = utf16Guess(this.head);
      if (this.encoding && this.encoding !== 'utf-8') this.utf8Valid = false;
    }
    if (!this.utf8Valid) return;
    const joined = this.carry.length > 0 ? Buffer.concat([this.carry, buffer]) : buffer;
    const tail = incompleteUtf8Tail(joined);
    const body = tail > 0 ? joined.subarray(0, joined.length - tail) : joined;
    this.carry = tail > 0 ? Buffer.from(joined.subarray(joined.length - tail)) : Buffer.alloc(0);
    if (!isUtf8(body)) this.utf8Valid = false;
  }

  result(): TextEncodingName {
    if (this.carry.length > 0) this.utf8Valid = false;
    return this.encoding ?? (this.utf8Valid ? 'utf-8' : 'windows-1252');
  }
}

/**
 * One pass over a file: its hash, whether it is gzip-compressed, and its text encoding
 * (byte-order mark; UTF-16 by its zero bytes; UTF-8 when every byte sequence is valid
 * UTF-8, else Windows-1252, which decodes any byte).
 */
export async function scanFile(path: string, name: string, signal?: AbortSignal): Promise<FileScan> {
  const hash = createHash('sha256');
  const inspector = new EncodingInspector();
  let sizeBytes = 0;
  let mtimeMs = 0;
  let compressed = false;
  try {
    const stat = statSync(path);
    sizeBytes = stat.size;
    mtimeMs = stat.mtimeMs;
    let first = true;
    for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
      throwIfAborted(signal);
      const buffer = chunk as Buffer;
      hash.update(buffer);
      if (first) {
        const workbook = spreadsheetKind(buffer);
        if (workbook) {
          throw new AppError('csv.unreadable', `${name} is ${workbook}, not a CSV file. Open it in your spreadsheet program, save it as "CSV UTF-8", and import that file.`);
        }
        compressed = isGzip(buffer);
      }
      first = false;
      if (!compressed) inspector.feed(buffer);
    }
    if (compressed) {
      for await (const chunk of openBytes(path, true)) {
        throwIfAborted(signal);
        inspector.feed(chunk as Buffer);
      }
    }
  } catch (err) {
    if ((err instanceof Error && err.name === 'AbortError') || err instanceof AppError) throw err;
    throw unreadable(name, err);
  }
  return { sizeBytes, mtimeMs, contentHash: hash.digest('hex'), encoding: inspector.result(), bom: inspector.bom, compressed };
}

/** The scan still describes the file when its size and modification time are unchanged. */
export function scanStillValid(path: string, scan: FileScan): boolean {
  try {
    const stat = statSync(path);
    return stat.size === scan.sizeBytes && stat.mtimeMs === scan.mtimeMs;
  } catch {
    return false;
  }
}

/** A streaming decoder for one of the supported encodings (byte-order marks are dropped). */
export function textDecoder(encoding: TextEncodingName): { write(bytes: Buffer): string; end(): string } {
  if (encoding === 'utf-8' || encoding === 'utf-16le') {
    const decoder = new TextDecoder(encoding);
    return {
      write: (bytes) => decoder.decode(bytes, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  const decoder = iconv.getDecoder(encoding === 'utf-16be' ? 'utf16-be' : 'win1252', { stripBOM: true });
  return {
    write: (bytes) => decoder.write(bytes),
    end: () => decoder.end() ?? '',
  };
}

export interface TextChunk {
  text: string;
  /** Bytes of the stored file read so far (compressed bytes for compressed files). */
  bytesRead: number;
}

/**
 * The file's text in chunks of about a megabyte, decoded; memory stays bounded whatever the
 * file size. The stored bytes are hashed on the way: the generator returns the hash.
 */
export async function* readTextChunks(path: string, name: string, scan: FileScan, signal?: AbortSignal): AsyncGenerator<TextChunk, string> {
  const decoder = textDecoder(scan.encoding);
  const hash = createHash('sha256');
  const raw = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  let bytesRead = 0;
  let source: Readable = raw;
  if (scan.compressed) {
    // The gunzip pipe reads `raw` in flowing mode; an extra listener sees the same bytes.
    raw.on('data', (chunk) => {
      bytesRead += (chunk as Buffer).length;
      hash.update(chunk as Buffer);
    });
    const gunzip = createGunzip({ chunkSize: READ_CHUNK_BYTES });
    raw.on('error', (err) => gunzip.destroy(err));
    source = raw.pipe(gunzip);
  }
  try {
    for await (const chunk of source) {
      throwIfAborted(signal);
      const buffer = chunk as Buffer;
      if (!scan.compressed) {
        bytesRead += buffer.length;
        hash.update(buffer);
      }
      const text = decoder.write(buffer);
      if (text) yield { text, bytesRead };
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    throw unreadable(name, err);
  } finally {
    raw.destroy();
  }
  const rest = decoder.end();
  if (rest) yield { text: rest, bytesRead };
  return hash.digest('hex');
}

function openBytes(path: string, compressed: boolean): Readable {
  const raw = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  if (!compressed) return raw;
  const gunzip = createGunzip({ chunkSize: READ_CHUNK_BYTES });
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}
