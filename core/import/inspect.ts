import { statSync } from 'node:fs';
import type { DateOrder, ImportKind, Inspection, Mapping, PreviewRow } from '../contract/commands/import';
import { Mapping as MappingSchema } from '../contract/commands/import';
import { AppError } from '../contract/errors';
import { todayDay } from '../dates';
import type { Db } from '../db/connection';
import { importsWithHash, savedMapping } from '../db/repos/imports';
import { headerSignature, mappingProblems, periodHeader, suggest } from './detect';
import type { FileScan } from './encoding';
import { scanFile, scanStillValid } from './encoding';
import { FIELDS, KIND_LABELS } from './fields';
import { DateOrderVote, DecimalVote, PeriodVote } from './infer';
import { formatPreviewRows } from './preview-format';
import { visitTable } from './reader';
import type { ImportRecordRow, Problem } from './records';
import { createConverter, wideColumnDays } from './records';
import { parseDateTime, SECONDS_PER_DAY } from './values';

export const PREVIEW_ROWS = 20;
/** Rejected rows of the sample shown on their own, wherever they are in it. */
export const PREVIEW_REJECTED_ROWS = 50;
const SAMPLE_ROWS = 2000;

export interface InspectOptions {
  kind?: ImportKind;
  mapping?: Mapping;
  /** The shop's locale decides ambiguous dates (en-US: month first). */
  locale?: string;
  today?: number;
  signal?: AbortSignal;
}

// The UI inspects a file again after every change to its mapping: remember the last scan
// of each path, for as long as the file keeps its size and modification time.
const scans = new Map<string, FileScan>();

/** The scan made when the file was inspected, if the file has not changed since (passed on to the import job). */
export function knownScan(path: string): FileScan | undefined {
  const scan = scans.get(path);
  return scan && scanStillValid(path, scan) ? scan : undefined;
}

async function cachedScan(path: string, name: string, signal?: AbortSignal): Promise<FileScan> {
  try {
    statSync(path);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError('file.unreadable', missing ? `${name} does not exist (${path}).` : `${name} could not be read: ${err instanceof Error ? err.message : String(err)}.`);
  }
  const known = knownScan(path);
  if (known) return known;
  const scan = await scanFile(path, name, signal);
  if (scans.size > 100) scans.clear();
  scans.set(path, scan);
  return scan;
}

interface SampleRow {
  row: string[];
  line: number;
}

const DATE_FIELDS = new Set(['date', 'start', 'end', 'expectedDate']);
const NUMBER_TYPES = new Set(['quantity', 'money', 'number']);

function looksLikeData(headers: readonly string[]): boolean {
  const filled = headers.filter((h) => h !== '');
  const dataLike = filled.filter((h) => /^-?[\d.,]+$/.test(h) || !Number.isNaN(parseDateTime(h, 'dmy')));
  return filled.length > 0 && dataLike.length * 2 > filled.length && dataLike.length >= 2;
}

function defaultOrder(locale: string | undefined): DateOrder {
  return locale && /^en-(US|PH|CA)$|^en-US/i.test(locale) ? 'mdy' : 'dmy';
}

/**
 * Looks at a file before importing it: encoding, delimiter, header, the kind and column
 * mapping (remembered, preset or by synonyms; or as given), the date order and decimal
 * separator from the data, and the first rows exactly as they would be stored.
 */
