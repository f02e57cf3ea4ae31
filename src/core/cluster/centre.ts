/**
 * Centring of the points, written once for every engine and the tests' reference. Distances do
 * not change when every point and centroid moves by the same vector, but the engines' norm
 * expansion |mu|^2 - 2 x.mu cancels far less on centred data (scikit-learn centres too).
 */
import type { Matrix } from '../types';

export interface Centred {
  /** The points minus their column mean (float64 mean, stored float32). */
  centred: Matrix;
  /** Column means, float64. */
  mean: Float64Array;
  /**
   * tolerance * mean over dimensions of the per-dimension (population) variance of the points:
   * the shift below which Lloyd stops (options.ts), from the same pass.
   */
  threshold: number;
}

export function centrePoints(points: Matrix, tolerance: number): Centred {
  const { rows: n, cols: d, data } = points;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const out = new Float32Array(n * d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const dev = data[i * d + j] - mean[j];
      out[i * d + j] = dev;
      total += dev * dev;
    }
  }
  return { centred: { rows: n, cols: d, data: out }, mean, threshold: (tolerance * total) / (n * d) };
}

/** Moves K x D centroids by -mean (sign -1, into the centred frame) or +mean (sign 1, back). */
export function shiftRows(rows: Float32Array, mean: Float64Array, sign: 1 | -1): Float32Array {
  const d = mean.length;
  return Float32Array.from(rows, (v, i) => v + sign * mean[i % d]);
}
