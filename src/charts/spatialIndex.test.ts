import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { buildGridIndex, nearestPoint } from './spatialIndex';

function bruteForce(px: Float32Array, py: Float32Array, x: number, y: number, r: number, include?: (i: number) => boolean) {
  let best = -1;
  let bestD2 = r * r;
  for (let i = 0; i < px.length; i++) {
    if (!Number.isFinite(px[i]) || !Number.isFinite(py[i]) || (include && !include(i))) continue;
    const d2 = (px[i] - x) ** 2 + (py[i] - y) ** 2;
    if (d2 < bestD2 || (d2 === bestD2 && (best === -1 || i < best))) [best, bestD2] = [i, d2];
  }
  return best;
}

describe('uniform grid index', () => {
  // Four points; cell size 10 -> origin (0, 0), 3 x 2 cells.
  //   0: (0, 0)   1: (25, 0)   2: (12, 15)   3: (NaN, 4) is skipped
  const px = new Float32Array([0, 25, 12, NaN]);
  const py = new Float32Array([0, 0, 15, 4]);
  const index = buildGridIndex(px, py, 10);

  it('lays the points out in CSR cells', () => {
    expect([index.cols, index.rows]).toEqual([3, 2]);
    // cell (row 0, col 0) holds 0; (0, 2) holds 1; (1, 1) holds 2.
    expect(Array.from(index.cellStart)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(Array.from(index.items)).toEqual([0, 1, 2]);
  });

  it('finds the nearest point within the radius', () => {
    expect(nearestPoint(index, 2, 1, 5)).toBe(0);
    expect(nearestPoint(index, 20, 3, 8)).toBe(1); // d = sqrt(25 + 9) = 5.83 to point 1
    expect(nearestPoint(index, 12, 11, 5)).toBe(2);
  });

  it('returns -1 when nothing is inside the radius or the query is not finite', () => {
    expect(nearestPoint(index, 18, 30, 5)).toBe(-1);
    expect(nearestPoint(index, NaN, 0, 5)).toBe(-1);
    expect(nearestPoint(buildGridIndex(new Float32Array(0), new Float32Array(0), 10), 0, 0, 100)).toBe(-1);
  });

  it('prefers the lower index on an exact tie', () => {
    const tie = buildGridIndex(new Float32Array([10, 0]), new Float32Array([0, 0]), 4);
    expect(nearestPoint(tie, 5, 0, 6)).toBe(0);
  });

  it('agrees with brute force on 5,000 random points, with and without a filter', () => {
    const rng = createRng(7);
    const n = 5000;
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) [x[i], y[i]] = [rng.next() * 800, rng.next() * 500];
    const even = (i: number) => i % 2 === 0;
    const full = buildGridIndex(x, y, 12);
    const filtered = buildGridIndex(x, y, 12, even);
    for (let q = 0; q < 400; q++) {
      const [qx, qy] = [rng.next() * 840 - 20, rng.next() * 540 - 20];
      const r = 2 + rng.next() * 30;
      expect(nearestPoint(full, qx, qy, r)).toBe(bruteForce(x, y, qx, qy, r));
      expect(nearestPoint(filtered, qx, qy, r)).toBe(bruteForce(x, y, qx, qy, r, even));
    }
  });
});
