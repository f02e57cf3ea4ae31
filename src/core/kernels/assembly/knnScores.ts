/**
 * The exact k nearest neighbours' kernel (../knnKernel.ts). `scores`: approximate squared
 * distances, |r|^2 - 2 q.r for every query row and every reference r in float32, with the Lloyd
 * kernels' register tile (lib/tile.ts; the references stand where the centroids do). The caller
 * only uses these to shortlist references within a rounding bound: `lowest` gives a row's kk best
 * scores (their bound sets the ceiling), `notAbove` the references a limit cannot rule out, and
 * `exact` their float64 distances, the full scan's own sums.
 *
 * The references go in blocks of `cb` columns, every query of the call inside a block, so one
 * block of CT stays in cache while the queries pass over it (the whole of CT is far larger than
 * a core's cache when the references number thousands). Each score is the same float32 sum in
 * the same order as a whole row's (lib/tile.ts distanceColumns).
 *
 * Memory (byte addresses from the caller, rows padded with zeros to `dp` floats):
 *   Q     nq x dp  queries      CT   dp x kp  -2 r, transposed      CN  kp  |r|^2 (+Infinity padding)
 *   OUT   nq x kp  the scores   RM   kp x dp  r, row-major (for `exact`)
 *   TOPS, TOPI  kk  a row's best scores and their references   CAND  kp  listed references
 *   DIST  kp (f64)  their exact distances
 */

import { distanceColumns } from './lib/tile';

export function scores(nq: i32, Q: usize, CT: usize, CN: usize, OUT: usize, dp: i32, kp: i32, cb: i32): void {
  const rowBytes = (<usize>dp) << 2;
  const outBytes = (<usize>kp) << 2;
  for (let c0 = 0; c0 < kp; c0 += cb) {
    const c1 = min(kp, c0 + cb);
    for (let i = 0; i < nq;) {
      const tile = i + 2 <= nq ? 2 : 1;
      distanceColumns(Q + <usize>i * rowBytes, tile, CT, CN, OUT + <usize>i * outBytes, dp, kp, c0, c1);
      i += tile;
    }
  }
}

/** Puts score s of reference r into the ascending list TOPS / TOPI of kk, after equal scores; returns the new kk-th. */
function insert(s: f32, r: i32, kk: i32, TOPS: usize, TOPI: usize): f32 {
  let pos = kk - 1;
  while (pos > 0) {
    const above = load<f32>(TOPS + ((<usize>(pos - 1)) << 2));
    if (!(above > s)) break;
    store<f32>(TOPS + ((<usize>pos) << 2), above);
    store<i32>(TOPI + ((<usize>pos) << 2), load<i32>(TOPI + ((<usize>(pos - 1)) << 2)));
    pos--;
  }
  store<f32>(TOPS + ((<usize>pos) << 2), s);
  store<i32>(TOPI + ((<usize>pos) << 2), r);
  return load<f32>(TOPS + ((<usize>(kk - 1)) << 2));
}

/**
 * The kk lowest of the n scores at ROW, ascending, ties to the lower reference, into TOPS (f32)
 * and TOPI (i32); +Infinity and -1 where fewer than kk scores are below +Infinity. Four scores
 * are compared with the current kk-th at once; only a vector with a lower one is inserted.
 */
export function lowest(ROW: usize, n: i32, kk: i32, TOPS: usize, TOPI: usize): void {
  for (let j = 0; j < kk; j++) {
    store<f32>(TOPS + ((<usize>j) << 2), Infinity);
    store<i32>(TOPI + ((<usize>j) << 2), -1);
  }
  let worst: f32 = Infinity;
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    const v = v128.load(ROW + ((<usize>r) << 2));
    if (!v128.any_true(f32x4.lt(v, f32x4.splat(worst)))) continue;
    for (let l = 0; l < 4; l++) {
      const s = load<f32>(ROW + ((<usize>(r + l)) << 2));
      if (s < worst) worst = insert(s, r + l, kk, TOPS, TOPI);
    }
  }
  for (; r < n; r++) {
    const s = load<f32>(ROW + ((<usize>r) << 2));
    if (s < worst) worst = insert(s, r, kk, TOPS, TOPI);
  }
}

/** Writes to CAND, in order, every r < n whose score at ROW is not above limit (NaN included); returns how many. */
export function notAbove(ROW: usize, n: i32, limit: f32, CAND: usize): i32 {
  const lim = f32x4.splat(limit);
  let count = 0;
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    if (i32x4.all_true(f32x4.gt(v128.load(ROW + ((<usize>r) << 2)), lim))) continue;
    for (let l = 0; l < 4; l++) {
      if (load<f32>(ROW + ((<usize>(r + l)) << 2)) > limit) continue;
      store<i32>(CAND + ((<usize>count) << 2), r + l);
      count++;
    }
  }
  for (; r < n; r++) {
    if (load<f32>(ROW + ((<usize>r) << 2)) > limit) continue;
    store<i32>(CAND + ((<usize>count) << 2), r);
    count++;
  }
  return count;
}

/** The float64 sum over dp dimensions of (q_j - r_j)^2, left to right, for the query at QROW and the reference row at R. */
function exactOne(QROW: usize, R: usize, dp: i32): f64 {
  let s: f64 = 0;
  for (let j = 0; j < dp; j++) {
    const t = <f64>load<f32>(QROW + ((<usize>j) << 2)) - <f64>load<f32>(R + ((<usize>j) << 2));
    s += t * t;
  }
  return s;
}

/**
 * Squared distances of the query at QROW to the `count` references listed at CAND (rows of RM,
 * row-major, padded to dp with zeros, which add exact zeros), into DIST (f64): each the same
 * left-to-right float64 sum of squared differences as the full scan's. Two references at a time,
 * two independent sums, so the additions overlap.
 */
export function exact(QROW: usize, RM: usize, CAND: usize, count: i32, dp: i32, DIST: usize): void {
  const rowBytes = (<usize>dp) << 2;
  let c = 0;
  for (; c + 2 <= count; c += 2) {
    const a = RM + <usize>load<i32>(CAND + ((<usize>c) << 2)) * rowBytes;
    const b = RM + <usize>load<i32>(CAND + ((<usize>(c + 1)) << 2)) * rowBytes;
    let sa: f64 = 0;
    let sb: f64 = 0;
    for (let j = 0; j < dp; j++) {
      const at = (<usize>j) << 2;
      const q = <f64>load<f32>(QROW + at);
      const ta = q - <f64>load<f32>(a + at);
      const tb = q - <f64>load<f32>(b + at);
      sa += ta * ta;
      sb += tb * tb;
    }
    store<f64>(DIST + ((<usize>c) << 3), sa);
    store<f64>(DIST + ((<usize>(c + 1)) << 3), sb);
  }
  if (c < count) {
    const a = RM + <usize>load<i32>(CAND + ((<usize>c) << 2)) * rowBytes;
    store<f64>(DIST + ((<usize>c) << 3), exactOne(QROW, a, dp));
  }
}
