/**
 * The nearest-centroid rule k(x) behind the UniRoute (K-means) cluster map Phi: each prompt
 * embedding goes to its nearest centroid mu (Euclidean, float64 sums; ties to the lower index).
 */
import type { Matrix } from '../types';
import { checkMatrix } from './options';

/** Nearest of the k centroids (row-major, width d) for every point, and the sum of squared distances. */
export function nearestCentroids(points: Matrix, centroids: ArrayLike<number>, k: number): { assignments: Int32Array; inertia: number } {
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
  return nearestCentroids(points, centroids.data, centroids.rows).assignments;
}
