import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import type { Matrix } from '../types';
import { createElkanKernel, ELKAN_FULL_PASS_MOVED, elkanLayout } from './elkanKernel';
import { createLloydKernel, type LloydStep } from './lloydKernel';

const m = (rows: number[][]): Matrix => ({ rows: rows.length, cols: rows[0].length, data: Float32Array.from(rows.flat()) });

/** Lloyd's update as the driver does it: means, an empty cluster keeps its centroid. */
function update(step: LloydStep, previous: Float32Array, dim: number): Float32Array {
  const out = new Float32Array(previous.length);
  step.counts.forEach((count, c) => {
    for (let j = 0; j < dim; j++) out[c * dim + j] = count > 0 ? step.sums[c * dim + j] / count : previous[c * dim + j];
  });
  return out;
}

function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return worst;
}

/**
 * Runs both kernels on the same sequence of centroids (`next` makes step t+1's from the plain
 * kernel's step t) and checks every step: the same assignments and counts as the plain kernel, sums
 * and inertia to float32 rounding. Returns the bounded kernel's distance counts per step.
 */
async function expectSameSteps(
  points: Matrix,
  k: number,
  start: Float32Array,
  steps: number,
  next: (step: LloydStep, mu: Float32Array, t: number) => Float32Array,
  history?: number,
): Promise<number[]> {
  const plain = await createLloydKernel(points, k);
  const bounded = await createElkanKernel(points, k, history);
  const distances: number[] = [];
  let mu = start;
  for (let t = 0; t < steps; t++) {
    const want = plain.step(mu);
    const got = bounded.step(mu);
    expect(Array.from(got.assignments), `step ${t}`).toEqual(Array.from(want.assignments));
    expect(Array.from(got.counts), `step ${t}`).toEqual(Array.from(want.counts));
    expect(relDiff(got.sums, want.sums), `step ${t}`).toBeLessThan(1e-4);
    expect(Math.abs(got.inertia - want.inertia) / Math.max(1, want.inertia), `step ${t}`).toBeLessThan(1e-5);
    distances.push(got.distances);
    mu = next(want, mu, t);
  }
  plain.dispose();
  bounded.dispose();
  return distances;
}

/** Gaussian blobs: `k` centres N(0, 1) per dimension, noise `sd`; point i in blob i % k. */
function blobs(n: number, dim: number, k: number, sd: number, rng: Rng): Matrix {
  const centres = Array.from({ length: k * dim }, () => rng.normal());
  const data = Float32Array.from({ length: n * dim }, (_, i) => centres[(Math.floor(i / dim) % k) * dim + (i % dim)] + sd * rng.normal());
  return { rows: n, cols: dim, data };
}

