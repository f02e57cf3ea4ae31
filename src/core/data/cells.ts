/**
 * Number cells. Kept allocation-free on the hot path (a 20,000 x 100 correctness file is two
 * million cells): "0" and "1" are answered without trimming or regex.
 */
import type { IssueList } from './issues';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number cell: NaN when blank, null when it is not a finite decimal number. */
export function readNumber(cell: string): number | null {
  if (cell === '0') return 0;
  if (cell === '1') return 1;
  // Fast path for plain decimals (starts with a digit, '-' or '.'): Number() is exact there, but on
  // its own it would also accept hex/binary/octal ("0x1f"), so those prefixes go the slow way.
  const c0 = cell.charCodeAt(0);
  if ((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 46) {
    const c1 = cell.charCodeAt(1) | 32;
    if (c1 !== 120 && c1 !== 98 && c1 !== 111) {
      const fast = +cell;
      if (Number.isFinite(fast)) return fast;
    }
  }
  const t = cell.trim();
  if (t === '') return NaN;
  if (!DECIMAL.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Like readNumber, but also accepts true/false (pandas writes booleans as True/False) as 1/0. */
export function readScoreCell(cell: string): number | null {
  const v = readNumber(cell);
  if (v !== null) return v;
  const t = cell.trim().toLowerCase();
  if (t === 'true') return 1;
  if (t === 'false') return 0;
  return null;
}

function shown(cell: string): string {
  const t = cell.trim();
  return t.length > 40 ? `${t.slice(0, 40)}...` : t;
}

/** A score in [0,1] or NaN (blank = not scored); adds an issue and returns NaN for a bad cell. */
export function parseScore(cell: string, issues: IssueList, file: string, row: number, column: string): number {
  const v = readScoreCell(cell);
  if (v === null) {
    issues.add(file, row, column, `score "${shown(cell)}" is not a number`);
    return NaN;
  }
  if (v < 0 || v > 1) {
    issues.add(file, row, column, `score ${v} is outside [0, 1]`);
    return NaN;
  }
  return v;
}

/** A cost >= 0; `required` makes a blank cell an issue (else blank gives NaN). Bad cells give NaN. */
export function parseCost(cell: string, issues: IssueList, file: string, row: number, column: string, required: boolean): number {
  const v = readNumber(cell);
  if (v === null) {
    issues.add(file, row, column, `cost "${shown(cell)}" is not a number`);
    return NaN;
  }
  if (Number.isNaN(v)) {
    if (required) issues.add(file, row, column, 'cost is missing');
    return NaN;
  }
  if (v < 0) {
    issues.add(file, row, column, `cost ${v} is negative`);
    return NaN;
  }
  return v;
}
