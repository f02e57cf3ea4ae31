/**
 * Error profiles Psi(h): each LLM's per-cluster error rate on the validation prompts S_val
 * (UniRoute, arXiv 2502.08773; see shared UNIROUTE.md). Psi is model-major: psi[h * K + k].
 */
import { meanScored } from '../stats';

/** Psi for an LLM pool: psi[h * k + c] = Psi_c(h), counts[h * k + c] = n_c(h), overall[h]. */
export interface ErrorProfiles {
  /** Number of clusters K. */
  k: number;
  /** Number of LLMs M. */
  m: number;
  /** Psi_c(h) at [h * k + c], shrunk towards overall[h] (never 0 just because a cluster is empty). */
  psi: Float64Array;
  /** n_c(h): validation prompts of cluster c that have a score for h, at [h * k + c]. */
  counts: Int32Array;
  /** overall[h]: mean error of h over its scored validation prompts (0.5 when it has none). */
  overall: Float64Array;
}

/** Psi(h) of a single LLM (what adding an unseen LLM appends to a router). */
export interface ModelProfile {
  psi: Float64Array;
  counts: Int32Array;
  overall: number;
}

/**
 * Overall error used for an LLM with no scored validation prompt at all. Our choice: 0.5, the
 * uninformative error rate (the paper does not say); such an LLM gets Psi = 0.5 in every cluster.
 */
export const NO_EVIDENCE_ERROR = 0.5;

/** e(x,h) = 1 - score(x,h) of a prompts x models matrix; NaN (not scored) stays NaN. */
export function errorsFromScores(scores: Float64Array): Float64Array {
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = 1 - scores[i];
  return out;
}

function checkClusters(clusters: Int32Array, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i];
    if (c < 0 || c >= k) throw new RangeError(`cluster ${c} of validation prompt ${i} is outside [0, ${k})`);
  }
}

function checkPseudoCount(pseudoCount: number): void {
  if (!Number.isFinite(pseudoCount) || pseudoCount < 0) {
    throw new RangeError(`pseudoCount must be a finite number >= 0, got ${pseudoCount}`);
  }
}

/** Writes the Psi of LLM `col` of `errors` (nVal x m, NaN = not scored) into psi/counts at `offset`. */
function fillProfile(
  clusters: Int32Array,
  errors: Float64Array,
  m: number,
  col: number,
  k: number,
  pseudoCount: number,
  psi: Float64Array,
  counts: Int32Array,
  offset: number,
): number {
  const sums = new Float64Array(k);
  for (let i = 0; i < clusters.length; i++) {
    const e = errors[i * m + col];
    if (Number.isNaN(e)) continue; // blank score: no evidence either way
    sums[clusters[i]] += e;
    counts[offset + clusters[i]]++;
  }
  const overall = meanScored(errors, m, col, NO_EVIDENCE_ERROR);
  for (let c = 0; c < k; c++) {
    const n = counts[offset + c];
    // Shrinkage towards the LLM's overall error (pseudo-count a); an empty cluster gets exactly
    // `overall`, also when a = 0, so a cluster without evidence never reads as "never errs".
    const denom = n + pseudoCount;
    psi[offset + c] = n === 0 ? overall : (sums[c] + pseudoCount * overall) / denom;
  }
  return overall;
}

/**
 * Psi_k(h) = (sum of e(x,h) over scored validation prompts of cluster k + a * overall_h) / (n_k(h) + a).
 * `clusters[i]` is the cluster of validation prompt i, `errors` is nVal x m row-major (NaN = missing),
 * `pseudoCount` is a (default 1).
 */
export function computeErrorProfiles(clusters: Int32Array, errors: Float64Array, m: number, k: number, pseudoCount = 1): ErrorProfiles {
  checkClusters(clusters, k);
  checkPseudoCount(pseudoCount);
  if (!Number.isInteger(m) || m < 0) throw new RangeError(`m must be an integer >= 0, got ${m}`);
  const n = clusters.length;
  if (errors.length !== n * m) {
    throw new RangeError(`errors has ${errors.length} values, expected ${n} prompts x ${m} models = ${n * m}`);
  }
  const psi = new Float64Array(m * k);
  const counts = new Int32Array(m * k);
  const overall = new Float64Array(m);
  for (let h = 0; h < m; h++) {
    overall[h] = fillProfile(clusters, errors, m, h, k, pseudoCount, psi, counts, h * k);
  }
  return { k, m, psi, counts, overall };
}

/** Psi of one LLM from its errors on the validation prompts alone (adding an unseen LLM). */
export function profileOfModel(clusters: Int32Array, errorsOfOneModel: Float64Array, k: number, pseudoCount = 1): ModelProfile {
  checkClusters(clusters, k);
  checkPseudoCount(pseudoCount);
  if (errorsOfOneModel.length !== clusters.length) {
    throw new RangeError(`errors has ${errorsOfOneModel.length} values, expected ${clusters.length} (one per validation prompt)`);
  }
  const psi = new Float64Array(k);
  const counts = new Int32Array(k);
  const overall = fillProfile(clusters, errorsOfOneModel, 1, 0, k, pseudoCount, psi, counts, 0);
  return { psi, counts, overall };
}

/** The profiles of a subset of LLMs (e.g. the test pool), in the subset's order. */
export function selectProfiles(profiles: ErrorProfiles, models: readonly number[]): ErrorProfiles {
  const { k } = profiles;
  const psi = new Float64Array(models.length * k);
  const counts = new Int32Array(models.length * k);
  const overall = new Float64Array(models.length);
  models.forEach((h, j) => {
    psi.set(profiles.psi.subarray(h * k, (h + 1) * k), j * k);
    counts.set(profiles.counts.subarray(h * k, (h + 1) * k), j * k);
    overall[j] = profiles.overall[h];
  });
  return { k, m: models.length, psi, counts, overall };
}
