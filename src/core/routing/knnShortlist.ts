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

/** Exact squared distance of query row qi to ref row ri, summed left to right in float64. */
function exactDistance(q: Float32Array, qi: number, r: Float32Array, ri: number, d: number): number {
  let s = 0;
  const a = qi * d;
  const b = ri * d;
  for (let x = 0; x < d; x++) {
    const t = q[a + x] - r[b + x];
    s += t * t;
  }
  return s;
}

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
 * its lowest possible distance is at most the highest possible distance of the k best by score.
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
  const out = new Int32Array(nQ * kk);
  const approx = new Float64Array(nR);
  const slack = new Float64Array(nR);
  const topD = new Float64Array(kk);
  const topI = new Int32Array(kk);
  let candI = new Int32Array(Math.max(16, 4 * kk));
  let candD = new Float64Array(candI.length);
  const stride = kernel.stride;
  for (let q0 = 0; q0 < nQ; q0 += BLOCK) {
    const q1 = Math.min(nQ, q0 + BLOCK);
    const scores = kernel.scores(queries, q0, q1);
    for (let qi = q0; qi < q1; qi++) {
      const row = (qi - q0) * stride;
      const qSq = qn.sq[qi];
      const qNorm = qn.norm[qi];
      // The kk best by approximate distance, and the highest exact distance they can have.
      let size = 0;
      for (let r = 0; r < nR; r++) {
        const a = qSq + scores[row + r];
        approx[r] = a;
        slack[r] = g * (rn.sq[r] + 2 * qNorm * rn.norm[r]) + 1e-12 * (qSq + rn.sq[r]);
        if (size === kk && !(a < topD[kk - 1])) continue;
        let pos = size === kk ? kk - 1 : size++;
        while (pos > 0 && topD[pos - 1] > a) {
          topD[pos] = topD[pos - 1];
          topI[pos] = topI[pos - 1];
          pos--;
        }
        topD[pos] = a;
        topI[pos] = r;
      }
      let ceiling = -Infinity;
      for (let j = 0; j < kk; j++) ceiling = Math.max(ceiling, topD[j] + slack[topI[j]]);
      if (!Number.isFinite(ceiling)) return null;
      // Every reference that could be as near: its exact distance, kept sorted by (distance, index).
      let n = 0;
      for (let r = 0; r < nR; r++) {
        if (approx[r] - slack[r] > ceiling) continue;
        const e = exactDistance(queries.data, qi, refs.data, r, d);
        if (n === candI.length) {
          const bi = new Int32Array(n * 2);
          bi.set(candI);
          candI = bi;
          const bd = new Float64Array(n * 2);
          bd.set(candD);
          candD = bd;
        }
        // References arrive in index order: a later one at an equal distance goes after.
        let pos = n++;
        while (pos > 0 && candD[pos - 1] > e) {
          candD[pos] = candD[pos - 1];
          candI[pos] = candI[pos - 1];
          pos--;
        }
        candD[pos] = e;
        candI[pos] = r;
      }
      if (n < kk) return null; // cannot happen with a valid bound; the full scan answers instead
      out.set(candI.subarray(0, kk), qi * kk);
    }
  }
  return out;
}
