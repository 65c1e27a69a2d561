/**
 * CSV export (RFC 4180): comma-separated, fields quoted when they hold a comma, quote or
 * line break, CRLF line ends, UTF-8 with a byte-order mark so that Excel reads £ and €.
 * Cells that would start a formula (=, +, -, @) are prefixed with an apostrophe, so a
 * product name cannot run as a spreadsheet formula (OWASP CSV injection).
 */
export type CsvCell = string | number | null;

function cell(value: CsvCell): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header.map(cell).join(','), ...rows.map((row) => row.map(cell).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
