/**
 * Per-point pieces of the bounded Lloyd kernel (../elkan.ts): bounds from a squared-distance
 * value known within a rounding bound E (rounded outwards), a row's smallest lower bound, moving a
 * point between clusters, and a point's whole row with the plain kernel's arithmetic.
 */
import { ASSIGN, CN, COUNTS, CT, countChange, countComputed, dp, k, kp, L, LMIN, SCRATCH, SUMS64, TLAST, U, XN, XR } from './elkanState';
import { distances } from './tile';
import { laneMin, moveSums } from './vectors';

/** Relative widening of every bound: covers float32 storage and the float64 arithmetic. */
export const UP: f64 = 1 + 1.0 / 1048576;
export const DOWN: f64 = 1 - 1.0 / 1048576;
export const DOWN32: f32 = 1 - 1.0 / 1048576;

/** Upper bound on |x - mu| from f = |mu|^2 - 2 x.mu known within e. */
export function upper(xn: f64, f: f64, e: f64): f32 {
  const v = xn + f + e;
  return <f32>(Math.sqrt(v > 0 ? v : 0) * UP);
}

/** Lower bound on |x - mu| from f known within e. */
export function lower(xn: f64, f: f64, e: f64): f32 {
  const v = xn + f - e;
  return <f32>(Math.sqrt(v > 0 ? v : 0) * DOWN);
}

/**
 * The rounding bound E of point i's f(c): eScale (|mu|max^2 + 2 |x| |mu|max), plus the float32
 * rounding of |x|^2 + f where the two nearly cancel.
 */
export function roundingBound(i: i32, eScale: f64, m: f64): f64 {
  const xn = load<f64>(XN + ((<usize>i) << 3));
  return eScale * (m * m + 2 * load<f64>(XR + ((<usize>i) << 3)) * m) + xn * (1.0 / 2097152);
}

/** LMIN[i] = the smallest lower bound of row i (the own centroid's entry is +Infinity). */
export function rowMin(i: i32): void {
  let p = L + <usize>i * ((<usize>kp) << 2);
  let least = f32x4.splat(Infinity);
  for (let c = 0; c < kp; c += 4) {
    least = f32x4.pmin(least, v128.load(p));
    p += 16;
  }
  store<f32>(LMIN + ((<usize>i) << 2), laneMin(least));
}

/** Point i (row at xp) moves from cluster `from` to `to`: ASSIGN, SUMS64 and COUNTS follow. */
export function move(i: i32, xp: usize, from: i32, to: i32): void {
  const row64 = (<usize>dp) << 3;
  moveSums(xp, SUMS64 + <usize>from * row64, SUMS64 + <usize>to * row64, dp);
  const cf = COUNTS + ((<usize>from) << 2);
  const ct = COUNTS + ((<usize>to) << 2);
  store<i32>(cf, load<i32>(cf) - 1);
  store<i32>(ct, load<i32>(ct) + 1);
  store<i32>(ASSIGN + ((<usize>i) << 2), to);
  countChange();
}

/**
 * Point i's bounds from the f(c) of every centroid in `scratch` (its own centroid `a`), valid at
 * `now`: four lower bounds at a time in float32 (padding centroids have f = +Infinity).
 */
export function boundsFromRow(i: i32, scratch: usize, a: i32, e: f64, now: i32): void {
  const xn = load<f64>(XN + ((<usize>i) << 3));
  const row = L + <usize>i * ((<usize>kp) << 2);
  const zero = f32x4.splat(0);
  const xn4 = f32x4.splat(<f32>xn);
  const e4 = f32x4.splat(<f32>e);
  const down4 = f32x4.splat(DOWN32);
  for (let c = 0; c < kp; c += 4) {
    const f4 = v128.load(scratch + ((<usize>c) << 2));
    v128.store(row + ((<usize>c) << 2), f32x4.mul(f32x4.sqrt(f32x4.pmax(zero, f32x4.sub(f32x4.add(xn4, f4), e4))), down4));
  }
  store<f32>(row + ((<usize>a) << 2), Infinity);
  store<f32>(U + ((<usize>i) << 2), upper(xn, <f64>load<f32>(scratch + ((<usize>a) << 2)), e));
  store<i32>(TLAST + ((<usize>i) << 2), now);
  rowMin(i);
}

/**
 * Point i's whole row with the plain kernel's arithmetic (a 1-point tile of lib/tile.ts): its
 * nearest centroid (ties to the lower index), as lloyd.ts would choose it, and every bound afresh.
 */
export function fullRow(i: i32, xp: usize, a: i32, e: f64, now: i32): void {
  distances(xp, 1, CT, CN, SCRATCH, dp, kp);
  let best = Infinity as f32;
  let nearest = 0;
  for (let c = 0; c < k; c++) {
    const v = load<f32>(SCRATCH + ((<usize>c) << 2));
    if (v < best) {
      best = v;
      nearest = c;
    }
  }
  if (nearest !== a) move(i, xp, a, nearest);
  boundsFromRow(i, SCRATCH, nearest, e, now);
  countComputed(<f64>k);
}
