import { createRng } from '../rng';
import type { Matrix } from '../types';

/** Builds a Matrix from rows of numbers. */
export function matrix(rows: number[][]): Matrix {
  return { rows: rows.length, cols: rows[0].length, data: Float32Array.from(rows.flat()) };
}

/** Rows of a Matrix as plain number arrays. */
export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
}

/**
 * The 4-point fixture worked out by hand: A=(0,1), B=(1,1), C=(4,-1), D=(5,-1), starting from
 * mu1 = (0,1) = A and mu2 = (1,1) = B.
 *  step 1: A->1 (0); B->2 (0); C: |C-mu1|^2 = 16+4 = 20 > |C-mu2|^2 = 9+4 = 13 -> 2;
 *          D: 25+4 = 29 > 16+4 = 20 -> 2. inertia = 13 + 20 = 33, changed = 4 (first step).
 *          mu1 = (0,1), mu2 = ((1+4+5)/3, (1-1-1)/3) = (10/3, -1/3);
 *          shift = (10/3-1)^2 + (-1/3-1)^2 = 49/9 + 16/9 = 65/9.
 *  step 2: B: |B-mu1|^2 = 1 < |B-mu2|^2 = 49/9 + 16/9 -> 1 (changed = 1);
 *          C: (2/3)^2 + (2/3)^2 = 8/9 -> 2; D: (5/3)^2 + (2/3)^2 = 29/9 -> 2.
 *          inertia = 0 + 1 + 8/9 + 29/9 = 46/9; mu1 = (0.5, 1), mu2 = (4.5, -1);
 *          shift = 0.25 + (4.5-10/3)^2 + (-1+1/3)^2 = 9/36 + 49/36 + 16/36 = 37/18.
 *  step 3: same assignments (changed = 0): inertia = 4 * 0.25 = 1, shift = 0 -> converged.
 * Threshold for the shift: var(x) = mean of (2.5^2, 1.5^2, 1.5^2, 2.5^2) = 4.25, var(y) = 1,
 * mean variance = 2.625, so tolerance t stops once shift <= 2.625 t.
 */
export const FOUR_POINTS = matrix([
  [0, 1],
  [1, 1],
  [4, -1],
  [5, -1],
]);
export const FOUR_INIT = matrix([
  [0, 1],
  [1, 1],
]);
export const FOUR_HISTORY = [
  { iteration: 1, inertia: 33, shift: 65 / 9, changed: 4 },
  { iteration: 2, inertia: 46 / 9, shift: 37 / 18, changed: 1 },
  { iteration: 3, inertia: 1, shift: 0, changed: 0 },
];
export const FOUR_CENTROIDS = [
  [0.5, 1],
  [4.5, -1],
];

/**
 * Empty cluster and tie fixture: points (0,0), (1,0), (2,0), centres (0,0), (50,50), (2,0).
 *  step 1: (1,0) is at squared distance 1 from both mu1 and mu3: the tie goes to mu1.
 *          assignments [0,0,2]; mu2 gets no point and keeps (50,50); mu1 = (0.5,0), mu3 = (2,0);
 *          inertia = 0 + 1 + 0 = 1; shift = 0.25; changed = 3.
 *  step 2: (1,0): 0.25 to mu1 < 1 to mu3 -> same assignments, changed = 0; inertia = 0.25 + 0.25.
 */
export const EMPTY_POINTS = matrix([
  [0, 0],
  [1, 0],
  [2, 0],
]);
export const EMPTY_INIT = matrix([
  [0, 0],
  [50, 50],
  [2, 0],
]);

/** `perBlob` points around each of `k` Gaussian centres in `dim` dimensions (seeded). */
export function gaussianBlobs(k: number, perBlob: number, dim: number, spread: number, seed: number): Matrix {
  const rng = createRng(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: dim }, () => rng.normal() * 4));
  const data = new Float32Array(k * perBlob * dim);
  for (let i = 0; i < k * perBlob; i++) {
    const c = centres[i % k];
    for (let j = 0; j < dim; j++) data[i * dim + j] = c[j] + rng.normal() * spread;
  }
  return { rows: k * perBlob, cols: dim, data };
}