describe("the bounded Lloyd kernel (Elkan's bounds)", () => {
  it('gives the plain kernel every step of a Lloyd run, computing fewer distances once the centroids settle', async () => {
    // Overlapping blobs in 40 dims (padded to 40; K = 13 padded to 16): points keep moving for many
    // steps, so most steps are bounded passes; N spans several chunks and an odd last tile.
    const rng = createRng(3);
    const points = blobs(2503, 40, 13, 1.2, rng);
    const start = points.data.slice(0, 13 * 40);
    const distances = await expectSameSteps(points, 13, start, 25, (s, mu) => update(s, mu, 40));
    const full = points.rows * 13;
    expect(distances[0]).toBe(full);
    expect(distances[24]).toBeLessThan(0.5 * full); // the bounds rule out most distances late in the run
  });

  it('breaks an exact tie to the lower index in a bounded step, and keeps an empty cluster empty', async () => {
    // q = (1, 0) starts in cluster 1 ((2,0) is nearer than (-0.5,0)); then mu0 = (0,0) and mu1 = (2,0)
    // are both at distance 1 from q, exactly in float32: the plain kernel takes cluster 0.
    // Eight points, so one move is 1/8 of them, and (100,100) never gets a point.
    const points = m([
      [1, 0],
      [-3, 0],
      [-3, 1],
      [-3, -1],
      [6, 0],
      [6, 1],
      [6, -1],
      [6, 2],
    ]);
    const before = Float32Array.from([-0.5, 0, 2, 0, 6, 0.5, 100, 100]);
    const tie = Float32Array.from([0, 0, 2, 0, 6, 0.5, 100, 100]);
    const plain = await createLloydKernel(points, 4);
    const bounded = await createElkanKernel(points, 4);
    for (const mu of [before, before, before, tie]) {
      const want = plain.step(mu);
      const got = bounded.step(mu);
      expect(Array.from(got.assignments)).toEqual(Array.from(want.assignments));
      expect(Array.from(got.counts)).toEqual(Array.from(want.counts));
      expect(Array.from(got.sums)).toEqual(Array.from(want.sums));
    }
    expect(Array.from(bounded.step(tie).assignments)).toEqual([0, 0, 0, 0, 2, 2, 2, 2]);
    expect(Array.from(bounded.step(before).assignments)).toEqual([1, 0, 0, 0, 2, 2, 2, 2]);
    expect(ELKAN_FULL_PASS_MOVED).toBeGreaterThanOrEqual(1 / 8); // so the last steps were bounded passes
  });

  it('answers a cluster that loses all its points, and centroids that jump back and forth', async () => {
    const rng = createRng(5);
    const points = blobs(600, 32, 6, 0.6, rng);
    const start = points.data.slice(0, 6 * 32);
    // Every third step centroid 5 jumps far away (its points move to others), then comes back.
    const far = (mu: Float32Array, t: number): Float32Array => {
      const out = mu.slice();
      if (t % 3 === 1) for (let j = 0; j < 32; j++) out[5 * 32 + j] = 50;
      return out;
    };
    await expectSameSteps(points, 6, start, 15, (s, mu, t) => far(update(s, mu, 32), t));
  });

  it('recomputes a point whose bounds are older than the history ring, with drifting centroids', async () => {
    // 300 points on a line, two centroids drifting right by 0.04 a step: points far from the
    // boundary are skipped for many steps while the drift piles up; a history of 4 steps makes
    // them expire and be recomputed in full (stale displacements would wrongly keep them).
    const points: Matrix = { rows: 300, cols: 32, data: new Float32Array(300 * 32) };
    for (let i = 0; i < 300; i++) points.data[i * 32] = -3 + (6 * i) / 299;
    const mu = (t: number): Float32Array => {
      const out = new Float32Array(2 * 32);
      out[0] = -1 + 0.04 * t;
      out[32] = 1 + 0.04 * t;
      return out;
    };
    for (const history of [4, 32]) {
      const distances = await expectSameSteps(points, 2, mu(0), 40, (_, __, t) => mu(t + 1), history);
      expect(distances[39]).toBeLessThan(300 * 2);
    }
    expect(() => elkanLayout(10, 3, 2, 4)).not.toThrow();
    await expect(createElkanKernel(points, 2, 6)).rejects.toThrow('history must be a power of two, got 6');
  });

  it('matches the plain kernel on integer grids full of exact ties, under small random moves', async () => {
    // Points and centroids on a half-integer grid: many points are exactly equidistant from two
    // centroids at every step, and the centroids move by +-0.5 on one axis at a time.
    const rng = createRng(11);
    const dim = 33;
    const n = 1500;
    const points: Matrix = { rows: n, cols: dim, data: Float32Array.from({ length: n * dim }, () => Math.floor(rng.next() * 5)) };
    const k = 9;
    const start = Float32Array.from({ length: k * dim }, () => Math.floor(rng.next() * 10) / 2);
    const walk = (_: LloydStep, mu: Float32Array): Float32Array => {
      const out = mu.slice();
      out[Math.floor(rng.next() * out.length)] += rng.next() < 0.5 ? -0.5 : 0.5;
      return out;
    };
    const distances = await expectSameSteps(points, k, start, 30, walk);
    expect(distances[29]).toBeLessThan(n * k);
  });

  it('decides ties that only float32 rounding breaks exactly as the plain kernel does', async () => {
    // mu0 = v + w and mu1 = v - w with w = 0.5 s (s_j = +-1); every point is x = v + p with
    // p = (r s0, -r s1, r' s2, -r' s3, ...), so p.w = 0 and x is exactly equidistant from both (all
    // values are multiples of 2^-14 below 8: x, mu are exact in float32, the products are not). The
    // plain kernel's choice between them comes from the rounding of its sums; the bounded pass sums
    // in another order, so it must see the near tie and use the plain kernel's arithmetic.
    const rng = createRng(17);
    const grid = (x: number): number => Math.round(x * 2 ** 14) / 2 ** 14;
    const dim = 64;
    const v = Array.from({ length: dim }, () => grid(2 * rng.normal()));
    const sign = Array.from({ length: dim }, () => (rng.next() < 0.5 ? -1 : 1));
    const n = 400;
    const points: Matrix = { rows: n, cols: dim, data: new Float32Array(n * dim) };
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < dim; j += 2) {
        const r = grid(rng.normal());
        points.data[i * dim + j] = v[j] + r * sign[j];
        points.data[i * dim + j + 1] = v[j + 1] - r * sign[j + 1];
      }
    }
    const mu = new Float32Array(3 * dim);
    for (let j = 0; j < dim; j++) {
      mu[j] = v[j] + 0.5 * sign[j];
      mu[dim + j] = v[j] - 0.5 * sign[j];
      mu[2 * dim + j] = v[j] + 40;
    }
    const counts = (await createLloydKernel(points, 3)).step(mu).counts;
    expect(counts[0]).toBeGreaterThan(20); // the rounding sends points both ways
    expect(counts[1]).toBeGreaterThan(20);
    const distances = await expectSameSteps(points, 3, mu, 4, (_, same) => same);
    expect(distances[2]).toBeLessThan(n * 3 * 2); // a bounded pass (its near ties recomputed in full)
  });

  it('rejects centroids of the wrong size and steps after dispose', async () => {
    const kernel = await createElkanKernel(
      m([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
      2,
    );
    expect(() => kernel.step(new Float32Array(3))).toThrow('centroids must hold k x dim = 2 x 2 values, got 3');
    kernel.dispose();
    expect(() => kernel.step(new Float32Array(4))).toThrow('disposed');
  });
});
