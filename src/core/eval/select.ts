/** Row / column selection on the core's row-major matrices (prompts x models, embeddings). */
import type { Matrix } from '../types';

/** Rows `rows` of a Matrix, in the given order. */
export function selectRows(matrix: Matrix, rows: ArrayLike<number>): Matrix {
  const { cols } = matrix;
  const data = new Float32Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    data.set(matrix.data.subarray(r * cols, (r + 1) * cols), i * cols);
  }
  return { rows: rows.length, cols, data };
}

/** The prompts `rows` x models `cols` block of a prompts x models matrix with `m` columns. */
export function selectBlock(values: Float64Array, m: number, rows: ArrayLike<number>, cols: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length * cols.length);
  for (let i = 0; i < rows.length; i++) {
    const base = rows[i] * m;
    for (let j = 0; j < cols.length; j++) out[i * cols.length + j] = values[base + cols[j]];
  }
  return out;
}

/** Indices of `rows` whose scores are present for every one of `cols` (the rest are dropped). */
export function fullyScoredRows(
  scores: Float64Array,
  m: number,
  rows: readonly number[],
  cols: readonly number[],
): { kept: number[]; dropped: number } {
  const kept: number[] = [];
  for (const r of rows) {
    let ok = true;
    for (const c of cols) {
      if (Number.isNaN(scores[r * m + c])) {
        ok = false;
        break;
      }
    }
    if (ok) kept.push(r);
  }
  return { kept, dropped: rows.length - kept.length };
}

/** Values at `idx`, e.g. the costs of a pool of models. */
export function pick(values: ArrayLike<number>, idx: ArrayLike<number>): number[] {
  return Array.from({ length: idx.length }, (_, i) => values[idx[i]]);
}
