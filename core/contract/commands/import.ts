import { z } from 'zod';
import { Empty, FileRef, Id, IsoDate, JobStarted } from '../common';
import { command } from '../spec';

export const IMPORT_KINDS = [
  'sales_lines',
  'sales_totals',
  'sales_wide',
  'products',
  'stock',
  'purchase_orders',
  'suppliers',
  'customers',
  'events',
] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** Order of day, month and year in dates like 03/04/2024 (year-first dates are never ambiguous). */
export const DateOrder = z.enum(['dmy', 'mdy', 'ymd']);
export type DateOrder = z.infer<typeof DateOrder>;

export const DecimalSeparator = z.enum(['.', ',']);
export type DecimalSeparator = z.infer<typeof DecimalSeparator>;

export const SalesPeriod = z.enum(['day', 'week', 'month']);
export type SalesPeriod = z.infer<typeof SalesPeriod>;

/**
 * Rows of a real export that are not sales (a cancelled order, a gift card, a custom
 * amount): they are listed with the reason instead of being imported.
 */
export const SkipRule = z.object({
  column: z.number().int().nonnegative().max(100_000),
  when: z.enum(['filled', 'equals', 'contains']),
  /** Compared without regard to case. */
  values: z.array(z.string().max(200)).max(20),
  reason: z.string().max(200),
  /** Also skip the order's later lines (exports fill order-level columns on the first line only). */
  wholeOrder: z.boolean(),
});
export type SkipRule = z.infer<typeof SkipRule>;

/** How the columns of one file become stored rows. Columns are 0-based indexes into the header row. */
export const Mapping = z.object({
  kind: ImportKind,
  /** field name → column index */
  columns: z.record(z.string().max(40), z.number().int().nonnegative().max(100_000)),
  dateOrder: DateOrder,
  decimalSeparator: DecimalSeparator,
  /** Totals (and wide layouts): the period one value covers. */
  period: SalesPeriod.default('day'),
  /** Wide layouts: the first column holding a period's value (every later column does too). */
  wideFirstColumn: z.number().int().nonnegative().max(100_000).optional(),
  /** Wide layouts whose columns are numbered (d_1, d_2 …): the date of number 1. */
  wideStartDate: IsoDate.optional(),
  skip: z.array(SkipRule).max(10).optional(),
});
export type Mapping = z.infer<typeof Mapping>;

export const FieldInfo = z.object({
  name: z.string(),
  label: z.string(),
  required: z.boolean(),
  /** Fields of which one must be mapped (e.g. PO number or supplier). */
  group: z.string().optional(),
  hint: z.string(),
});
export type FieldInfo = z.infer<typeof FieldInfo>;

export const KindInfo = z.object({ kind: ImportKind, label: z.string(), score: z.number() });

export const PreviewRow = z.object({
  line: z.number().int(),
  status: z.enum(['ok', 'rejected']),
  /** field → the value as it will be stored, formatted for reading (a rejected row: the cell as written in the file) */
  values: z.record(z.string(), z.string().nullable()),
  problems: z.array(z.object({ column: z.string().nullable(), reason: z.string() })),
  notes: z.array(z.string()),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const Inspection = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  contentHash: z.string(),
  encoding: z.string(),
  compressed: z.boolean(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  kinds: z.array(KindInfo),
  preset: z.object({ id: z.string(), name: z.string() }).nullable(),
  savedMapping: z.boolean(),
  mapping: Mapping,
  fields: z.array(FieldInfo),
  dateOrder: z.object({ ambiguous: z.boolean(), evidence: z.string() }),
  decimal: z.object({ evidence: z.string() }),
  preview: z.array(PreviewRow),
  /** How many rows the inspection read (the first 2,000 at most), and how many of them would be rejected. */
  sample: z.object({ rows: z.number().int().nonnegative(), rejected: z.number().int().nonnegative() }),
  /** The first rejected rows of that sample (wherever they are in it), with the cells as written and the reasons. */
  rejectedRows: z.array(PreviewRow),
  /** Shown before committing; the import can go ahead. */
  warnings: z.array(z.string()),
  /** Problems that stop this file from being imported until the mapping is fixed. */
  blockers: z.array(z.string()),
  alreadyImported: z.object({ importId: Id, fileName: z.string(), at: z.string() }).nullable(),
});
export type Inspection = z.infer<typeof Inspection>;

export const InspectInput = z
  .object({
    fileId: z.string().min(1).max(100),
    /** Overrides: a kind resets the mapping to the suggestion for that kind. */
    kind: ImportKind.optional(),
    mapping: Mapping.optional(),
  })
  .strict();

export const FileSummary = z.object({
  fileName: z.string(),
  kind: ImportKind,
  status: z.enum(['imported', 'already_imported']),
  importId: Id.nullable(),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  created: z.object({ products: z.number().int(), customers: z.number().int(), suppliers: z.number().int(), locations: z.number().int() }),
  updated: z.number().int(),
  warnings: z.array(z.string()),
  /** Plain facts about what the import did besides storing rows (names and prices filled in). */
  notes: z.array(z.string()),
  /** The first rows not stored because they were already there, and which import holds them. */
  firstDuplicates: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** The first rejected rows; all of them are in the import's history. */
  firstRejects: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), reason: z.string() })),
  replaced: z.array(Id),
  previousImport: z.object({ importId: Id, at: z.string() }).nullable(),
});
export type FileSummary = z.infer<typeof FileSummary>;

export const CommitResult = z.object({ files: z.array(FileSummary), historyWarning: z.string().nullable() });
export type CommitResult = z.infer<typeof CommitResult>;

export const ImportRecord = z.object({
  importId: Id,
  fileName: z.string(),
  kind: z.string(),
  at: z.string(),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  contentHash: z.string(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const RejectedRow = z.object({ line: z.number().int(), column: z.string().nullable(), reason: z.string(), raw: z.string().nullable() });

export const importCommands = {
  'import.inspect': command(
    'Reads a granted file: detects encoding, delimiter, kind and mapping, and shows the first 20 rows as they will be stored.',
    InspectInput,
    Inspection,
  ),
  'import.commit': command(
    'Imports files with their mappings (a job, one transaction for all of them); the result lists one summary per file.',
    z
      .object({
        files: z
          .array(z.object({ fileId: z.string().min(1).max(100), mapping: Mapping, replace: z.boolean().default(false), remember: z.boolean().default(true) }).strict())
          .min(1)
          .max(50),
        createProducts: z.boolean().default(true),
      })
      .strict(),
    JobStarted,
  ),
  'import.history': command('Past imports, newest first.', Empty, z.array(ImportRecord)),
  'import.undo': command('Removes an import as a whole, in one transaction (a job).', z.object({ importId: Id }).strict(), JobStarted),
  'import.rejects': command(
    'Rejected rows of an import, with line, column and reason.',
    z.object({ importId: Id, offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    z.object({ total: z.number().int(), rows: z.array(RejectedRow) }),
  ),
  'import.exportRejects': command('Writes the rejected rows of an import to a CSV file and grants it.', z.object({ importId: Id }).strict(), FileRef),
};
