import { describe, expect, it } from 'vitest';
import { exactKnn, nearestRows } from './knn';
import type { Matrix } from '../types';

const matrix = (rows: number[][]): Matrix => ({ rows: rows.length, cols: rows[0].length, data: Float32Array.from(rows.flat()) });

describe('nearest neighbours in embedding space', () => {
  // Five points on a plane: distances from row 0 are 0 (itself), 1, 2, 2 (tie: rows 2 and 4) and 5.
  const pts = matrix([
    [0, 0],
    [1, 0],
    [0, 2],
    [3, 4],
    [-2, 0],
  ]);

  it('lists the k nearest rows of a prompt by distance, itself left out, ties to the lower row', () => {
    expect(nearestRows(pts, 0, pts, 3, 0)).toEqual({ rows: [1, 2, 4], distances: [1, 2, 2] });
    expect(nearestRows(pts, 3, pts, 2, 3)).toEqual({ rows: [2, 1], distances: [Math.sqrt(13), Math.sqrt(20)] });
    // Without the skip the row itself comes first at distance 0.
    expect(nearestRows(pts, 4, pts, 2).rows).toEqual([4, 0]);
    // Fewer rows than k: all of them.
    expect(nearestRows(pts, 0, pts, 10, 0).rows).toEqual([1, 2, 4, 3]);
  });

  it('answers every query of a batch, query-major, against another matrix', () => {
    const queries = matrix([
      [0.9, 0.1],
      [-1.5, 0.2],
    ]);
    const r = exactKnn(queries, pts, 2);
    expect(Array.from(r.rows)).toEqual([1, 0, 4, 0]);
    expect(r.distances[0]).toBeCloseTo(Math.hypot(0.1, 0.1), 6);
    expect(r.distances[3]).toBeCloseTo(Math.hypot(1.5, 0.2), 6);
  });

  it('refuses a k outside [1, base rows] and mismatched widths', () => {
    expect(() => exactKnn(pts, pts, 6)).toThrow(/k must be an integer in \[1, 5\], got 6/);
    expect(() => nearestRows(matrix([[1, 2, 3]]), 0, pts, 1)).toThrow(/queries have 3 columns, the base 2/);
  });
});
