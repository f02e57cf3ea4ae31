/**
 * Rows a consumer copies out where it keeps them (a kernel's wasm memory, a shard's block): a plain
 * matrix, or points centred on the fly (cluster/centre.ts), so a kernel is filled in one pass
 * without a centred copy of the whole data set in between.
 */
import type { Matrix } from '../types';

export interface RowSource {
  rows: number;
  cols: number;
  /** Writes rows start..end-1 into `out`, row r at offset (r - start) * stride (cols values each). */
  copyRows(out: Float32Array, stride: number, start: number, end: number): void;
}

/** A matrix as a row source (plain copies). */
export function matrixRows(m: Matrix): RowSource {
  const { rows, cols, data } = m;
  return {
    rows,
    cols,
    copyRows(out, stride, start, end) {
      if (stride === cols) out.set(data.subarray(start * cols, end * cols));
      else for (let r = start; r < end; r++) out.set(data.subarray(r * cols, (r + 1) * cols), (r - start) * stride);
    },
  };
}

/** A row source from either form. */
export function asRowSource(points: Matrix | RowSource): RowSource {
  return 'copyRows' in points ? points : matrixRows(points);
}

/** Every row in a new row-major Float32Array. */
export function allRows(points: Matrix | RowSource): Matrix {
  if (!('copyRows' in points)) return points;
  const data = new Float32Array(points.rows * points.cols);
  points.copyRows(data, points.cols, 0, points.rows);
  return { rows: points.rows, cols: points.cols, data };
}
