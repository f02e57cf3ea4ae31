/**
 * gamma(x, h): the predicted error of LLM h on prompt x, n x M row-major Float64Array.
 * UniRoute factorises gamma(x, h) = Phi(x) . Psi(h) (clusterMap . errorProfile).
 */
import { errorsFromScores, type ErrorProfiles } from './errorProfile';

export { knnGamma, knnNeighbours } from './knn';

/** UniRoute (K-means): Phi(x) is one-hot of the nearest centroid, so gamma(x, h) = Psi_{k(x)}(h). */
export function kmeansGamma(assignments: Int32Array, profiles: ErrorProfiles): Float64Array {
  const { k, m, psi } = profiles;
  const n = assignments.length;
  const gamma = new Float64Array(n * m);
  for (let p = 0; p < n; p++) {
    const c = assignments[p];
    if (c < 0 || c >= k) throw new RangeError(`cluster ${c} of prompt ${p} is outside [0, ${k})`);
    for (let h = 0; h < m; h++) gamma[p * m + h] = psi[h * k + c];
  }
  return gamma;
}

/** UniRoute (LearnedMap): gamma(x, h) = Phi(x) . Psi(h), with `phi` n x K cluster probabilities. */
export function softGamma(phi: Float64Array, profiles: ErrorProfiles): Float64Array {
  const { k, m, psi } = profiles;
  if (phi.length % k !== 0) throw new RangeError(`phi has ${phi.length} values, not a multiple of K = ${k}`);
  const n = phi.length / k;
  const gamma = new Float64Array(n * m);
  for (let p = 0; p < n; p++) {
    for (let h = 0; h < m; h++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += phi[p * k + c] * psi[h * k + c];
      gamma[p * m + h] = s;
    }
  }
  return gamma;
}

/** Oracle (an upper bound, not a router): gamma(x, h) = e(x, h) = 1 - score; NaN stays NaN. */
export function oracleGamma(scores: Float64Array): Float64Array {
  return errorsFromScores(scores);
}
