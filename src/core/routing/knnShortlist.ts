/**
 * The exact k nearest neighbours, found fast: float32 SIMD scores |r|^2 - 2 q.r (kernels/knnKernel)
 * shortlist every reference that could be among the k nearest, given a rigorous bound on their
 * rounding; only the shortlist gets the exact distance, the same left-to-right float64 sum of
 * squared differences as the full scan in knn.ts, and the same order (distance, then lower index).
 * The answer is therefore the full scan's, bit for bit; knn.test.ts compares the two.
 */
import type { Matrix } from '../types';
import { createKnnScoreKernel } from '../kernels/knnKernel';
import { assignNearest } from '../cluster/nearest';
import { knnNeighbours } from './knn';

/** From this many query-reference pairs on, the shortlist answers: the same neighbours, far fewer float64 distances. */
const SHORTLIST_MIN_PAIRS = 1 << 16;

/** knnNeighbours(queries, refs, k), through the shortlist on large problems (the same answer). */
export function nearestNeighbours(queries: Matrix, refs: Matrix, k: number): Int32Array {
  const kk = Math.min(k, refs.rows);
  if (Number.isInteger(k) && kk > 0 && kk < refs.rows && queries.cols === refs.cols && queries.rows * refs.rows >= SHORTLIST_MIN_PAIRS) {
    const fast = shortlistNeighbours(queries, refs, kk);
    if (fast) return fast;
  }
  return knnNeighbours(queries, refs, k);
}

/** assignNearest(points, centroids), through the shortlist on large problems (the same nearest centroid, ties to the lower index). */
export function nearestCentroids(points: Matrix, centroids: Matrix): Int32Array {
  if (centroids.rows > 1 && points.cols === centroids.cols && points.rows * centroids.rows >= SHORTLIST_MIN_PAIRS) {
    const fast = shortlistNeighbours(points, centroids, 1);
    if (fast) return fast;
  }
  return assignNearest(points, centroids);
}

/** Queries per kernel call. */
const BLOCK = 64;
const U32 = 2 ** -24;

/** Row norms |x| and |x|^2 in float64, or null when a value is not finite (the full scan handles those). */
function norms(m: Matrix): { sq: Float64Array; norm: Float64Array } | null {
  const sq = new Float64Array(m.rows);
  const norm = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    let s = 0;
    for (let j = 0; j < m.cols; j++) {
      const v = m.data[r * m.cols + j];
      s += v * v;
    }
    if (!Number.isFinite(s)) return null;
    sq[r] = s;
    norm[r] = Math.sqrt(s);
  }
  return { sq, norm };
}

/**
 * knnNeighbours(queries, refs, kk) for 0 < kk < refs.rows, or null where the kernel cannot run.
 * The float32 score of a pair adds dp + 1 rounded terms (|r|^2 and dp products, each rounded), so
 * it is within gamma_(dp+2) (|r|^2 + 2 |q| |r|) of the real |r|^2 - 2 q.r; the bound is doubled,
 * and an absolute 1e-12 (|q|^2 + |r|^2) covers the float64 sums. A reference is shortlisted when
 * its lowest possible distance is at most the highest possible distance of the kk best by score
 * (any kk references give such a ceiling; the best by score give a low one).
 * Most references are ruled out before their own bound is needed: every slack is at most
 * g (max|r|^2 + 2 |q| max|r|) + 1e-12 (|q|^2 + max|r|^2), and that bound with a second 1e-12
 * (|q|^2 + max|r|^2) (for the float64 rounding of the threshold) gives a score above which no
 * reference can be as near as the ceiling.
 */
export function shortlistNeighbours(queries: Matrix, refs: Matrix, kk: number): Int32Array | null {
  const d = queries.cols;
  const nQ = queries.rows;
  const nR = refs.rows;
  const rn = norms(refs);
  const qn = rn && norms(queries);
  if (!rn || !qn) return null;
  const kernel = createKnnScoreKernel(refs, BLOCK);
  if (!kernel) return null;
  const dp = Math.ceil(d / 4) * 4;
  const g = (2 * (dp + 2) * U32) / (1 - (dp + 2) * U32);
  let maxSq = 0;
  let maxNorm = 0;
  for (let r = 0; r < nR; r++) {
    maxSq = Math.max(maxSq, rn.sq[r]);
    maxNorm = Math.max(maxNorm, rn.norm[r]);
  }
  const slackOf = (qSq: number, qNorm: number, r: number): number => g * (rn.sq[r] + 2 * qNorm * rn.norm[r]) + 1e-12 * (qSq + rn.sq[r]);
  const out = new Int32Array(nQ * kk);
  const candI = new Int32Array(nR);
  const candD = new Float64Array(nR);
  for (let q0 = 0; q0 < nQ; q0 += BLOCK) {
    const q1 = Math.min(nQ, q0 + BLOCK);
    const scores = kernel.scores(queries, q0, q1);
    for (let qi = q0; qi < q1; qi++) {
      const row = (qi - q0) * kernel.stride;
      const qSq = qn.sq[qi];
      const qNorm = qn.norm[qi];
      // The kk best by score, and the highest exact distance they can have.
      const top = kernel.lowest(qi - q0, kk);
      let ceiling = -Infinity;
      for (let j = 0; j < kk; j++) ceiling = Math.max(ceiling, qSq + top.score[j] + slackOf(qSq, qNorm, top.index[j]));
      if (!Number.isFinite(ceiling)) return null;
      const maxSlack = g * (maxSq + 2 * qNorm * maxNorm) + 2e-12 * (qSq + maxSq);
      const near = kernel.notAbove(qi - q0, ceiling - qSq + maxSlack);
      // Every reference that could be as near (compacted in place in the kernel's list), then its exact distance.
      let count = 0;
      for (let c = 0; c < near.length; c++) {
        const r = near[c];
        if (!(qSq + scores[row + r] - slackOf(qSq, qNorm, r) > ceiling)) near[count++] = r;
      }
      if (count < kk) return null; // cannot happen with a valid bound; the full scan answers instead
      const exact = kernel.exact(qi - q0, count);
      // Sorted by (distance, index): the list is in index order, so a later one at an equal distance goes after.
      for (let c = 0; c < count; c++) {
        const e = exact[c];
        let pos = c;
        while (pos > 0 && candD[pos - 1] > e) {
          candD[pos] = candD[pos - 1];
          candI[pos] = candI[pos - 1];
          pos--;
        }
        candD[pos] = e;
        candI[pos] = near[c];
      }
      out.set(candI.subarray(0, kk), qi * kk);
    }
  }
  return out;
}
