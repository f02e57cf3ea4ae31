import { describe, expect, it } from 'vitest';
import { sampledTrustworthiness, trustworthiness } from './trustworthiness';
import type { Matrix } from '../types';

const matrix = (rows: number[][]): Matrix => ({ rows: rows.length, cols: rows[0].length, data: Float32Array.from(rows.flat()) });

describe('trustworthiness', () => {
  // Six points on a line at 0, 1, 3, 7, 12, 20 (no tied distances); the map swaps the two ends.
  const line = matrix([[0], [1], [3], [7], [12], [20]]);
  const swapped = Float32Array.from([20, 0, 1, 0, 3, 0, 7, 0, 12, 0, 0, 0]);

  it('matches the hand count on a tiny line (k = 1) and scikit-learn (k = 1, 2)', () => {
    // Map nearest neighbours and their true ranks: 0 -> 4 (rank 4), 1 -> 5 (rank 5), 5 -> 1 (rank 4), the
    // other three keep a rank-1 neighbour. Penalty (4-1) + (5-1) + (4-1) = 10; T = 1 - 2 / (6 * 1 * 8) * 10 = 14/24.
    expect(trustworthiness(line, swapped, 1)).toBeCloseTo(14 / 24, 15);
    // scikit-learn 1.2.1 sklearn.manifold.trustworthiness on the same arrays: 0.5833333333333334 and 0.5.
    expect(trustworthiness(line, swapped, 2)).toBeCloseTo(0.5, 15);
  });

  it('is 1 for a map that keeps every distance (a rotated and shifted copy)', () => {
    // Irregular points (no tied distances, so float32 rounding of the copy cannot reorder neighbours).
    const pts = Array.from({ length: 12 }, (_, i) => [5 * Math.sin(2.3 * i + 0.4), 3 * Math.cos(1.1 * i * i)]);
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const rotated = Float32Array.from(pts.flatMap(([x, y]) => [c * x - s * y + 3, s * x + c * y - 1]));
    for (const k of [1, 2, 3]) expect(trustworthiness(matrix(pts), rotated, k)).toBeCloseTo(1, 12);
  });

  it('agrees with scikit-learn on a 40 x 5 fixture with a noisy 2-D map', () => {
    // X[i][c] = sin(1.3 i + 0.7 c^2 + c); the map is X's first two columns + 0.3 cos(2.1 i + c), both rounded to
    // float32. scikit-learn 1.2.1 trustworthiness(X, Y, n_neighbors=k) on the float32 values gives these.
    const n = 40;
    const x = Array.from({ length: n }, (_, i) => Array.from({ length: 5 }, (_, c) => Math.sin(1.3 * i + 0.7 * c * c + c)));
    const y = Float32Array.from(x.flatMap((row, i) => [0, 1].map((c) => row[c] + 0.3 * Math.cos(2.1 * i + c))));
    const high = matrix(x);
    expect(trustworthiness(high, y, 1)).toBeCloseTo(0.9210526315789473, 12);
    expect(trustworthiness(high, y, 5)).toBeCloseTo(0.96078125, 12);
    expect(trustworthiness(high, y, 10)).toBeCloseTo(0.9741836734693877, 12);
  });

  it('refuses k outside [1, n/2) and a map of the wrong size', () => {
    expect(() => trustworthiness(line, swapped, 3)).toThrow(/k must be an integer in \[1, n\/2\)/);
    expect(() => trustworthiness(line, swapped, 0)).toThrow(/k must be/);
    expect(() => trustworthiness(line, swapped.subarray(2), 1)).toThrow(/the map holds 10 values, expected 6 x 2/);
  });

  it('on a sample: all rows when the data is small, a seeded sample otherwise, and k stated', () => {
    const all = sampledTrustworthiness(line, swapped, { k: 1 });
    expect(all).toEqual({ value: trustworthiness(line, swapped, 1), k: 1, sample: 6 });
    const n = 300;
    const pts = Array.from({ length: n }, (_, i) => [Math.sin(i), Math.cos(1.7 * i), i / n]);
    const map = Float32Array.from(pts.flatMap((p) => [p[0], p[1]]));
    const a = sampledTrustworthiness(matrix(pts), map, { k: 10, sampleSize: 100, seed: 4 });
    const b = sampledTrustworthiness(matrix(pts), map, { k: 10, sampleSize: 100, seed: 4 });
    expect(a).toEqual(b);
    expect(a.sample).toBe(100);
    expect(a.k).toBe(10);
    // Dropping the third coordinate loses little: the map is trustworthy, far above a random map's 0.5.
    expect(a.value).toBeGreaterThan(0.8);
    expect(a.value).toBeLessThanOrEqual(1);
  });
});
