/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007) of the centroids mu_1..mu_K.
 */
import { createSeedingKernel, type SeedingKernel } from '../kernels/seedingKernel';
import type { Rng } from '../rng';
import type { Matrix } from '../types';
import { checkK, checkMatrix } from './options';

/** From this many point-centre-dimension products on, the SIMD kernel updates D(x)^2 (the same values). */
const KERNEL_MIN_WORK = 1 << 18;

/**
 * D(x)^2 kept in plain TypeScript: the float64 left-to-right sum of squared differences, the
 * definition the kernel (kernels/seedingKernel.ts) reproduces, for small problems and engines
 * without WebAssembly SIMD.
 */
function plainDistances(points: Matrix): SeedingKernel {
  const { rows: n, cols: d, data } = points;
  const nearest = new Float64Array(n).fill(Infinity);
  return {
    nearest,
    add(c) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) {
          const diff = data[i * d + j] - data[c * d + j];
          s += diff * diff;
        }
        if (s < nearest[i]) nearest[i] = s;
      }
      return n;
    },
  };
}

/**
 * k-means++: the first centre is a uniformly drawn point (rng.int), each next one a single draw
 * (rng.next) with probability proportional to D(x)^2, the squared distance to the nearest centre
 * chosen so far. One candidate per step: scikit-learn's greedy variant tries 2 + ln K candidates
 * and keeps the best; the plain rule keeps the O(log K) guarantee and is easier to reproduce.
 * When every point already coincides with a centre (all D^2 = 0) the next centre is drawn
 * uniformly, so duplicates are then unavoidable. Returns K x D rows copied from the points.
 */
export function kmeansPlusPlus(points: Matrix, k: number, rng: Rng): Matrix {
  checkMatrix(points, 'points');
  return seedPlusPlus(points, k, rng);
}

/** kmeansPlusPlus for a caller that has checked the points' values already (the driver's mean pass does). */
export function seedPlusPlus(points: Matrix, k: number, rng: Rng): Matrix {
  checkK(k, points.rows);
  const { rows: n, cols: d, data } = points;
  const distances = (n * d * k >= KERNEL_MIN_WORK && createSeedingKernel(points)) || plainDistances(points);
  const minD2 = distances.nearest;
  const chosen = [rng.int(n)];
  distances.add(chosen[0]);
  while (chosen.length < k) {
    let total = 0;
    for (let i = 0; i < n; i++) total += minD2[i];
    let next = -1;
    if (total > 0) {
      let r = rng.next() * total;
      for (let i = 0; i < n; i++) {
        if (minD2[i] <= 0) continue;
        next = i; // the last point with weight stands in if rounding leaves r >= 0 at the end
        r -= minD2[i];
        if (r < 0) break;
      }
    } else {
      next = rng.int(n);
    }
    chosen.push(next);
    distances.add(next);
  }
  const out = new Float32Array(k * d);
  chosen.forEach((p, c) => out.set(data.subarray(p * d, (p + 1) * d), c * d));
  return { rows: k, cols: d, data: out };
}
