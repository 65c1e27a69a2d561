import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../contract/errors';
import { getImport, listImports, listRejects } from '../db/repos/imports';
import { readSettings } from '../db/repos/settings';
import { inspectFile, knownScan } from '../import/inspect';
import type { ImportJobInput } from '../import/jobs';
import { IMPORT_JOB, UNDO_JOB } from '../import/jobs';
import { writeRejectsCsv } from '../import/rejects';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

export const importHandlers = defineHandlers<HandlerContext>('import', {
  'import.inspect': async (input, { app }) => {
    const file = app.files.resolve(input.fileId);
    const { locale } = readSettings(app.db);
    return inspectFile(app.db, file.path, file.name, { locale, ...(input.kind ? { kind: input.kind } : {}), ...(input.mapping ? { mapping: input.mapping } : {}) });
  },
  'import.commit': (input, { app }) => {
    const files: ImportJobInput['files'] = input.files.map((f) => {
      const file = app.files.resolve(f.fileId);
      const scan = knownScan(file.path);
      return { path: file.path, name: file.name, mapping: f.mapping, replace: f.replace, remember: f.remember, ...(scan ? { scan } : {}) };
    });
    const title = files.length === 1 ? `Importing ${files[0]?.name ?? ''}` : `Importing ${files.length} files`;
    return { jobId: app.startJob({ kind: IMPORT_JOB, title, input: { files, createProducts: input.createProducts } satisfies ImportJobInput }) };
  },
  'import.history': (_input, { app }) =>
    listImports(app.db).map((row) => ({
      importId: row.id,
      fileName: row.file_name,
      kind: row.kind,
      at: row.created_at,
      rowsRead: row.rows_read,
      imported: row.rows_imported,
      rejected: row.rows_rejected,
      duplicates: row.rows_duplicate,
      contentHash: row.content_hash,
    })),
  'import.undo': (input, { app }) => {
    const record = getImport(app.db, input.importId);
    if (!record) throw new AppError('import.not_found', `There is no import number ${input.importId}; it may have been undone already.`);
    return { jobId: app.startJob({ kind: UNDO_JOB, title: `Undoing the import of ${record.file_name}`, input: { importId: input.importId } }) };
  },
  'import.rejects': (input, { app }) => {
    const record = getImport(app.db, input.importId);
    if (!record) throw new AppError('import.not_found', `There is no import number ${input.importId}.`);
    return { total: record.rows_rejected, rows: listRejects(app.db, input.importId, input.offset, input.limit) };
  },
  'import.exportRejects': async (input, { app }) => {
    const record = getImport(app.db, input.importId);
    if (!record) throw new AppError('import.not_found', `There is no import number ${input.importId}.`);
    const name = `rejected rows of ${record.file_name.replace(/\.[^.]+$/, '')}.csv`;
    // A private folder per export; the grant owns the file and deletes it when released.
    const path = join(mkdtempSync(join(tmpdir(), 'shelfcast-rejects-')), name);
    await writeRejectsCsv(app.db, input.importId, path);
    return app.files.grant(path, { name, owned: true });
  },
});
