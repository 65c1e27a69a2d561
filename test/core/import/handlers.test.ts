import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcastApp } from '../../../core/app/app';
import { routerFor } from '../../helpers/router-call';
import { useTempDir } from '../../helpers/tmp';

describe('import commands through the router', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  it('inspect → commit (a job) → history → rejected rows and their CSV → undo (a job)', async () => {
    const dir = tempDir();
    app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'ws') });
    await app.openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
    const { router, ctx, call } = routerFor(app);
    const path = join(dir, 'till export.csv');
    writeFileSync(path, 'Date;Item code;Qty;Price\n01/02/2025;A;2;1,50\n13/02/2025;B;1;2,00\n14/02/2025;;1;2,00\n');
    const file = app.files.grant(path);

    const inspection = await call('import.inspect', { fileId: file.fileId });
    expect(inspection).toMatchObject({ fileName: 'till export.csv', delimiter: ';', mapping: { kind: 'sales_lines', dateOrder: 'dmy', decimalSeparator: ',' }, blockers: [] });
    expect(inspection.preview.map((r) => [r.line, r.status, r.values['date'] ?? null, r.values['unitPrice'] ?? null])).toEqual([
      [2, 'ok', '2025-02-01', '1.50'],
      [3, 'ok', '2025-02-13', '2.00'],
      // a rejected row shows its cells as the file writes them
      [4, 'rejected', '14/02/2025', '2,00'],
    ]);
    expect(inspection.sample).toEqual({ rows: 3, rejected: 1 });
    expect(inspection.rejectedRows.map((r) => [r.line, r.problems])).toEqual([[4, [{ column: 'Item code', reason: 'missing SKU' }]]]);
    const asStock = await call('import.inspect', { fileId: file.fileId, kind: 'stock' });
    expect(asStock.mapping.kind).toBe('stock');

    const { jobId } = await call('import.commit', { files: [{ fileId: file.fileId, mapping: inspection.mapping }] });
    const done = await app.jobs.wait(jobId);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ files: [{ fileName: 'till export.csv', imported: 2, rejected: 1 }] });

    const history = await call('import.history', {});
    expect(history).toHaveLength(1);
    const importId = history[0]?.importId ?? 0;
    expect(history[0]).toMatchObject({ fileName: 'till export.csv', kind: 'sales_lines', rowsRead: 3, imported: 2, rejected: 1 });

    const again = await call('import.inspect', { fileId: file.fileId });
    expect(again.alreadyImported).toMatchObject({ importId, fileName: 'till export.csv' });
    expect(again.savedMapping).toBe(true);

    expect(await call('import.rejects', { importId })).toEqual({ total: 1, rows: [{ line: 4, column: 'Item code', reason: 'missing SKU', raw: '14/02/2025,,1,"2,00"' }] });
    const csv = await call('import.exportRejects', { importId });
    expect(csv.name).toBe('rejected rows of till export.csv');
    expect(readFileSync(app.files.resolve(csv.fileId).path, 'utf8')).toBe('\uFEFFline,column,reason,Date,Item code,Qty,Price\r\n4,Item code,missing SKU,14/02/2025,,1,"2,00"\r\n');

    const undo = await call('import.undo', { importId });
    expect((await app.jobs.wait(undo.jobId)).state).toBe('done');
    expect(await call('import.history', {})).toEqual([]);
    const gone = await router.invoke('import.undo', { importId }, ctx);
    expect(gone).toMatchObject({ ok: false, error: { code: 'import.not_found' } });
    const bad = await router.invoke('import.commit', { files: [] }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  }, 60_000);
});
