/**
 * Text-level checks shared by the CSV and JSONL readers: BOM, empty files, and binary files that were
 * dropped or named as if they were text (a spreadsheet, an image, an archive).
 */

/** A parsed table: header plus string rows, with each row's 1-based record (CSV) or line (JSONL) number. */
export interface Table {
  header: string[];
  rows: string[][];
  /** rowNumbers[i] is the number users see for rows[i]: the header is row 1 in a CSV file. */
  rowNumbers: Int32Array;
}

const MAGIC: readonly (readonly [string, string])[] = [
  ['PK\u0003\u0004', 'a ZIP archive (an .xlsx workbook is one; export the sheet as CSV)'],
  ['\u0089PNG', 'a PNG image'],
  ['\uFFFDPNG', 'a PNG image'],
  ['%PDF-', 'a PDF document'],
  ['GIF8', 'a GIF image'],
  ['\u001f\u008b', 'a gzip archive'],
  ['\u001f\uFFFD', 'a gzip archive'],
  ['\u00d0\u00cf\u0011\u00e0', 'an old Excel (.xls) workbook'],
  ['\uFFFD\uFFFD\u0011\uFFFD', 'an old Excel (.xls) workbook'],
  ['\uFFFD\uFFFD\uFFFD', 'a binary file (a JPEG image or similar)'],
];

const SAMPLE = 65536;

/** Removes a leading UTF-8 byte-order mark (Excel writes one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Why `text` cannot be a text table, or null when it may be one. `kind` names the expected format
 * in the message ("CSV", "JSON Lines").
 */
export function notTextReason(text: string, kind: string): string | null {
  if (text.trim() === '') return 'file is empty';
  for (const [magic, what] of MAGIC) {
    if (text.startsWith(magic)) return `not a ${kind} text file: it looks like ${what}`;
  }
  if (text.indexOf('\u0000') !== -1) return `not a ${kind} text file: it contains NUL bytes (binary data)`;
  // Real prompts may hold the odd control or replacement character; a binary file is full of them.
  const n = Math.min(text.length, SAMPLE);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  if (odd > 8 && odd > n * 0.01) {
    return `not a ${kind} text file: ${odd} of its first ${n} characters are binary or invalid UTF-8`;
  }
  return null;
}
