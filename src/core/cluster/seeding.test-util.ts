/**
 * The k-means++ seeding as first written (one float64 distance per point and centre, no kernel),
 * kept only for the tests: kmeansPlusPlus must choose exactly its centres for the same rng.
 */
import type { Rng } from '../rng';
import type { Matrix } from '../types';

function squaredDistance(data: Float32Array, a: number, b: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = data[a * d + j] - data[b * d + j];
    s += diff * diff;
  }
  return s;
}

/** The chosen point indices, in order, of k-means++ (the first uniform, each next by D(x)^2). */
export function kmeansPlusPlusReference(points: Matrix, k: number, rng: Rng): number[] {
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
        next = i;
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
  return chosen;
}
