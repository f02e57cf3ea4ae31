/**
 * Column mappings per file, remembered per header set: a mapping the user gave for a file with
 * header `id,question,category` applies again the next time a file with the same columns (in any
 * order) is loaded, and to that file only. Pure data in, data out; the app stores it.
 */
import { DEFAULT_COLUMN_NAMES, type CanonicalColumn, type ColumnMapping } from './columns';

/** Header key -> the mapping last used for files with that header. */
export type MappingMemory = Record<string, ColumnMapping>;

/** A file's name and header row (what the mapping step shows). */
export interface HeaderOf {
  file: string;
  columns: readonly string[];
}

/** Most header sets remembered; the oldest go first. */
export const MAPPING_MEMORY_LIMIT = 50;

const CANONICAL: readonly CanonicalColumn[] = ['promptId', 'text', 'task', 'model', 'score', 'cost'];

/** The key of a header set: its trimmed column names, sorted, so the column order does not matter. */
export function headerKey(columns: readonly string[]): string {
  return [...new Set(columns.map((c) => c.trim()).filter((c) => c !== ''))].sort().join('\u001f');
}

/** The canonical columns a file can hold, by its name: a wide-layout file its own, anything else all of them. */
export function mappableColumns(fileName: string): CanonicalColumn[] {
  const base = (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
  switch (base) {
    case 'prompts.csv':
      return ['promptId', 'text', 'task'];
    case 'correctness.csv':
    case 'costs.csv':
      return ['promptId'];
    case 'models.csv':
      return ['model', 'cost'];
    default:
      return [...CANONICAL];
  }
}

/** Only the entries that name a column (a blank entry means "the usual name"). */
export function cleanMapping(mapping: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {};
  for (const key of CANONICAL) {
    const v = mapping[key];
    if (typeof v === 'string' && v.trim() !== '') out[key] = v.trim();
  }
  return out;
}

/** Whether a mapping only repeats the usual names (nothing worth remembering). */
function isDefault(mapping: ColumnMapping): boolean {
  return CANONICAL.every((key) => {
    const v = mapping[key];
    return v === undefined || DEFAULT_COLUMN_NAMES[key].some((n) => n.toLowerCase() === v.toLowerCase());
  });
}

/** The remembered mapping of each file whose header set is known, keyed by file name. */
export function recallMappings(memory: MappingMemory, headers: readonly HeaderOf[]): Record<string, ColumnMapping> {
  const out: Record<string, ColumnMapping> = {};
  for (const h of headers) {
    const m = memory[headerKey(h.columns)];
    if (m) out[h.file] = { ...m };
  }
  return out;
}

/**
 * The memory after a successful load with `mappings` (by file name): each file's mapping is stored
 * under its header set, most recent last; a file mapped to the usual names forgets its header set.
 */
export function rememberMappings(
  memory: MappingMemory,
  headers: readonly HeaderOf[],
  mappings: Readonly<Record<string, ColumnMapping>>,
  limit = MAPPING_MEMORY_LIMIT,
): MappingMemory {
  const next: MappingMemory = { ...memory };
  for (const h of headers) {
    if (!Object.prototype.hasOwnProperty.call(mappings, h.file)) continue;
    const key = headerKey(h.columns);
    if (key === '') continue;
    const m = cleanMapping(mappings[h.file]);
    delete next[key];
    if (!isDefault(m)) next[key] = m;
  }
  const keys = Object.keys(next);
  for (const key of keys.slice(0, Math.max(0, keys.length - limit))) delete next[key];
  return next;
}

/** A stored memory when it has the right shape, else an empty one (a broken or foreign value is ignored). */
export function parseMappingMemory(value: unknown): MappingMemory {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: MappingMemory = {};
  for (const [key, m] of Object.entries(value as Record<string, unknown>)) {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) continue;
    const clean = cleanMapping(m as ColumnMapping);
    if (Object.keys(clean).length) out[key] = clean;
  }
  return out;
}
