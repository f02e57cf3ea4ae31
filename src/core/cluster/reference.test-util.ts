/**
 * The float64 k-means reference of the tests (never used by the app): plain-TypeScript Lloyd on
 * the raw points with distances and means in float64, the same seeding, stopping rule and result
 * semantics as the driver (options.ts). Every engine is tested against it.
 */
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { centrePoints } from './centre';
import { kmeansPlusPlus } from './initialization';
import { nearestCentroids } from './nearest';
import { hasConverged, type KMeansIteration, type KMeansOptions, type KMeansResult, resolveKMeansOptions } from './options';

/** Means of the assigned points; an empty cluster keeps its previous centroid. */
function update(points: Matrix, assignments: Int32Array, previous: Float64Array, k: number): Float64Array {
  const { rows: n, cols: d, data } = points;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = assignments[i];
    counts[c] += 1;
    for (let j = 0; j < d; j++) sums[c * d + j] += data[i * d + j];
  }
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) sums[c * d + j] = counts[c] > 0 ? sums[c * d + j] / counts[c] : previous[c * d + j];
  }
  return sums;
}

/** Lloyd's k-means in float64 plain TypeScript, with the stopping rule documented in options.ts. */
export function kmeansReference(points: Matrix, options: KMeansOptions): KMeansResult {
  const o = resolveKMeansOptions(points, options);
  const { k } = o;
  const init = o.initialCentroids ?? kmeansPlusPlus(points, k, createRng(o.seed));
  const { threshold } = centrePoints(points, o.tolerance);
  let centroids: Float64Array = Float64Array.from(init.data);
  let previous: Int32Array | undefined;
  let last: ReturnType<typeof nearestCentroids> | undefined;
  const history: KMeansIteration[] = [];
  let converged = false;
  for (let iteration = 1; iteration <= o.maxIterations; iteration++) {
    const step = nearestCentroids(points, centroids, k);
    let changed = 0;
    for (let i = 0; i < points.rows; i++) if (previous === undefined || step.assignments[i] !== previous[i]) changed++;
    const next = update(points, step.assignments, centroids, k);
    let shift = 0;
    for (let j = 0; j < next.length; j++) shift += (next[j] - centroids[j]) ** 2;
    const it = { iteration, inertia: step.inertia, shift, changed };
    history.push(it);
    centroids = next;
    previous = step.assignments;
    last = step;
    if (hasConverged(it, threshold)) {
      converged = true;
      break;
    }
  }
  // Unchanged assignments leave the centroids where they were: the last step is still current.
  const final = last !== undefined && history[history.length - 1].changed === 0 ? last : nearestCentroids(points, centroids, k);
  return {
    k,
    dim: points.cols,
    centroids: { rows: k, cols: points.cols, data: Float32Array.from(centroids) },
    assignments: final.assignments,
    inertia: final.inertia,
    iterations: history.length,
    converged,
    history,
  };
}
