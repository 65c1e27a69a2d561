/**
 * PDF building blocks on pdfkit (no browser): an A4 document with the shop's header, a
 * table that wraps long cells and repeats its header on each new page, and page numbers.
 */
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import { pdfSafe } from './format';

export type Doc = PDFKit.PDFDocument;

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export const MARGIN = 40;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const FOOTER_SPACE = 30;

// pdfkit (and its fonts) load on the first report, not with every CLI command or app start.
let pdfDocumentClass: typeof PDFDocument | undefined;

export function newDocument(title: string, options: { landscape?: boolean } = {}): Doc {
  pdfDocumentClass ??= createRequire(import.meta.url)('pdfkit') as typeof PDFDocument;
  return new pdfDocumentClass({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: title, Creator: 'Shelfcast', Producer: 'Shelfcast' },
  });
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN * 2;
}

/** The report's title block: shop name, title, a line of facts. */
export function heading(doc: Doc, shopName: string, title: string, facts: string): void {
  doc.font(BOLD).fontSize(9).fillColor('#555555').text(pdfSafe(shopName.toUpperCase()), MARGIN, MARGIN);
  doc.font(BOLD).fontSize(18).fillColor('#000000').text(pdfSafe(title));
  doc.font(FONT).fontSize(9).fillColor('#333333').text(pdfSafe(facts));
  doc.moveDown(0.8);
}

export function subheading(doc: Doc, text: string, note?: string): void {
  ensureSpace(doc, 80);
  doc.moveDown(0.4);
  doc.font(BOLD).fontSize(12).fillColor('#000000').text(pdfSafe(text), MARGIN);
  if (note) doc.font(FONT).fontSize(8.5).fillColor('#444444').text(pdfSafe(note), MARGIN);
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, options: { bold?: boolean; size?: number; color?: string } = {}): void {
  doc.font(options.bold ? BOLD : FONT).fontSize(options.size ?? 9).fillColor(options.color ?? '#000000').text(pdfSafe(text), MARGIN, undefined, { width: contentWidth(doc) });
}

function fits(doc: Doc, height: number): boolean {
  return doc.y + height <= doc.page.height - MARGIN - FOOTER_SPACE;
}

function ensureSpace(doc: Doc, height: number): void {
  if (!fits(doc, height)) doc.addPage();
}

export interface TableRow {
  cells: readonly string[];
  bold?: boolean;
  /** Background of the whole row. */
  shade?: string;
  /** A colour bar at the row's left edge (the priority). */
  marker?: string;
}

function rowHeight(doc: Doc, columns: readonly Column[], cells: readonly string[], font: string, size: number): number {
  doc.font(font).fontSize(size);
  return Math.max(...columns.map((c, i) => doc.heightOfString(pdfSafe(cells[i] ?? ''), { width: c.width - 6 }))) + 6;
}

function paintRow(doc: Doc, columns: readonly Column[], row: TableRow, font: string, size: number, height: number): void {
  const top = doc.y;
  const width = columns.reduce((s, c) => s + c.width, 0);
  if (row.shade) doc.rect(MARGIN, top, width, height).fill(row.shade);
  if (row.marker) doc.rect(MARGIN, top, 3, height).fill(row.marker);
  let x = MARGIN;
  columns.forEach((column, i) => {
    const inset = i === 0 && row.marker ? 7 : 3;
    doc.fillColor('#000000').font(font).fontSize(size).text(pdfSafe(row.cells[i] ?? ''), x + inset, top + 3, { width: column.width - inset - 3, align: column.align ?? 'left' });
    x += column.width;
  });
  doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).lineWidth(0.3).strokeColor('#cccccc').stroke();
  doc.y = top + height;
  doc.x = MARGIN;
}

/** Draws a table; long cells wrap, and the header is repeated at the top of every new page. */
export function table(doc: Doc, columns: readonly Column[], rows: readonly TableRow[]): void {
  const header: TableRow = { cells: columns.map((c) => c.title), shade: '#e6e6e6' };
  const headerHeight = rowHeight(doc, columns, header.cells, BOLD, 8);
  const paintHeader = () => paintRow(doc, columns, header, BOLD, 8, headerHeight);
  const firstHeight = rows[0] ? rowHeight(doc, columns, rows[0].cells, rows[0].bold ? BOLD : FONT, 8) : 0;
  ensureSpace(doc, headerHeight + firstHeight);
  paintHeader();
  for (const row of rows) {
    const font = row.bold ? BOLD : FONT;
    const height = rowHeight(doc, columns, row.cells, font, 8);
    if (!fits(doc, height)) {
      doc.addPage();
      paintHeader();
    }
    paintRow(doc, columns, row, font, 8, height);
  }
}

/** Room kept at the top of a continuation page for its running header. */
export const CONTINUATION_SPACE = 22;

/**
 * Reserves the top of every page a document block spills onto, so a running header fits
 * there (see continuationHeaders). Returns a function that stops reserving.
 */
export function reserveContinuationSpace(doc: Doc): () => void {
  const onPage = () => {
    doc.y = MARGIN + CONTINUATION_SPACE;
  };
  doc.on('pageAdded', onPage);
  return () => doc.off('pageAdded', onPage);
}

/** The buffered page the document is writing on now (0-based). */
export function currentPageIndex(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

/**
 * A running header on the second and later pages of a block (e.g. one purchase order):
 * "<label> · page n of m", so a loose page still says which order it belongs to.
 */
export function continuationHeaders(doc: Doc, blocks: ReadonlyArray<{ firstPage: number; lastPage: number; label: string }>): void {
  for (const block of blocks) {
    const pages = block.lastPage - block.firstPage + 1;
    for (let page = block.firstPage + 1; page <= block.lastPage; page++) {
      doc.switchToPage(page);
      doc.font(BOLD).fontSize(8.5).fillColor('#333333');
      doc.text(pdfSafe(`${block.label} · page ${page - block.firstPage + 1} of ${pages}`), MARGIN, MARGIN, { width: contentWidth(doc), lineBreak: false });
    }
  }
}

/** Page numbers and the generation stamp at the foot of every page. */
export function footers(doc: Doc, stamp: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN + 10;
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(7.5).fillColor('#777777');
    doc.text(pdfSafe(stamp), MARGIN, bottom, { width: contentWidth(doc) / 2, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN + contentWidth(doc) / 2, bottom, { width: contentWidth(doc) / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
}

/** Writes the document to a file and resolves once it is on disk. */
export function writeDocument(doc: Doc, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
    doc.pipe(out);
    doc.end();
  });
}
