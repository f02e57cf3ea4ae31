/**
 * Real data for the tests (Node only), and the one gate of the extended suite.
 *
 * - The in-repo sample `data/llmrouter-sample` (MIT, see its SOURCE.md) is always there: every check
 *   on real data has a test that runs on it, so a plain clone tests real-data behaviour.
 * - `../shared/data` (the full benchmarks beside the checkout, never copied in) feeds the extended
 *   suite. Its tests go through `itShared` / `describeShared`: they run when the folder holds the
 *   dataset, are reported as skipped when it does not, and fail when the environment variable CI is
 *   set (CI has the data, so a missing folder there is a broken setup, not a reason to skip).
 *
 * Deliberately independent of src/core/data, so routing and eval tests read the files on their own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, it } from 'vitest';
import { EXTENDED_MARK } from '../../scripts/test';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_NAME = 'llmrouter-sample';
export const SAMPLE_DIR = path.join(REPO_ROOT, 'data', SAMPLE_NAME);
export const SHARED_DATA = path.resolve(REPO_ROOT, '../shared/data');

export type SharedName = 'llmrouter_nim9' | 'routerbench_subset' | 'routerdc_7b';
export const SHARED_NAMES: readonly SharedName[] = ['routerbench_subset', 'llmrouter_nim9', 'routerdc_7b'];

export function sharedDir(name: SharedName): string {
  return path.join(SHARED_DATA, name);
}

export function hasSharedData(name: SharedName): boolean {
  return existsSync(path.join(sharedDir(name), 'correctness.csv'));
}

/** True when CI is set (any value but '', '0' or 'false'): missing shared data is then a failure. */
export function sharedDataRequired(env: Record<string, string | undefined> = process.env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

type Gate = { run: true } | { run: false; fail: string | null };

/** Whether tests needing `names` run, are skipped, or fail (CI set and data missing). */
export function sharedGate(names: SharedName | readonly SharedName[], env = process.env, has = hasSharedData): Gate {
  const missing = (typeof names === 'string' ? [names] : names).filter((n) => !has(n));
  if (missing.length === 0) return { run: true };
  const where = missing.map((n) => path.join(SHARED_DATA, n)).join(', ');
  return {
    run: false,
    fail: sharedDataRequired(env) ? `extended suite: ${where} is missing and CI is set, so these tests must run (CI has the data)` : null,
  };
}

/** The name of an extended-suite test or block: `npm test` counts a skipped test as skipped only with this mark. */
export const extendedLabel = (names: SharedName | readonly SharedName[], title: string): string =>
  `${title} ${EXTENDED_MARK}${typeof names === 'string' ? names : names.join(', ')}]`;

/** `it` for a test that reads ../shared/data: runs, is skipped (data absent) or fails (data absent, CI set). */
export function itShared(names: SharedName | readonly SharedName[], title: string, fn: () => unknown, timeout?: number): void {
  const gate = sharedGate(names);
  const name = extendedLabel(names, title);
  if (gate.run) it(name, fn, timeout);
  else if (gate.fail !== null) {
    const message = gate.fail;
    it(name, () => {
      throw new Error(message);
    });
  } else it.runIf(false)(name, fn, timeout);
}

/** `describe` for a block that reads ../shared/data (body must not read the files while collecting). */
export function describeShared(names: SharedName | readonly SharedName[], title: string, body: () => void): void {
  const gate = sharedGate(names);
  const name = extendedLabel(names, title);
  if (gate.run) describe(name, body);
  else if (gate.fail !== null) {
    const message = gate.fail;
    describe(name, () =>
      it('has its data', () => {
        throw new Error(message);
      }),
    );
  } else describe.runIf(false)(name, body);
}

export interface ScoreTable {
  promptIds: string[];
  modelNames: string[];
  costs: number[];
  /** prompts x models row-major, NaN = blank. */
  scores: Float64Array;
}

function readCsv(file: string): string[][] {
  return Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;
}

/** correctness.csv + models.csv of a dataset folder in the wide layout. */
export function loadScores(dir: string): ScoreTable {
  const [header, ...rows] = readCsv(path.join(dir, 'correctness.csv'));
  const modelNames = header.slice(1);
  const [mHeader, ...mRows] = readCsv(path.join(dir, 'models.csv'));
  const costCol = mHeader.indexOf('cost');
  const costOf = new Map(mRows.map((r) => [r[0], Number(r[costCol])] as const));
  const m = modelNames.length;
  const scores = new Float64Array(rows.length * m);
  rows.forEach((r, p) => {
    for (let h = 0; h < m; h++) scores[p * m + h] = r[h + 1] === '' ? NaN : Number(r[h + 1]);
  });
  return { promptIds: rows.map((r) => r[0]), modelNames, costs: modelNames.map((n) => costOf.get(n) ?? NaN), scores };
}

/** prompts.csv of a dataset folder as records (prompt_id, text, source, ...). */
export function readPrompts(dir: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path.join(dir, 'prompts.csv'), 'utf8'), { header: true, skipEmptyLines: true })
    .data;
}

/** The prompt texts in the order of `promptIds` (correctness.csv order). */
export function textsOf(dir: string, promptIds: readonly string[]): string[] {
  const textOf = new Map(readPrompts(dir).map((r) => [r.prompt_id, r.text]));
  return promptIds.map((id) => {
    const t = textOf.get(id);
    if (t === undefined) throw new Error(`${dir}/prompts.csv has no prompt ${id}`);
    return t;
  });
}
