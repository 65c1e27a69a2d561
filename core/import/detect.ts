import { createHash } from 'node:crypto';
import type { ImportKind, SalesPeriod, SkipRule } from '../contract/commands/import';
import { IMPORT_KINDS } from '../contract/commands/import';
import { FIELDS, KIND_SIGNS, normalizeHeader } from './fields';
import type { FieldDef } from './fields';
import type { Preset } from './presets';
import { findPreset } from './presets';
import { parseDateTime } from './values';

export type ColumnMap = Record<string, number>;

/** A stable id of a header row, for remembering the mapping the owner chose for it. */
export function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(normalizeHeader).join('\u0001')).digest('hex').slice(0, 32);
}

interface Candidate {
  field: FieldDef;
  column: number;
  score: number;
}

/**
 * Maps headers to the fields of a kind by synonyms: exact matches first (earlier synonyms
 * beat later ones), then headers that contain a synonym ("Qty sold (units)"). Each header
 * serves at most one field; required fields choose first.
 */
export function suggestColumns(kind: ImportKind, headers: readonly string[], exclude: ReadonlySet<number> = new Set()): ColumnMap {
  const normalized = headers.map(normalizeHeader);
  const candidates: Candidate[] = [];
  for (const field of FIELDS[kind]) {
    const weight = field.required || field.group ? 1000 : 0;
    field.synonyms.forEach((synonym, rank) => {
      normalized.forEach((header, column) => {
        if (exclude.has(column) || header === '') return;
        if (header === synonym) candidates.push({ field, column, score: weight + 500 - rank });
        else if (synonym.length >= 4 && header.includes(synonym) && header.length <= synonym.length + 12) {
          candidates.push({ field, column, score: weight + 100 - rank - (header.length - synonym.length) });
        }
      });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const columns: ColumnMap = {};
  const used = new Set<number>();
  for (const candidate of candidates) {
    if (candidate.field.name in columns || used.has(candidate.column)) continue;
    columns[candidate.field.name] = candidate.column;
    used.add(candidate.column);
  }
  return columns;
}

/** Fields (or groups) the mapping still needs before anything can be imported. */
export function missingRequired(kind: ImportKind, columns: ColumnMap): string[] {
  const missing: string[] = [];
  const groups = new Map<string, FieldDef[]>();
  for (const field of FIELDS[kind]) {
    if (field.group) groups.set(field.group, [...(groups.get(field.group) ?? []), field]);
    else if (field.required && columns[field.name] === undefined) missing.push(field.label);
  }
  for (const members of groups.values()) {
    if (!members.some((m) => columns[m.name] !== undefined)) missing.push(members.map((m) => m.label).join(' or '));
  }
  return missing;
}

/** A header that names a day or period: a date, or a numbered day/week column (d_1, week_12). */
export function periodHeader(header: string): { day: number } | { number: number; unit: 'day' | 'week' } | null {
  const trimmed = header.trim();
  const numbered = /^(d|day|w|wk|week)[\s_-]?(\d{1,5})$/i.exec(trimmed);
  if (numbered) {
    const unit = (numbered[1] ?? '').toLowerCase().startsWith('d') ? 'day' : 'week';
    return { number: Number(numbered[2]), unit };
  }
  if (!/\d/.test(trimmed) || /^\d{1,4}$/.test(trimmed)) return null;
  const seconds = parseDateTime(trimmed, 'dmy');
  if (Number.isNaN(seconds)) return null;
  return { day: Math.floor(seconds / 86_400) };
}

/** Where the run of period columns at the end of the header row starts, if there is one. */
export function wideStart(headers: readonly string[]): number | undefined {
  let first: number | undefined;
  for (let i = headers.length - 1; i >= 0; i--) {
    if (periodHeader(headers[i] ?? '') === null) break;
    first = i;
  }
  if (first === undefined || headers.length - first < 5) return undefined;
  return first;
}

export interface KindSuggestion {
  kind: ImportKind;
  score: number;
  columns: ColumnMap;
}

/** Scores every kind for a header row: required fields mapped weigh 3, optional ones 1. */
export function rankKinds(headers: readonly string[]): KindSuggestion[] {
  const wideFirst = wideStart(headers);
  const normalizedHeaders = headers.map(normalizeHeader);
  const ranked = IMPORT_KINDS.map((kind): KindSuggestion => {
    const exclude = kind === 'sales_wide' && wideFirst !== undefined ? new Set(headers.map((_, i) => i).filter((i) => i >= wideFirst)) : new Set<number>();
    const columns = suggestColumns(kind, headers, exclude);
    if (kind === 'sales_wide') return { kind, columns, score: wideFirst === undefined ? 0 : 50 + Object.keys(columns).length };
    if (missingRequired(kind, columns).length > 0) return { kind, columns, score: 0 };
    let score = 0;
    for (const field of FIELDS[kind]) if (columns[field.name] !== undefined) score += field.required || field.group ? 3 : 1;
    const signs = KIND_SIGNS[kind] ?? [];
    for (const header of normalizedHeaders) if (signs.includes(header)) score += 2;
    return { kind, columns, score };
  });
  return ranked.sort((a, b) => b.score - a.score);
}

export interface Suggestion {
  kind: ImportKind;
  columns: ColumnMap;
  preset: Preset | undefined;
  period: SalesPeriod | undefined;
  wideFirstColumn: number | undefined;
  wideStartDate: string | undefined;
  skip: SkipRule[] | undefined;
  kinds: KindSuggestion[];
}

function presetColumns(preset: Preset, headers: readonly string[]): ColumnMap {
  const normalized = headers.map(normalizeHeader);
  const columns: ColumnMap = {};
  for (const [field, alternatives] of Object.entries(preset.columns)) {
    for (const alternative of alternatives) {
      const index = normalized.indexOf(alternative);
      if (index >= 0) {
        columns[field] = index;
        break;
      }
    }
  }
  return columns;
}

function presetSkip(preset: Preset, normalized: readonly string[]): SkipRule[] | undefined {
  const rules: SkipRule[] = [];
  for (const rule of preset.skip ?? []) {
    const column = normalized.indexOf(rule.header);
    if (column >= 0) rules.push({ column, when: rule.when, values: [...rule.values], reason: rule.reason, wholeOrder: rule.wholeOrder });
  }
  return rules.length > 0 ? rules : undefined;
}

/** The kind and mapping Shelfcast proposes for a header row (a forced kind keeps the kind). */
export function suggest(headers: readonly string[], forcedKind?: ImportKind): Suggestion {
  const kinds = rankKinds(headers);
  const preset = findPreset(headers.map(normalizeHeader));
  if (preset && (forcedKind === undefined || forcedKind === preset.kind)) {
    const normalized = headers.map(normalizeHeader);
    const wideFirstColumn = preset.wide ? normalized.indexOf(preset.wide.firstHeader) : undefined;
    return {
      kind: preset.kind,
      columns: presetColumns(preset, headers),
      preset,
      period: preset.period,
      wideFirstColumn: wideFirstColumn !== undefined && wideFirstColumn >= 0 ? wideFirstColumn : undefined,
      wideStartDate: preset.wide?.startDate,
      skip: presetSkip(preset, normalized),
      kinds,
    };
  }
  const chosen = forcedKind === undefined ? kinds[0] : kinds.find((k) => k.kind === forcedKind);
  const kind = chosen && chosen.score > 0 ? chosen.kind : (forcedKind ?? 'sales_lines');
  const columns = chosen?.kind === kind ? chosen.columns : suggestColumns(kind, headers);
  const wideFirstColumn = kind === 'sales_wide' ? wideStart(headers) : undefined;
  return { kind, columns, preset: undefined, period: undefined, wideFirstColumn, wideStartDate: undefined, skip: undefined, kinds };
}

/** Problems with a mapping that stop the file from being imported (shown before committing). */
export function mappingProblems(mapping: { kind: ImportKind; columns: ColumnMap; wideFirstColumn?: number | undefined; wideStartDate?: string | undefined }, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const missing = missingRequired(mapping.kind, mapping.columns);
  if (missing.length > 0) problems.push(`Choose the column that holds: ${missing.join(', ')}.`);
  for (const [field, index] of Object.entries(mapping.columns)) {
    if (index >= headers.length) problems.push(`The column chosen for ${field} (number ${index + 1}) is not in this file.`);
  }
  if (mapping.kind === 'sales_wide') {
    const first = mapping.wideFirstColumn;
    if (first === undefined || first >= headers.length) {
      problems.push('Choose the first column that holds a day or week of sales.');
    } else {
      const periods = headers.slice(first).map(periodHeader);
      const numbered = periods.some((p) => p !== null && 'number' in p);
      if (periods.every((p) => p === null)) problems.push(`The columns from "${headers[first] ?? ''}" on are not dates or numbered days (d_1, d_2 …).`);
      if (numbered && mapping.wideStartDate === undefined) problems.push('The day columns are numbered (d_1, d_2 …): enter the date of day 1.');
    }
  }
  return problems;
}
