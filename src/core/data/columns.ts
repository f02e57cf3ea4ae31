/**
 * Column mapping: which of the user's header names holds each canonical column. The UI's
 * column-mapping step fills a ColumnMapping; without one, the usual names below are recognised
 * (trimmed, case-insensitive).
 */

export type CanonicalColumn = 'promptId' | 'text' | 'task' | 'model' | 'score' | 'cost';

/** Canonical column -> the user's header name for it. */
export type ColumnMapping = Partial<Record<CanonicalColumn, string>>;

/** Names recognised for each canonical column when no mapping is given, most preferred first. */
export const DEFAULT_COLUMN_NAMES: Readonly<Record<CanonicalColumn, readonly string[]>> = {
  promptId: ['prompt_id'],
  text: ['text', 'prompt'],
  task: ['task', 'source'],
  model: ['model'],
  score: ['score', 'correct'],
  cost: ['cost'],
};

const CANONICAL_ORDER: readonly CanonicalColumn[] = ['promptId', 'text', 'task', 'model', 'score', 'cost'];

function findName(header: readonly string[], name: string): number {
  const wanted = name.trim();
  const exact = header.findIndex((h) => h.trim() === wanted);
  if (exact !== -1) return exact;
  const lower = wanted.toLowerCase();
  return header.findIndex((h) => h.trim().toLowerCase() === lower);
}

/**
 * Index of `key` in `header`: the mapped name when the mapping names one (exact, then
 * case-insensitive), else the first default name present. -1 when absent. `names` overrides the
 * default names (e.g. the long layout prefers `prompt` for the text).
 */
export function findColumn(
  header: readonly string[],
  key: CanonicalColumn,
  mapping: ColumnMapping = {},
  names: readonly string[] = DEFAULT_COLUMN_NAMES[key],
): number {
  const mapped = mapping[key];
  if (mapped !== undefined && mapped.trim() !== '') return findName(header, mapped);
  for (const name of names) {
    const i = findName(header, name);
    if (i !== -1) return i;
  }
  return -1;
}

/** The header name a missing column is asked for under: the mapped name, else the first default. */
export function wantedName(
  key: CanonicalColumn,
  mapping: ColumnMapping = {},
  names: readonly string[] = DEFAULT_COLUMN_NAMES[key],
): string {
  const mapped = mapping[key];
  return mapped !== undefined && mapped.trim() !== '' ? mapped.trim() : names[0];
}

/** Message for a required column that is not in the header (names the header so a typo shows). */
export function missingColumnMessage(
  key: CanonicalColumn,
  header: readonly string[],
  mapping: ColumnMapping = {},
  names: readonly string[] = DEFAULT_COLUMN_NAMES[key],
): string {
  const mapped = mapping[key];
  const wanted =
    mapped !== undefined && mapped.trim() !== '' ? `"${mapped.trim()}" (mapped to ${key})` : names.map((n) => `"${n}"`).join(' or ');
  const shown = header.slice(0, 12).join(', ') + (header.length > 12 ? ', ...' : '');
  return `missing required column ${wanted}; the header is: ${shown}`;
}

/** A starting mapping for the UI's mapping step: each canonical column found under a usual name. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const guess: ColumnMapping = {};
  for (const key of CANONICAL_ORDER) {
    const i = findColumn(header, key);
    if (i !== -1) guess[key] = header[i];
  }
  return guess;
}
