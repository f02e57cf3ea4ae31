/**
 * The starting point of the learned cluster map Phi (UniRoute LearnedMap): the soft K-means
 * assignment around the centroids mu, and our default temperature tau for it.
 */
import type { Matrix } from '../types';
import type { ClusterMap } from './clusterMap';

/**
 * Phi initialised as a soft K-means assignment: theta_k = 2 mu_k / tau, bias_k = -|mu_k|^2 / tau,
 * so Phi(x) = softmax_k(-|x - mu_k|^2 / tau) (the |x|^2 term is common to every k and cancels).
 */
export function initClusterMap(centroids: Matrix, tau: number): ClusterMap {
  if (!(tau > 0) || !Number.isFinite(tau)) throw new Error(`tau must be a positive number, got ${tau}`);
  const { rows: k, cols: dim, data } = centroids;
  if (k < 1) throw new Error('initClusterMap needs at least one centroid');
  const theta = new Float32Array(k * (dim + 1));
  for (let c = 0; c < k; c++) {
    let sq = 0;
    for (let d = 0; d < dim; d++) {
      const m = data[c * dim + d];
      theta[c * (dim + 1) + d] = (2 * m) / tau;
      sq += m * m;
    }
    theta[c * (dim + 1) + dim] = -sq / tau;
  }
  return { k, dim, theta };
}

/** At most this many prompts (an even stride) are looked at by defaultTau. */
const TAU_SAMPLE = 4096;

/**
 * Our default temperature (the paper gives none): the median over prompts of the squared-distance
 * margin between the nearest and the second-nearest centroid, divided by ln 10. A prompt with the
 * median margin then starts 10x likelier in its K-means cluster than in the runner-up: close to
 * hard K-means (the map starts where UniRoute K-means is) yet soft enough for gradients to flow.
 * Falls back to the mean nearest squared distance, then to 1, when margins are all zero (K = 1,
 * duplicate centroids or no prompts).
 */
export function defaultTau(x: Matrix, centroids: Matrix): number {
  const { rows: k, cols: dim } = centroids;
  if (x.cols !== dim) throw new Error(`prompts have ${x.cols} columns but centroids have ${dim}`);
  const stride = Math.max(1, Math.ceil(x.rows / TAU_SAMPLE));
  const margins: number[] = [];
  let nearestSum = 0;
  let visited = 0;
  for (let r = 0; r < x.rows; r += stride) {
    visited++;
    let best = Infinity;
    let second = Infinity;
    for (let c = 0; c < k; c++) {
      let d2 = 0;
      for (let d = 0; d < dim; d++) {
        const diff = x.data[r * dim + d] - centroids.data[c * dim + d];
        d2 += diff * diff;
      }
      if (d2 < best) {
        second = best;
        best = d2;
      } else if (d2 < second) second = d2;
    }
    nearestSum += best;
    if (Number.isFinite(second)) margins.push(second - best);
  }
  margins.sort((a, b) => a - b);
  const median = margins.length > 0 ? margins[Math.floor(margins.length / 2)] : 0;
  if (median > 0) return median / Math.LN10;
  const meanNearest = visited > 0 ? nearestSum / visited : 0;
  return meanNearest > 0 && Number.isFinite(meanNearest) ? meanNearest : 1;
}
