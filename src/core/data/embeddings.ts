/**
 * Uploaded embeddings phi(x): a CSV with header prompt_id, e0, e1, ..., e{D-1}, one row per prompt.
 * Used as given (no normalisation); rows are reordered to match the dataset's prompts.
 */
import type { Matrix, NamedText, Result } from '../types';
import { readNumber } from './cells';
import { findColumn, missingColumnMessage, type ColumnMapping } from './columns';
import { readCsv } from './csv';
import { createIssueList, type IssueList } from './issues';
import type { Table } from './text';
import { listSome } from './wideMatrix';

export interface EmbeddingsOptions {
  /** Required width D (e.g. a router's embedder width); any width when absent. */
  width?: number;
  /** Only `promptId` is used: the name of the id column. */
  mapping?: ColumnMapping;
}

const E_COLUMN = /^e\d+$/i;
const FLOAT32_MAX = 3.4028234663852886e38;

/** True when a header reads prompt_id, e0, e1, ...: how an embeddings file is recognised whatever its name. */
export function isEmbeddingsHeader(header: readonly string[], mapping: ColumnMapping = {}): boolean {
  if (header.length < 2 || findColumn(header, 'promptId', mapping) !== 0) return false;
  for (let c = 1; c < header.length; c++) if (!E_COLUMN.test(header[c].trim())) return false;
  return true;
}

/**
 * Checks an embeddings table and returns its rows in `promptIds` order (a Matrix of
 * promptIds.length x D). With promptIds null only the file itself is checked (returns null).
 */
export function readEmbeddings(
  file: string,
  table: Table,
  promptIds: readonly string[] | null,
  issues: IssueList,
  options: EmbeddingsOptions = {},
): Matrix | null {
  const { header, rows, rowNumbers } = table;
  const mapping = options.mapping ?? {};
  const before = issues.count;
  if (findColumn(header, 'promptId', mapping) !== 0) {
    issues.add(
      file,
      1,
      undefined,
      `${missingColumnMessage('promptId', header, mapping)} (it must be the first column of an embeddings file)`,
    );
    return null;
  }
  const D = header.length - 1;
  if (D === 0) issues.add(file, 1, undefined, 'no embedding columns: expected prompt_id, e0, e1, ..., e{D-1}');
  for (let c = 1; c < header.length; c++) {
    if (header[c].toLowerCase() !== `e${c - 1}`)
      issues.add(file, 1, header[c], `expected column "e${c - 1}" here: the columns after prompt_id must be e0 ... e${D - 1}, in order`);
  }
  if (options.width !== undefined && D !== options.width)
    issues.add(file, 1, undefined, `embeddings have ${D} dimensions, expected ${options.width}`);
  if (rows.length === 0) issues.add(file, undefined, undefined, 'file has a header but no data rows');
  if (issues.count > before) return null;

  const index = promptIds === null ? null : new Map(promptIds.map((id, p) => [id, p]));
  const n = promptIds === null ? 0 : promptIds.length;
  const data = new Float32Array(n * D);
  const seenAt = new Int32Array(n);
  const firstRow = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const at = rowNumbers[r];
    const id = row[0].trim();
    if (id === '') {
      issues.add(file, at, header[0], 'prompt_id is empty');
      continue;
    }
    const first = firstRow.get(id);
    if (first !== undefined) {
      issues.add(file, at, header[0], `duplicate prompt_id "${id}" (first in row ${first})`);
      continue;
    }
    firstRow.set(id, at);
    const p = index === null ? -1 : index.get(id);
    if (p === undefined) issues.add(file, at, header[0], `unknown prompt_id "${id}": not a prompt of the dataset`);
    const base = p === undefined || p < 0 ? -1 : p * D;
    if (base >= 0) seenAt[p as number] = at;
    for (let c = 1; c <= D; c++) {
      const v = readNumber(row[c]);
      if (v === null || Number.isNaN(v) || Math.abs(v) > FLOAT32_MAX) {
        const t = row[c].trim();
        const why = t === '' ? 'embedding value is blank' : `embedding value "${t.slice(0, 40)}" is not a finite number`;
        issues.add(file, at, header[c], why);
        continue;
      }
      if (base >= 0) data[base + c - 1] = v;
    }
  }
  if (promptIds !== null) {
    const missing = promptIds.filter((_, p) => seenAt[p] === 0);
    if (missing.length > 0)
      issues.add(file, undefined, undefined, `no embedding for ${missing.length} of ${n} prompts: ${listSome(missing)}`);
  }
  if (issues.count > before || promptIds === null) return null;
  return { rows: n, cols: D, data };
}

/**
 * Parses an embeddings CSV (prompt_id, e0 ... e{D-1}) into a Matrix whose row p is the embedding of
 * promptIds[p]. Every prompt needs exactly one row; unknown ids, blanks and non-numbers are issues.
 */
export function parseEmbeddings(file: NamedText, promptIds: string[], options: EmbeddingsOptions = {}): Result<Matrix> {
  const issues = createIssueList();
  const table = readCsv(file.name, file.text, issues);
  const matrix = table === null ? null : readEmbeddings(file.name, table, promptIds, issues, options);
  if (matrix === null) return { ok: false, issues: issues.toArray() };
  return { ok: true, data: matrix, warnings: [] };
}
