/**
 * Plain-TypeScript k-means: the reference the tfjs Lloyd is tested against on every backend, and
 * the nearest-centroid rule k(x) behind the UniRoute (K-means) cluster map Phi.
 * Distances and means accumulate in float64; centroids are returned as Float32 like every Matrix.
 */
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { kmeansPlusPlus } from './initialization';
import {
  checkMatrix,
  hasConverged,
  type KMeansIteration,
  type KMeansOptions,
  type KMeansResult,
  resolveKMeansOptions,
  shiftThreshold,
} from './options';

interface Assignment {
  assignments: Int32Array;
  inertia: number;
}

/** Nearest of the k centroids (row-major, width d) for every point; ties go to the lower index. */
function nearest(points: Matrix, centroids: ArrayLike<number>, k: number): Assignment {
  const { rows: n, cols: d, data } = points;
  const assignments = new Int32Array(n);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let bestC = 0;
    const xi = i * d;
    for (let c = 0; c < k; c++) {
      const cc = c * d;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = data[xi + j] - centroids[cc + j];
        s += diff * diff;
      }
      if (s < best) {
        best = s;
        bestC = c;
      }
    }
    assignments[i] = bestC;
    inertia += best;
  }
  return { assignments, inertia };
}

/** Nearest centroid (Euclidean) of every point; ties go to the lower centroid index. */
export function assignNearest(points: Matrix, centroids: Matrix): Int32Array {
  checkMatrix(points, 'points');
  checkMatrix(centroids, 'centroids');
  if (centroids.cols !== points.cols) {
    throw new Error(`centroids have ${centroids.cols} columns but the points have ${points.cols}`);
  }
  return nearest(points, centroids.data, centroids.rows).assignments;
}

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

/** Lloyd's k-means in plain TypeScript, with the stopping rule documented in options.ts. */
export function kmeansReference(points: Matrix, options: KMeansOptions): KMeansResult {
  const o = resolveKMeansOptions(points, options);
  const { k } = o;
  const init = o.initialCentroids ?? kmeansPlusPlus(points, k, createRng(o.seed));
  const threshold = shiftThreshold(points, o.tolerance);
  let centroids: Float64Array = Float64Array.from(init.data);
  let previous: Int32Array | undefined;
  let last: Assignment | undefined;
  const history: KMeansIteration[] = [];
  let converged = false;
  for (let iteration = 1; iteration <= o.maxIterations; iteration++) {
    const step = nearest(points, centroids, k);
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
  const final = last !== undefined && history[history.length - 1].changed === 0 ? last : nearest(points, centroids, k);
  return {
    k,
    dim: points.cols,
    centroids: { rows: k, cols: points.cols, data: Float32Array.from(centroids) },
    assignments: final.assignments,
    inertia: final.inertia,
    iterations: history.length,
    converged,
    history,
    engine: 'reference',
  };
}
