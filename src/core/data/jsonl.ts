/**
 * JSON Lines reading: one JSON object per line, blank lines allowed. The header is every key in
 * order of first appearance; a key missing from a line reads as a blank cell. Row numbers are
 * line numbers.
 */
import type { Result } from '../types';
import { createIssueList, type IssueList } from './issues';
import { notTextReason, stripBom, type Table } from './text';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Parses JSONL text into a Table, adding every problem to `issues`; null when the file is unusable. */
export function readJsonl(file: string, text: string, issues: IssueList): Table | null {
  const reason = notTextReason(text, 'JSON Lines');
  if (reason !== null) {
    issues.add(file, undefined, undefined, reason);
    return null;
  }
  const body = stripBom(text);
  if (body.trimStart().startsWith('[')) {
    issues.add(file, 1, undefined, 'this is a JSON array: expected JSON Lines (one JSON object per line)');
    return null;
  }
  const before = issues.count;
  const columns = new Map<string, number>();
  const header: string[] = [];
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const raw = body.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      issues.add(file, line, undefined, `invalid JSON: ${(err as Error).message}`);
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.add(file, line, undefined, `expected a JSON object on each line, got ${kindOf(value)}`);
      continue;
    }
    const row: string[] = new Array<string>(header.length).fill('');
    for (const [key, cell] of Object.entries(value as Record<string, unknown>)) {
      let c = columns.get(key);
      if (c === undefined) {
        c = header.length;
        columns.set(key, c);
        header.push(key);
      }
      row[c] = cellText(cell);
    }
    rows.push(row);
    lineNumbers.push(line);
  }
  if (issues.count > before) return null;
  if (rows.length === 0) {
    issues.add(file, undefined, undefined, 'file has no JSON objects');
    return null;
  }
  // Rows read before a key first appeared are shorter: pad them so every row matches the header.
  for (const row of rows) while (row.length < header.length) row.push('');
  return { header, rows, rowNumbers: Int32Array.from(lineNumbers) };
}

/** Parses one JSON Lines file into the same Table shape as parseCsvText. */
export function parseJsonlText(file: string, text: string): Result<Table> {
  const issues = createIssueList();
  const table = readJsonl(file, text, issues);
  if (table === null) return { ok: false, issues: issues.toArray() };
  return { ok: true, data: table, warnings: [] };
}
