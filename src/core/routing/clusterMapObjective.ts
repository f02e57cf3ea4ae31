/**
 * The training objective of the learned cluster map Phi (UniRoute LearnedMap), defined once:
 *   L(theta) = mean over observed (x, h) of BCE(clip(gamma(x, h)), e(x, h)) + l2 * sum(theta^2),
 *   gamma(x, h) = Phi(x; theta) . Psi(h),  clip to [GAMMA_CLIP, 1 - GAMMA_CLIP].
 * Mean, not the paper's sum, so the learning rate does not depend on the data size; where gamma is
 * clipped the gradient is 0, as in tf.clipByValue. The per-label pieces below are what the SIMD
 * trainer (clusterMapSimd.ts) calls; clusterMapLoss / clusterMapGradient are the float64
 * reference over a whole set; the tfjs trainer writes the same formula in tensor ops
 * (clusterMapTf.ts). Every trainer is tested against clusterMapGradient (clusterMapObjective.test.ts).
 */
import type { Matrix } from '../types';
import { clusterMapRowProbs, type ClusterMapParams } from './clusterMap';

/** gamma is clipped to [GAMMA_CLIP, 1 - GAMMA_CLIP] before the log loss (our choice, UNIROUTE.md). */
export const GAMMA_CLIP = 1e-6;

/** BCE of one observed label e in [0, 1] at gamma (clipped first). */
export function labelLoss(gamma: number, e: number): number {
  const g = gamma < GAMMA_CLIP ? GAMMA_CLIP : gamma > 1 - GAMMA_CLIP ? 1 - GAMMA_CLIP : gamma;
  // e = 0 or 1 (the usual case) skips a log whose weight is 0.
  return -((e !== 0 ? e * Math.log(g) : 0) + (e !== 1 ? (1 - e) * Math.log(1 - g) : 0));
}

/** d labelLoss / d gamma: 0 where gamma is clipped. */
export function labelLossGradient(gamma: number, e: number): number {
  if (gamma < GAMMA_CLIP || gamma > 1 - GAMMA_CLIP) return 0;
  return -e / gamma + (1 - e) / (1 - gamma);
}

/** The mean's denominator: the number of observed labels (at least 1). */
export const lossNormaliser = (observed: number): number => Math.max(observed, 1);

/** l2 * sum(theta^2); its gradient is 2 l2 theta. */
export function l2Penalty(theta: ArrayLike<number>, l2: number): number {
  let s = 0;
  for (let i = 0; i < theta.length; i++) s += theta[i] * theta[i];
  return l2 * s;
}

/** A labelled set for the loss: prompts x (n x D), errors e(x,h) (n x H, NaN = missing), Psi (H x K). */
export interface ClusterMapData {
  x: Matrix;
  errors: Float64Array;
  /** Psi model-major: psi[h * K + k]. */
  psi: Float64Array;
}

/** Number of LLMs H implied by the data, after checking every shape against the map. */
function checkData(data: ClusterMapData, map: ClusterMapParams): number {
  const { x, errors, psi } = data;
  if (!(map.k >= 1) || !(map.dim >= 0) || map.theta.length !== map.k * (map.dim + 1)) {
    throw new Error(`theta has ${map.theta.length} values, expected K x (D+1) = ${map.k} x ${map.dim + 1}`);
  }
  if (x.cols !== map.dim) throw new Error(`prompts have ${x.cols} columns but the map expects ${map.dim}`);
  if (psi.length % map.k !== 0) throw new Error(`psi has ${psi.length} values, not a multiple of K = ${map.k}`);
  const h = psi.length / map.k;
  if (errors.length !== x.rows * h) {
    throw new Error(`errors have ${errors.length} values, expected prompts x LLMs = ${x.rows} x ${h}`);
  }
  return h;
}

/** The objective L and its analytic gradient with respect to theta, in float64 (the reference). */
export function clusterMapGradient(data: ClusterMapData, map: ClusterMapParams, l2 = 0): { loss: number; gradient: Float64Array } {
  return lossAndGradient(data, map, l2, true);
}

/** The objective L without the gradient. */
export function clusterMapLoss(data: ClusterMapData, map: ClusterMapParams, l2 = 0): number {
  return lossAndGradient(data, map, l2, false).loss;
}

function lossAndGradient(
  data: ClusterMapData,
  map: ClusterMapParams,
  l2: number,
  wantGradient: boolean,
): { loss: number; gradient: Float64Array } {
  const h = checkData(data, map);
  const { k, dim, theta } = map;
  const { x, errors, psi } = data;
  let observed = 0;
  for (let i = 0; i < errors.length; i++) if (!Number.isNaN(errors[i])) observed++;
  const norm = lossNormaliser(observed);
  const gradient = new Float64Array(wantGradient ? theta.length : 0);
  const phi = new Float64Array(k);
  const dPhi = new Float64Array(k);
  let total = 0;
  for (let r = 0; r < x.rows; r++) {
    clusterMapRowProbs(x, r, map, phi);
    dPhi.fill(0);
    for (let m = 0; m < h; m++) {
      const e = errors[r * h + m];
      if (Number.isNaN(e)) continue;
      let gamma = 0;
      for (let c = 0; c < k; c++) gamma += phi[c] * psi[m * k + c];
      total += labelLoss(gamma, e);
      if (!wantGradient) continue;
      const dGamma = labelLossGradient(gamma, e) / norm;
      for (let c = 0; c < k; c++) dPhi[c] += dGamma * psi[m * k + c];
    }
    if (!wantGradient) continue;
    // Softmax backward: dL/dz_k = Phi_k (dL/dPhi_k - sum_j Phi_j dL/dPhi_j).
    let dot = 0;
    for (let c = 0; c < k; c++) dot += phi[c] * dPhi[c];
    for (let c = 0; c < k; c++) {
      const dz = phi[c] * (dPhi[c] - dot);
      const base = c * (dim + 1);
      for (let d = 0; d < dim; d++) gradient[base + d] += dz * x.data[r * dim + d];
      gradient[base + dim] += dz;
    }
  }
  if (wantGradient) for (let i = 0; i < theta.length; i++) gradient[i] += 2 * l2 * theta[i];
  return { loss: total / norm + l2Penalty(theta, l2), gradient };
}
