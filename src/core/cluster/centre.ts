/**
 * Centring of the points, written once for every engine and the tests' reference. Distances do
 * not change when every point and centroid moves by the same vector, but the engines' norm
 * expansion |mu|^2 - 2 x.mu cancels far less on centred data (scikit-learn centres too). The
 * centred points are a row source (../kernels/rowSource.ts): an engine writes them where it keeps
 * them (wasm memory, a shard's block) in one pass, with no centred copy of the data in between.
 */
import { allRows, type RowSource } from '../kernels/rowSource';
import type { Matrix } from '../types';

export interface CentredRows {
  /** The points minus their column mean (float64 mean, each value rounded to float32 once). */
  rows: RowSource;
  /** Column means, float64. */
  mean: Float64Array;
  /**
   * tolerance * mean over dimensions of the per-dimension (population) variance of the points:
   * the shift below which Lloyd stops (options.ts).
   */
  threshold: number;
}

export interface Centred extends Omit<CentredRows, 'rows'> {
  centred: Matrix;
}

/**
 * The column means and the stopping threshold (one read pass: sums and sums of squares in
 * float64; the variance as E[x^2] - mean^2 is ample for a stopping threshold), and the centred
 * points as a row source.
 */
export function centredRows(points: Matrix, tolerance: number): CentredRows {
  const { rows: n, cols: d, data } = points;
  const mean = new Float64Array(d);
  const squares = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) {
      const v = data[row + j];
      mean[j] += v;
      squares[j] += v * v;
    }
  }
  let total = 0;
  for (let j = 0; j < d; j++) {
    mean[j] /= n;
    total += Math.max(0, squares[j] / n - mean[j] * mean[j]);
  }
  const rows: RowSource = {
    rows: n,
    cols: d,
    copyRows(out, stride, start, end) {
      for (let i = start; i < end; i++) {
        const from = i * d;
        const to = (i - start) * stride;
        for (let j = 0; j < d; j++) out[to + j] = data[from + j] - mean[j];
      }
    },
  };
  return { rows, mean, threshold: (tolerance * total) / d };
}

/** centredRows with the centred points copied out (the tests' reference and the ts/tfjs engines' form). */
export function centrePoints(points: Matrix, tolerance: number): Centred {
  const { rows, mean, threshold } = centredRows(points, tolerance);
  return { centred: allRows(rows), mean, threshold };
}

/** Moves K x D centroids by -mean (sign -1, into the centred frame) or +mean (sign 1, back). */
export function shiftRows(rows: Float32Array, mean: Float64Array, sign: 1 | -1): Float32Array {
  const d = mean.length;
  return Float32Array.from(rows, (v, i) => v + sign * mean[i % d]);
}