export async function inspectFile(db: Db, path: string, name: string, options: InspectOptions = {}): Promise<Inspection> {
  const scan = await cachedScan(path, name, options.signal);
  const sample: SampleRow[] = [];
  const first = await visitTable(path, name, scan, { signal: options.signal }, (row, line) => {
    sample.push({ row, line });
    return sample.length < SAMPLE_ROWS;
  });
  const headers = first.headers;
  const blockers: string[] = [];
  const warnings: string[] = [];
  if (looksLikeData(headers)) {
    blockers.push(`The first row of ${name} looks like data (${headers.slice(0, 4).join(', ')}…). The first row must name the columns, e.g. date, sku, quantity.`);
  }

  const signature = headerSignature(headers);
  const remembered = options.mapping ? undefined : savedMapping(db, signature);
  let rememberedMapping: Mapping | undefined;
  if (remembered) {
    const parsed = MappingSchema.safeParse(JSON.parse(remembered.mapping));
    if (parsed.success && (options.kind === undefined || parsed.data.kind === options.kind)) rememberedMapping = parsed.data;
  }
  const suggestion = suggest(headers, options.mapping?.kind ?? options.kind);
  const kind = options.mapping?.kind ?? rememberedMapping?.kind ?? suggestion.kind;
  const columns = options.mapping?.columns ?? rememberedMapping?.columns ?? suggestion.columns;
  if (!options.mapping && !rememberedMapping && !options.kind && (suggestion.kinds[0]?.score ?? 0) === 0 && !suggestion.preset) {
    blockers.push('Shelfcast could not tell what this file holds from its column names. Choose the kind of data and the column for each field.');
  }

  // Date order: from the sample, and from the whole column when the sample cannot tell.
  const dateColumns = Object.entries(columns)
    .filter(([field]) => DATE_FIELDS.has(field))
    .map(([, index]) => index);
  const vote = new DateOrderVote();
  for (const { row, line } of sample) for (const index of dateColumns) vote.add((row[index] ?? '').trim(), line);
  if (!vote.decided && vote.sawAmbiguous && first.complete === false) {
    let line = 0;
    await visitTable(path, name, scan, { signal: options.signal, dialect: first.dialect }, (row, rowLine) => {
      line++;
      if (line <= sample.length) return true;
      for (const index of dateColumns) vote.add((row[index] ?? '').trim(), rowLine);
      return !vote.decided;
    });
  }
  const dateDecision = vote.result(rememberedMapping?.dateOrder ?? defaultOrder(options.locale));
  const dateOrder = options.mapping?.dateOrder ?? (vote.decided ? dateDecision.order : (rememberedMapping?.dateOrder ?? dateDecision.order));

  const decimalVote = new DecimalVote();
  const numberColumns = FIELDS[kind].filter((f) => NUMBER_TYPES.has(f.type) && columns[f.name] !== undefined).map((f) => columns[f.name] ?? 0);
  for (const { row } of sample) for (const index of numberColumns) decimalVote.add((row[index] ?? '').trim());
  const decimalDecision = decimalVote.result();

  const wideFirstColumn = options.mapping ? options.mapping.wideFirstColumn : (rememberedMapping?.wideFirstColumn ?? suggestion.wideFirstColumn);
  const wideStartDate = options.mapping ? options.mapping.wideStartDate : (rememberedMapping?.wideStartDate ?? suggestion.wideStartDate);
  const skip = options.mapping ? options.mapping.skip : (rememberedMapping?.skip ?? suggestion.skip);
  // The period is a property of the data, not of the layout: a remembered mapping's period
  // only stands when the data cannot tell (one date); a preset's (Walmart: weeks) stands.
  let period = options.mapping?.period ?? suggestion.period;
  if (period === undefined) {
    const periodVote = new PeriodVote();
    if (kind === 'sales_totals' && columns['date'] !== undefined) {
      for (const { row } of sample) {
        const seconds = parseDateTime((row[columns['date'] ?? 0] ?? '').trim(), dateOrder);
        if (!Number.isNaN(seconds)) periodVote.add(Math.floor(seconds / SECONDS_PER_DAY));
      }
    } else if (kind === 'sales_wide' && wideFirstColumn !== undefined) {
      const numberedWeeks = headers.slice(wideFirstColumn).some((h) => {
        const p = periodHeader(h);
        return p !== null && 'unit' in p && p.unit === 'week';
      });
      const days = wideColumnDays({ kind, columns, dateOrder, decimalSeparator: '.', period: 'day', wideFirstColumn, wideStartDate }, headers);
      for (const day of days) if (day !== undefined) periodVote.add(day);
      if (numberedWeeks) period = 'week';
    }
    period ??= periodVote.decided ? periodVote.result() : (rememberedMapping?.period ?? periodVote.result());
  }

  const mapping: Mapping = {
    kind,
    columns,
    dateOrder,
    decimalSeparator: options.mapping?.decimalSeparator ?? (decimalDecision.decided ? decimalDecision.separator : (rememberedMapping?.decimalSeparator ?? decimalDecision.separator)),
    period,
    ...(wideFirstColumn === undefined ? {} : { wideFirstColumn }),
    ...(wideStartDate === undefined ? {} : { wideStartDate }),
    ...(skip === undefined ? {} : { skip }),
  };
  blockers.push(...mappingProblems(mapping, headers));

  const today = options.today ?? todayDay();
  let preview: PreviewRow[] = [];
  let rejectedRows: PreviewRow[] = [];
  let sampleRejected = 0;
  if (blockers.length === 0) {
    const converter = createConverter(mapping, headers, { today });
    const records: Array<{ line: number; record?: ImportRecordRow; problems?: Problem[]; row?: readonly string[] }> = [];
    const sink = {
      record: (record: ImportRecordRow, line: number) => void records.push({ line, record: { ...record } }),
      reject: (line: number, problems: Problem[], row: readonly string[]) => void records.push({ line, problems, row }),
    };
    for (const { row, line } of sample) {
      const before = records.length;
      converter.convert(row, line, sink);
      if (records.slice(before).some((r) => r.problems)) sampleRejected++;
    }
    preview = formatPreviewRows(db, mapping, records.slice(0, PREVIEW_ROWS));
    rejectedRows = formatPreviewRows(db, mapping, records.filter((r) => r.problems).slice(0, PREVIEW_REJECTED_ROWS));
    if (sampleRejected > 0) {
      const previewLines = new Set(preview.map((r) => r.line));
      const where = rejectedRows.every((r) => previewLines.has(r.line))
        ? `the rows below show ${sampleRejected === 1 ? 'it' : 'them'} with the reason`
        : `${rejectedRows.length < sampleRejected ? `the first ${rejectedRows.length} are` : sampleRejected === 1 ? 'it is' : 'they are'} listed under “Rows that would be rejected” with the reason`;
      warnings.push(`${sampleRejected.toLocaleString('en')} of the first ${sample.length.toLocaleString('en')} rows would be rejected; ${where}. Fix the file and drop it again, or import the valid rows.`);
    }
  }
  if (dateDecision.ambiguous && dateColumns.length > 0 && !options.mapping) warnings.push(dateDecision.evidence);
  if (scan.encoding === 'windows-1252') warnings.push('The file is not UTF-8; it was read as Windows-1252 (Western European).');

  const previous = importsWithHash(db, scan.contentHash)[0];
  return {
    fileName: name,
    sizeBytes: scan.sizeBytes,
    contentHash: scan.contentHash,
    encoding: scan.bom ? `${scan.encoding} (with byte-order mark)` : scan.encoding,
    compressed: scan.compressed,
    delimiter: first.dialect.delimiter,
    headers,
    kinds: suggestion.kinds.map((k) => ({ kind: k.kind, label: KIND_LABELS[k.kind], score: k.score })),
    preset: suggestion.preset && suggestion.preset.kind === kind && !rememberedMapping ? { id: suggestion.preset.id, name: suggestion.preset.name } : null,
    savedMapping: rememberedMapping !== undefined,
    mapping,
    fields: FIELDS[kind].map((f) => ({ name: f.name, label: f.label, required: f.required, hint: f.hint, ...(f.group ? { group: f.group } : {}) })),
    dateOrder: { ambiguous: dateDecision.ambiguous, evidence: dateColumns.length > 0 ? dateDecision.evidence : 'This file has no date column.' },
    decimal: { evidence: decimalDecision.evidence },
    preview,
    sample: { rows: sample.length, rejected: sampleRejected },
    rejectedRows,
    warnings,
    blockers,
    alreadyImported: previous ? { importId: previous.id, fileName: previous.file_name, at: previous.created_at } : null,
  };
}
