/**
 * Unlabelled production prompts for the deployment-shift preview: a CSV with a text column, JSON
 * Lines (one object per line with a text field), or a .txt file with one prompt per line. Every
 * problem is reported with the file, row and column; nothing is half-loaded.
 */
import { parseCsvText } from '../data/csv';
import { parseJsonlText } from '../data/jsonl';
import { notTextReason, stripBom, type Table } from '../data/text';
import type { DataIssue, NamedText, Result } from '../types';

export interface PromptList {
  /** prompt_id (or id) when the file has one, else the row (CSV, JSONL: line) number. */
  ids: string[];
  texts: string[];
}

/** Accepted names of the text and id columns (case-insensitive), in order of preference. */
const TEXT_COLUMNS = ['text', 'prompt'];
const ID_COLUMNS = ['prompt_id', 'id'];

function fail(file: string, message: string, row?: number, column?: string): Result<PromptList> {
  return { ok: false, issues: [{ file, row, column, message }] };
}

function fromLines(file: NamedText): Result<PromptList> {
  const reason = notTextReason(file.text, 'text');
  if (reason !== null) return fail(file.name, reason);
  const ids: string[] = [];
  const texts: string[] = [];
  stripBom(file.text)
    .split(/\r\n|\n|\r/)
    .forEach((line, i) => {
      if (line.trim() === '') return;
      ids.push(String(i + 1));
      texts.push(line);
    });
  if (texts.length === 0) return fail(file.name, 'no prompts: every line is blank');
  return { ok: true, data: { ids, texts }, warnings: [] };
}

function fromTable(file: string, table: Table, kind: 'CSV' | 'JSONL'): Result<PromptList> {
  const lower = table.header.map((h) => h.trim().toLowerCase());
  const textCol = TEXT_COLUMNS.map((c) => lower.indexOf(c)).find((i) => i >= 0);
  if (textCol === undefined) {
    const what = kind === 'CSV' ? 'a column named text (or prompt)' : 'a "text" (or "prompt") field on each line';
    return fail(file, `expected ${what}; found ${table.header.map((h) => `"${h}"`).join(', ') || 'none'}`, kind === 'CSV' ? 1 : undefined);
  }
  const idCol = ID_COLUMNS.map((c) => lower.indexOf(c)).find((i) => i >= 0);
  const issues: DataIssue[] = [];
  const ids: string[] = [];
  const texts: string[] = [];
  table.rows.forEach((row, i) => {
    const at = table.rowNumbers[i];
    const text = row[textCol];
    if (text.trim() === '') {
      issues.push({ file, row: at, column: table.header[textCol], message: 'empty prompt text' });
      return;
    }
    ids.push(idCol === undefined || row[idCol] === '' ? String(at) : row[idCol]);
    texts.push(text);
  });
  if (issues.length > 0) return { ok: false, issues };
  if (texts.length === 0) return fail(file, 'no prompts: the file has a header but no rows', kind === 'CSV' ? 2 : undefined);
  return { ok: true, data: { ids, texts }, warnings: [] };
}

/** Reads a prompts file by its extension: .txt one per line, .jsonl / .ndjson JSON Lines, anything else CSV. */
export function parsePromptList(file: NamedText): Result<PromptList> {
  const ext = file.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (ext === 'txt') return fromLines(file);
  if (ext === 'jsonl' || ext === 'ndjson') {
    const t = parseJsonlText(file.name, file.text);
    return t.ok ? fromTable(file.name, t.data, 'JSONL') : t;
  }
  const t = parseCsvText(file.name, file.text);
  return t.ok ? fromTable(file.name, t.data, 'CSV') : t;
}
