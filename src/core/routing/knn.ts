/**
 * K-NN router baseline: gamma(x, h) = mean error of h on the k nearest validation prompts
 * (Euclidean distance on the embeddings phi; shared UNIROUTE.md "Baselines").
 */
import type { Matrix } from '../types';
import { columnMeansScored, meanScoredRows } from '../stats';
import { NO_EVIDENCE_ERROR } from './errorProfile';

/**
 * Register blocking: distances are computed for 4 queries x 2 refs at once, so each loaded value
 * is used several times instead of once per pair. Every distance is still a plain
 * left-to-right float64 sum of squared differences over the dimensions.
 */
const QB = 4;
const RB = 2;

/** Float64 copy of the rows, padded with zero rows up to a multiple of `multiple`. */
function toFloat64Padded(m: Matrix, multiple: number): Float64Array {
  const rows = Math.ceil(m.rows / multiple) * multiple;
  const out = new Float64Array(rows * m.cols);
  out.set(m.data.subarray(0, m.rows * m.cols)); // exact widening of the float32 inputs
  return out;
}

/** Squared distances of queries q0..q0+3 to refs r0, r0+1 into dist[b * 2 + j]. */
function block(q: Float64Array, q0: number, r: Float64Array, r0: number, d: number, dist: Float64Array): void {
  const a0 = q0 * d;
  const a1 = a0 + d;
  const a2 = a1 + d;
  const a3 = a2 + d;
  const b0 = r0 * d;
  const b1 = b0 + d;
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0,
    u0 = 0,
    u1 = 0,
    u2 = 0,
    u3 = 0;
  for (let x = 0; x < d; x++) {
    const v = r[b0 + x];
    const w = r[b1 + x];
    const x0 = q[a0 + x];
    const x1 = q[a1 + x];
    const x2 = q[a2 + x];
    const x3 = q[a3 + x];
    let t = x0 - v;
    s0 += t * t;
    t = x1 - v;
    s1 += t * t;
    t = x2 - v;
    s2 += t * t;
    t = x3 - v;
    s3 += t * t;
    t = x0 - w;
    u0 += t * t;
    t = x1 - w;
    u1 += t * t;
    t = x2 - w;
    u2 += t * t;
    t = x3 - w;
    u3 += t * t;
  }
  dist[0] = s0;
  dist[1] = u0;
  dist[2] = s1;
  dist[3] = u1;
  dist[4] = s2;
  dist[5] = u2;
  dist[6] = s3;
  dist[7] = u3;
}

/**
 * Indices of the k nearest refs of every query, nQueries x min(k, refs.rows) row-major, nearest
 * first; equal distances go to the lower ref index (validation order). k larger than the number
 * of refs uses all refs. Plain TypeScript (the router package's); knnShortlist.nearestNeighbours gives
 * the same answer faster where wasm SIMD runs.
 */
export function knnNeighbours(queries: Matrix, refs: Matrix, k: number): Int32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (queries.cols !== refs.cols) {
    throw new RangeError(`queries have ${queries.cols} columns but refs have ${refs.cols}`);
  }
  return scanNeighbours(queries, refs, Math.min(k, refs.rows));
}

/** knnNeighbours by a full scan of every query-reference distance (kk <= refs.rows). */
export function scanNeighbours(queries: Matrix, refs: Matrix, kk: number): Int32Array {
  const d = queries.cols;
  const nQ = queries.rows;
  const nR = refs.rows;
  const out = new Int32Array(nQ * kk);
  if (kk === 0 || nQ === 0) return out;
  const q = toFloat64Padded(queries, QB);
  const r = toFloat64Padded(refs, RB);
  const bestD = new Float64Array(QB * kk);
  const bestI = new Int32Array(QB * kk);
  const size = new Int32Array(QB);
  const dist = new Float64Array(QB * RB);
  for (let q0 = 0; q0 < nQ; q0 += QB) {
    const qb = Math.min(QB, nQ - q0);
    size.fill(0);
    for (let r0 = 0; r0 < nR; r0 += RB) {
      block(q, q0, r, r0, d, dist);
      const rb = Math.min(RB, nR - r0);
      for (let b = 0; b < qb; b++) {
        for (let j = 0; j < rb; j++) {
          const dd = dist[b * RB + j];
          const base = b * kk;
          const s = size[b];
          // Bounded insertion: refs arrive in increasing index, so a later ref at an equal
          // distance goes after the earlier ones (strict comparisons keep the lower index).
          if (s === kk && !(dd < bestD[base + kk - 1])) continue;
          let pos = s === kk ? kk - 1 : s;
          while (pos > 0 && bestD[base + pos - 1] > dd) {
            bestD[base + pos] = bestD[base + pos - 1];
            bestI[base + pos] = bestI[base + pos - 1];
            pos--;
          }
          bestD[base + pos] = dd;
          bestI[base + pos] = r0 + j;
          if (s < kk) size[b] = s + 1;
        }
      }
    }
    for (let b = 0; b < qb; b++) out.set(bestI.subarray(b * kk, b * kk + kk), (q0 + b) * kk);
  }
  return out;
}

/**
 * K-NN's estimate for an LLM none of a prompt's neighbours has a score for: its mean error over
 * every scored ref (NO_EVIDENCE_ERROR when it has none).
 */
export function knnFallback(refErrors: Float64Array, m: number): Float64Array {
  return columnMeansScored(refErrors, m, NO_EVIDENCE_ERROR).means;
}

/**
 * K-NN gamma from neighbour lists, n x m: gamma(x_p, h) = mean error of h over the scored ones of
 * the first k neighbours of prompt p, neighbours[p * stride ...] (rows of `refErrors`, nRef x m,
 * NaN = missing); fallback[h] when none of them is scored.
 */
export function knnGammaFromNeighbours(
  neighbours: Int32Array,
  stride: number,
  k: number,
  refErrors: Float64Array,
  m: number,
  fallback: ArrayLike<number>,
): Float64Array {
  if (k > stride) throw new RangeError(`k = ${k} neighbours, but the lists hold ${stride}`);
  const n = stride > 0 ? neighbours.length / stride : 0;
  const gamma = new Float64Array(n * m);
  for (let p = 0; p < n; p++) {
    const from = p * stride;
    for (let h = 0; h < m; h++) gamma[p * m + h] = meanScoredRows(refErrors, m, h, neighbours, from, from + k, fallback[h]);
  }
  return gamma;
}

/**
 * K-NN gamma, nQueries x m: mean error of h over those of the k nearest refs that have a score for
 * h; when none has, knnFallback (h's mean error over all scored refs).
 * `refErrors` is nRef x m row-major, NaN = missing.
 */
export function knnGamma(queries: Matrix, refs: Matrix, refErrors: Float64Array, m: number, k: number): Float64Array {
  if (refErrors.length !== refs.rows * m) {
    throw new RangeError(`refErrors has ${refErrors.length} values, expected ${refs.rows} refs x ${m} models`);
  }
  const kk = Math.min(k, refs.rows);
  return knnGammaFromNeighbours(knnNeighbours(queries, refs, k), kk, kk, refErrors, m, knnFallback(refErrors, m));
}
