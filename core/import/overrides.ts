import type { Mapping } from '../contract/commands/import';
import { FIELDS, normalizeHeader } from './fields';

/**
 * Applies "column=field" choices (CLI --map) to a mapping. Columns are matched by header,
 * exactly or after normalisation ("Unit Price" = "unit_price"); fields by name, in any
 * case or with underscores ("unit_price" = "unitPrice"). A field given an empty column
 * ("=quantity" is not valid, "Qty=" unmaps the column). Returns problems in plain words.
 */
export function applyColumnChoices(mapping: Mapping, headers: readonly string[], choices: readonly string[]): { mapping: Mapping; problems: string[] } {
  const problems: string[] = [];
  const columns = { ...mapping.columns };
  const fields = FIELDS[mapping.kind];
  for (const choice of choices) {
    const at = choice.lastIndexOf('=');
    if (at <= 0) {
      problems.push(`--map ${choice}: write it as column=field, e.g. --map "Qty Sold=quantity".`);
      continue;
    }
    const columnName = choice.slice(0, at).trim();
    const fieldName = choice.slice(at + 1).trim();
    let index = headers.indexOf(columnName);
    if (index < 0) index = headers.map(normalizeHeader).indexOf(normalizeHeader(columnName));
    if (index < 0) {
      problems.push(`--map ${choice}: the file has no column "${columnName}" (its columns: ${headers.join(', ')}).`);
      continue;
    }
    for (const [field, column] of Object.entries(columns)) if (column === index) delete columns[field];
    if (fieldName === '') continue;
    const field = fields.find((f) => normalizeHeader(f.name) === normalizeHeader(fieldName) || normalizeHeader(f.label) === normalizeHeader(fieldName));
    if (!field) {
      problems.push(`--map ${choice}: "${fieldName}" is not a field of ${mapping.kind} (fields: ${fields.map((f) => f.name).join(', ')}).`);
      continue;
    }
    columns[field.name] = index;
  }
  return { mapping: { ...mapping, columns }, problems };
}
