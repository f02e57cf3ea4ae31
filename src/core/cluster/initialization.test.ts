import { describe, expect, it } from 'vitest';
import { createSeedingKernel } from '../kernels/seedingKernel';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { gaussianBlobs } from './fixtures.test-util';
import { kmeansPlusPlus } from './initialization';
import { kmeansPlusPlusReference } from './seeding.test-util';

function randomRows(rows: number, cols: number, seed: number, scale = 1): Matrix {
  const rng = createRng(seed);
  return { rows, cols, data: Float32Array.from({ length: rows * cols }, () => (rng.next() * 2 - 1) * scale) };
}

const rowsOf = (m: Matrix, idx: number[]): Float32Array => {
  const out = new Float32Array(idx.length * m.cols);
  idx.forEach((r, i) => out.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols));
  return out;
};

/** kmeansPlusPlus against the reference: the same rows, and the generators left in the same state. */
function expectReferenceSeeding(points: Matrix, k: number, seed: number): void {
  const rng = createRng(seed);
  const refRng = createRng(seed);
  const got = kmeansPlusPlus(points, k, rng);
  const want = kmeansPlusPlusReference(points, k, refRng);
  expect(got.data).toEqual(rowsOf(points, want));
  expect(rng.next()).toBe(refRng.next());
}

/** Plain float64 D(x)^2 to the nearest of `centres`. */
function plainNearest(points: Matrix, centres: number[]): number[] {
  const d = points.cols;
  return Array.from({ length: points.rows }, (_, i) => {
    let best = Infinity;
    for (const c of centres) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = points.data[i * d + j] - points.data[c * d + j];
        s += t * t;
      }
      best = Math.min(best, s);
    }
    return best;
  });
}

describe('k-means++ seeding', () => {
  it('chooses the reference centres for the same seed, on the kernel and in plain TypeScript', () => {
    for (const [n, d, k] of [
      [50, 3, 4], // plain TypeScript (small)
      [600, 20, 30], // kernel, rows padded from 20 to 32 floats
      [1000, 17, 20],
      [2000, 64, 50],
      [600, 1, 600], // K = N
    ])
      for (const seed of [0, 1, 7]) expectReferenceSeeding(randomRows(n, d, 100 * n + d + seed), k, seed);
    for (const seed of [2, 3]) expectReferenceSeeding(gaussianBlobs(12, 200, 24, 0.5, seed), 40, seed);
  });

  it('chooses the reference centres on degenerate data: duplicates, all points equal, K past the distinct points', () => {
    const base = randomRows(30, 24, 9);
    const dup: Matrix = {
      rows: 900,
      cols: 24,
      data: rowsOf(
        base,
        Array.from({ length: 900 }, (_, i) => (i * 7) % 30),
      ),
    };
    for (const seed of [0, 5]) {
      expectReferenceSeeding(dup, 30, seed);
      expectReferenceSeeding(dup, 45, seed); // all D^2 = 0 after the 30 distinct rows: uniform draws
    }
    const same: Matrix = { rows: 800, cols: 24, data: rowsOf(base, Array(800).fill(4)) };
    expectReferenceSeeding(same, 10, 1);
    // Neighbours one float32 step apart, and values whose float32 squares underflow or overflow.
    const close = randomRows(700, 32, 3);
    for (let i = 1; i < 700; i += 2) {
      close.data.copyWithin(i * 32, (i - 1) * 32, i * 32);
      close.data[i * 32 + (i % 32)] = Math.fround(close.data[i * 32 + (i % 32)] * (1 + 2 ** -23));
    }
    expectReferenceSeeding(close, 60, 4);
    expectReferenceSeeding(randomRows(600, 32, 5, 1e-25), 30, 6);
    expectReferenceSeeding(randomRows(600, 32, 6, 1e25), 30, 7);
  });

  it('keeps D(x)^2 the plain float64 sums where float32 cannot tell two centres apart', () => {
    // Points almost equidistant from centres 0 and 1: their float64 distances differ by about 1e-7
    // relative, below the float32 sums' rounding, so only the exact sums can pick the nearer.
    const d = 48;
    const rng = createRng(11);
    const a = Array.from({ length: d }, () => rng.next() * 2 - 1);
    const b = Array.from({ length: d }, () => rng.next() * 2 - 1);
    const axis = a.map((v, j) => v - b[j]);
    const axisSq = axis.reduce((s, v) => s + v * v, 0);
    const rows = [a, b];
    for (let i = 0; i < 2000; i++) {
      const v = Array.from({ length: d }, () => rng.next() * 2 - 1);
      const along = v.reduce((s, x, j) => s + x * axis[j], 0) / axisSq;
      const tilt = (rng.next() - 0.5) * 1e-7;
      rows.push(v.map((x, j) => (a[j] + b[j]) / 2 + x - (along - tilt) * axis[j]));
    }
    const points: Matrix = { rows: rows.length, cols: d, data: Float32Array.from(rows.flat()) };
    const kernel = createSeedingKernel(points)!;
    expect(kernel.add(0)).toBe(points.rows); // nothing rules a point out before the first centre
    const exact = kernel.add(1);
    expect(Array.from(kernel.nearest)).toEqual(plainNearest(points, [0, 1]));
    // Both centres win somewhere, and the near ties all went to the exact sums.
    const first = plainNearest(points, [0]);
    const second = plainNearest(points, [1]);
    expect(first.some((v, i) => v < second[i])).toBe(true);
    expect(second.some((v, i) => v < first[i])).toBe(true);
    expect(exact).toBeGreaterThanOrEqual(2000);
  });

  it('computes the exact sum only for points the new centre could bring nearer', () => {
    const blobs = gaussianBlobs(8, 250, 32, 0.3, 4);
    const kernel = createSeedingKernel(blobs)!;
    const centres = [0, 1, 2, 3, 4, 5, 6, 7]; // one point of each blob (rows go round the blobs)
    kernel.add(centres[0]);
    let total = 0;
    for (const c of centres.slice(1)) {
      const before = Float64Array.from(kernel.nearest);
      const count = kernel.add(c);
      const improved = kernel.nearest.filter((v, i) => v < before[i]).length;
      // Only the points that come nearer, and a few whose float32 distance is too close to call.
      expect(count).toBeGreaterThanOrEqual(improved);
      expect(count).toBeLessThanOrEqual(improved + 20);
      total += count;
    }
    expect(Array.from(kernel.nearest)).toEqual(plainNearest(blobs, centres));
    expect(total).toBeLessThan(blobs.rows * 3);
    expect(() => kernel.add(blobs.rows)).toThrow('centre must be a point in 0..1999');
  });
});
