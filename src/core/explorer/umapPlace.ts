/**
 * Places prompts that UMAP was not fitted on, the way UMAP's `transform` starts them: at the mean of
 * their k nearest fitted prompts' map positions, weighted by UMAP's membership strengths
 * exp(-d_j / sigma), with sigma chosen so the strengths of neighbours 2..k sum to log2(k)
 * (smooth_knn_dist with local connectivity 0, as transform uses), then l1-normalised. The
 * neighbours are exact (given), so a prompt always lands in the part of the map where its true
 * neighbours are.
 */
import type { KnnResult } from './knn';

const SMOOTH_K_TOLERANCE = 1e-5;
const MIN_K_DIST_SCALE = 1e-3;
const ITERATIONS = 64;

/** UMAP's sigma for one row of ascending neighbour distances (rho = 0: transform's local connectivity 0). */
export function smoothSigma(distances: ArrayLike<number>): number {
  const k = distances.length;
  const target = Math.log2(k);
  let lo = 0;
  let hi = Infinity;
  let mid = 1;
  for (let n = 0; n < ITERATIONS; n++) {
    let psum = 0;
    for (let j = 1; j < k; j++) psum += distances[j] > 0 ? Math.exp(-distances[j] / mid) : 1;
    if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) break;
    if (psum > target) {
      hi = mid;
      mid = (lo + hi) / 2;
    } else {
      lo = mid;
      mid = hi === Infinity ? mid * 2 : (lo + hi) / 2;
    }
  }
  let mean = 0;
  for (let j = 0; j < k; j++) mean += distances[j] / k;
  return Math.max(mid, MIN_K_DIST_SCALE * mean);
}

/**
 * Map positions of the query rows of `knn` (neighbours indexed into `fitted`, n x 2 interleaved):
 * the membership-weighted mean of their neighbours' positions, n x 2 interleaved.
 */
export function placeByNeighbours(knn: KnnResult, fitted: ArrayLike<number>): Float32Array {
  const { k, rows, distances } = knn;
  const n = rows.length / k;
  const out = new Float32Array(2 * n);
  for (let q = 0; q < n; q++) {
    const d = distances.subarray(q * k, (q + 1) * k);
    const sigma = smoothSigma(d);
    let total = 0;
    let x = 0;
    let y = 0;
    for (let j = 0; j < k; j++) {
      const w = d[j] > 0 ? Math.exp(-d[j] / sigma) : 1;
      const r = rows[q * k + j];
      total += w;
      x += w * fitted[2 * r];
      y += w * fitted[2 * r + 1];
    }
    out[2 * q] = x / total;
    out[2 * q + 1] = y / total;
  }
  return out;
}
