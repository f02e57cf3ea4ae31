import { existsSync } from 'node:fs';
import type { Matrix } from '../core/types';
import { inputError } from './errors';
import { readText } from './load';

/** --embedding: one vector `[...]` or several `[[...], ...]`, inline JSON or a JSON file. */
export function parseEmbeddingArg(value: string, dim: number): Matrix {
  const fromFile = !value.trim().startsWith('[') && existsSync(value);
  const where = fromFile ? value : '--embedding';
  let json: unknown;
  try {
    json = JSON.parse(fromFile ? readText(value) : value);
  } catch (err) {
    throw inputError(where, `not JSON: ${(err as Error).message} (expected an array of ${dim} numbers, or an array of such arrays)`);
  }
  if (!Array.isArray(json) || json.length === 0) throw inputError(where, `expected an array of ${dim} numbers, or an array of such arrays`);
  const rows = (Array.isArray(json[0]) ? json : [json]) as unknown[];
  const nested = Array.isArray(json[0]);
  const data = new Float32Array(rows.length * dim);
  rows.forEach((row, r) => {
    const path = nested ? `[${r}]` : '';
    if (!Array.isArray(row)) throw inputError(where, `${path || '[0]'}: expected an array of ${dim} numbers, got ${JSON.stringify(row)}`);
    if (row.length !== dim) throw inputError(where, `${path || 'vector'} has ${row.length} values, but this router expects ${dim}`);
    row.forEach((x, d) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw inputError(where, `${path}[${d}]: expected a finite number, got ${JSON.stringify(x)}`);
      data[r * dim + d] = x;
    });
  });
  return { rows: rows.length, cols: dim, data };
}
