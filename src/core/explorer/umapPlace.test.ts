import { describe, expect, it } from 'vitest';
import { placeByNeighbours, smoothSigma } from './umapPlace';

describe('placing prompts UMAP was not fitted on', () => {
  it('sigma makes the strengths of neighbours 2..k sum to log2(k)', () => {
    const d = [0.5, 1, 2, 3];
    const s = smoothSigma(d);
    expect(Math.exp(-1 / s) + Math.exp(-2 / s) + Math.exp(-3 / s)).toBeCloseTo(2, 4);
    // k = 2: the one term must reach log2(2) = 1, so sigma grows until exp(-1/sigma) is within the tolerance of 1.
    expect(Math.exp(-1 / smoothSigma([1, 1]))).toBeCloseTo(1, 4);
  });

  it('lands at the membership-weighted mean of the neighbours’ positions', () => {
    // Two queries, k = 2, fitted prompts at (0,0), (10,0), (0,10).
    const fitted = Float32Array.from([0, 0, 10, 0, 0, 10]);
    const knn = { k: 2, rows: Int32Array.from([0, 1, 2, 0]), distances: Float32Array.from([1, 1, 0, 3]) };
    const p = placeByNeighbours(knn, fitted);
    // Equal distances: equal weights, the midpoint.
    expect(p[0]).toBeCloseTo(5, 5);
    expect(p[1]).toBeCloseTo(0, 5);
    // Distance 0 to the first: its weight is 1; the second's exp(-3/sigma) with sigma from a single term -> weight near 1 too.
    const s = smoothSigma([0, 3]);
    const w = Math.exp(-3 / s);
    expect(p[2]).toBeCloseTo((0 * 1 + 0 * w) / (1 + w), 5);
    expect(p[3]).toBeCloseTo((10 * 1 + 0 * w) / (1 + w), 5);
  });

  it('a nearer neighbour pulls harder', () => {
    const fitted = Float32Array.from([0, 0, 10, 0, 20, 0]);
    const knn = { k: 3, rows: Int32Array.from([0, 1, 2]), distances: Float32Array.from([0.2, 1.5, 3]) };
    const [x] = placeByNeighbours(knn, fitted);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(10);
  });
});
