/**
 * CSV reading with papaparse (RFC 4180: quoted fields may hold commas, quotes and newlines).
 * Rows are records, numbered from 1 with the header as row 1, so the first data row is row 2;
 * blank lines are skipped but still counted, so in a file without multi-line fields row = line.
 */
import Papa from 'papaparse';
import type { Result } from '../types';
import { createIssueList, type IssueList } from './issues';
import { notTextReason, stripBom, type Table } from './text';

export type { Table } from './text';

function isBlankRecord(record: string[]): boolean {
  return record.length === 1 && record[0].trim() === '';
}

const QUOTE_MESSAGES: Record<string, string> = {
  MissingQuotes: 'unterminated quoted field: a field opened with " is never closed',
  InvalidQuotes: 'malformed quotes: a closing " must be followed by a comma or the end of the line (write "" for a quote inside a field)',
};

/** Parses CSV text into a Table, adding every problem to `issues`; null when the file is unusable. */
export function readCsv(file: string, text: string, issues: IssueList): Table | null {
  const reason = notTextReason(text, 'CSV');
  if (reason !== null) {
    issues.add(file, undefined, undefined, reason);
    return null;
  }
  const before = issues.count;
  const parsed = Papa.parse<string[]>(stripBom(text), {
    delimiter: ',',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  for (const err of parsed.errors) {
    const message = QUOTE_MESSAGES[err.code] ?? err.message;
    issues.add(file, err.row === undefined ? undefined : err.row + 1, undefined, message);
  }
  const records = parsed.data;
  if (records.length === 0 || records[0].every((cell) => cell.trim() === '')) {
    issues.add(file, 1, undefined, 'no header row: the first line is blank');
    return null;
  }
  const header = records[0].map((cell) => cell.trim());
  const width = header.length;
  if (width === 1 && /[\t;]/.test(header[0])) {
    issues.add(
      file,
      1,
      undefined,
      `header has one column "${header[0]}": expected comma-separated values (this looks tab- or semicolon-separated)`,
    );
    return null;
  }
  const rows: string[][] = [];
  const rowNumbers = new Int32Array(records.length);
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    if (isBlankRecord(record)) continue;
    if (record.length !== width) {
      const hint = record.length > width ? ' (quote fields that contain commas)' : '';
      issues.add(file, r + 1, undefined, `row has ${record.length} fields but the header has ${width}${hint}`);
      continue;
    }
    rowNumbers[rows.length] = r + 1;
    rows.push(record);
  }
  if (issues.count > before) return null;
  return { header, rows, rowNumbers: rowNumbers.slice(0, rows.length) };
}

/**
 * Parses one CSV file (header + records). Rejects empty and binary files, a missing header, ragged
 * rows and broken quoting, naming the row of each problem. Strips a UTF-8 BOM; LF, CRLF and CR work.
 */
export function parseCsvText(file: string, text: string): Result<Table> {
  const issues = createIssueList();
  const table = readCsv(file, text, issues);
  if (table === null) return { ok: false, issues: issues.toArray() };
  return { ok: true, data: table, warnings: [] };
}
