/**
 * Test helper (Node only): reads a real benchmark of ../shared/data at run time, never copied
 * into the repo. Deliberately independent of src/core/data so routing/eval tests stand alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const SHARED_DATA = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

export interface SharedScores {
  promptIds: string[];
  modelNames: string[];
  costs: number[];
  /** prompts x models row-major, NaN = blank. */
  scores: Float64Array;
}

export function hasSharedData(name: string): boolean {
  return existsSync(`${SHARED_DATA}/${name}/correctness.csv`);
}

function readCsv(path: string): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
  return parsed.data;
}

/** correctness.csv + models.csv of one dataset folder (wide layout). */
export function loadSharedScores(name: string): SharedScores {
  const dir = `${SHARED_DATA}/${name}`;
  const [header, ...rows] = readCsv(`${dir}/correctness.csv`);
  const modelNames = header.slice(1);
  const [mHeader, ...mRows] = readCsv(`${dir}/models.csv`);
  const costCol = mHeader.indexOf('cost');
  const costOf = new Map(mRows.map((r) => [r[0], Number(r[costCol])] as const));
  const m = modelNames.length;
  const scores = new Float64Array(rows.length * m);
  rows.forEach((r, p) => {
    for (let h = 0; h < m; h++) scores[p * m + h] = r[h + 1] === '' ? NaN : Number(r[h + 1]);
  });
  return {
    promptIds: rows.map((r) => r[0]),
    modelNames,
    costs: modelNames.map((n) => costOf.get(n) ?? NaN),
    scores,
  };
}
