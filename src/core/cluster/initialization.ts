/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007) of the centroids mu_1..mu_K.
 */
import type { Rng } from '../rng';
import type { Matrix } from '../types';
import { checkK, checkMatrix } from './options';

function squaredDistance(data: Float32Array, a: number, b: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = data[a * d + j] - data[b * d + j];
    s += diff * diff;
  }
  return s;
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
  checkK(k, points.rows);
  const { rows: n, cols: d, data } = points;
  const chosen = [rng.int(n)];
  const minD2 = new Float64Array(n);
  for (let i = 0; i < n; i++) minD2[i] = squaredDistance(data, i, chosen[0], d);
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
    for (let i = 0; i < n; i++) {
      const dist = squaredDistance(data, i, next, d);
      if (dist < minD2[i]) minD2[i] = dist;
    }
  }
  const out = new Float32Array(k * d);
  chosen.forEach((p, c) => out.set(data.subarray(p * d, (p + 1) * d), c * d));
  return { rows: k, cols: d, data: out };
}
