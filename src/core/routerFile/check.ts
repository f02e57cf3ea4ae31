/**
 * Path-aware checks of untrusted JSON values: every problem is reported as `path: message`
 * (e.g. `models[3].psi[2]: expected a finite number, got "NaN"`) into a capped issue list.
 */
import { createIssueList, type IssueList } from '../data/issues';
import type { DataIssue } from '../types';

/** At most this many problems are listed: a broken 50 MB file should not print 10^6 lines. */
export const CHECK_ISSUE_CAP = 25;

export interface Checker {
  file: string;
  issues: IssueList;
  warnings: DataIssue[];
  fail(path: string, message: string): void;
  warn(path: string, message: string): void;
}

export function createChecker(file: string): Checker {
  const issues = createIssueList(CHECK_ISSUE_CAP);
  const warnings: DataIssue[] = [];
  return {
    file,
    issues,
    warnings,
    fail: (path, message) => issues.add(file, undefined, undefined, path ? `${path}: ${message}` : message),
    warn: (path, message) => warnings.push({ file, message: path ? `${path}: ${message}` : message }),
  };
}

/** A short description of a value for messages: `"NaN"`, `null`, `an array`, `true`. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v);
  return String(v);
}

export const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** The object at `path`, or null (reported) when it is anything else. */
export function objectAt(ck: Checker, v: unknown, path: string): Record<string, unknown> | null {
  if (v === undefined) ck.fail(path, 'missing');
  else if (v === null || typeof v !== 'object' || Array.isArray(v)) ck.fail(path, `expected an object, got ${describe(v)}`);
  else return v as Record<string, unknown>;
  return null;
}

export function arrayAt(ck: Checker, v: unknown, path: string, length?: number): unknown[] | null {
  if (v === undefined) ck.fail(path, 'missing');
  else if (!Array.isArray(v)) ck.fail(path, `expected an array, got ${describe(v)}`);
  else if (length !== undefined && v.length !== length) ck.fail(path, `has ${v.length} entries, expected ${length}`);
  else return v;
  return null;
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  /** Text for the rule in messages, e.g. "a cluster in [0, 10)". */
  what?: string;
}

/** A finite number obeying `rule`, or null (reported). NaN / Infinity arrive as strings or null in JSON. */
export function numberAt(ck: Checker, v: unknown, path: string, rule: NumberRule = {}): number | null {
  const what = rule.what ?? (rule.integer ? 'an integer' : 'a finite number');
  if (v === undefined) {
    ck.fail(path, 'missing');
    return null;
  }
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!rule.integer || Number.isInteger(v)) &&
    (rule.min === undefined || v >= rule.min) &&
    (rule.max === undefined || v <= rule.max);
  if (!ok) {
    ck.fail(path, `expected ${what}${rangeText(rule)}, got ${describe(v)}`);
    return null;
  }
  return v as number;
}

function rangeText(rule: NumberRule): string {
  if (rule.what) return '';
  if (rule.min !== undefined && rule.max !== undefined) return ` in [${rule.min}, ${rule.max}]`;
  if (rule.min !== undefined) return ` >= ${rule.min}`;
  if (rule.max !== undefined) return ` <= ${rule.max}`;
  return '';
}

export function stringAt(ck: Checker, v: unknown, path: string, nonEmpty = false): string | null {
  if (v === undefined) ck.fail(path, 'missing');
  else if (typeof v !== 'string') ck.fail(path, `expected a string, got ${describe(v)}`);
  else if (nonEmpty && v.trim() === '') ck.fail(path, 'must not be empty');
  else return v;
  return null;
}

export function booleanAt(ck: Checker, v: unknown, path: string): boolean | null {
  if (v === undefined) ck.fail(path, 'missing');
  else if (typeof v !== 'boolean') ck.fail(path, `expected true or false, got ${describe(v)}`);
  else return v;
  return null;
}

/** A numeric array of exactly `length` values (when given), each checked by `rule`; null when any is bad. */
export function numbersAt(ck: Checker, v: unknown, path: string, length: number | undefined, rule: NumberRule = {}): number[] | null {
  const arr = arrayAt(ck, v, path, length);
  if (arr === null) return null;
  let ok = true;
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    // Fast path for the common case; the slow path builds the message.
    if (
      typeof x === 'number' &&
      Number.isFinite(x) &&
      (!rule.integer || Number.isInteger(x)) &&
      (rule.min === undefined || x >= rule.min) &&
      (rule.max === undefined || x <= rule.max)
    )
      continue;
    numberAt(ck, x, at(path, i), rule);
    ok = false;
  }
  return ok ? (arr as number[]) : null;
}

/** A rows x cols matrix of finite numbers as a Float32Array, or null (reported). */
export function matrixAt(ck: Checker, v: unknown, path: string, rows: number, cols: number): Float32Array | null {
  const arr = arrayAt(ck, v, path, rows);
  if (arr === null) return null;
  const out = new Float32Array(rows * cols);
  let ok = true;
  for (let r = 0; r < rows; r++) {
    const row = numbersAt(ck, arr[r], at(path, r), cols);
    if (row === null) ok = false;
    else out.set(row, r * cols);
  }
  return ok ? out : null;
}

/** Names of keys that `obj` has beyond `known` (forward-compatible files get a warning, not a refusal). */
export function warnUnknownKeys(ck: Checker, obj: Record<string, unknown>, known: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) if (!known.includes(key)) ck.warn(at(path, key), 'unknown field ignored');
}
