/**
 * Lloyd's assignment step with Elkan's bounds (Elkan 2003, "Using the triangle inequality to
 * accelerate k-means"), in WebAssembly SIMD. Every point keeps an upper bound u on its distance to
 * its own centroid mu_a and a lower bound l(c) on its distance to every other centroid; when the
 * centroids move, u grows and l(c) shrinks by how far they moved, and a centroid c is looked at
 * only while l(c), and |mu_a - mu_c| - u, do not rule it out. The bounds are kept per point with
 * the step they were last valid at, and moved by the norm of each centroid's displacement since
 * then (Newling & Fleuret 2016), not by the sum of its per-step moves.
 *
 * Exact: the answer is the plain kernel's (lloyd.ts), not merely close to it. Its float32
 * distances f(c) = |mu_c|^2 - 2 x.mu_c are within E of the exact ones (a rounding bound from the
 * caller), and so are the dot products computed here; a centroid is ruled out only when its
 * bound beats u by more than that (2E on squared distances), and a winner among the computed
 * centroids is kept only when every other one trails it by more than 4E. Otherwise the point's
 * whole row is recomputed with the plain kernel's arithmetic (`fullRow`), whose argmin (ties to
 * the lower index) is by construction the plain kernel's. Every bound is rounded outwards.
 *
 * Memory (byte addresses given once to `setup`; rows padded to dp floats, kp = k rounded up to 4):
 *   X n x dp points   XN n |x|^2 (f64)   ASSIGN n   U n   LMIN n (min of the row of L)   TLAST n
 *   L n x kp lower bounds (+Infinity at the own centroid and the padding)
 *   CT, CN, C         the centroids as lloyd.ts lays them out
 *   HIST h x k x dp   the centroids of the last h steps (a ring)
 *   DELTA h x kp      how far each centroid moved since each of those steps (rounded up)
 *   DMAX h x 2        the largest and second largest of each DELTA row, DARG h its argmax
 *   CC kp x kp        |mu_a - mu_c| rounded down (+Infinity on the diagonal and the padding)
 *   SUMS32, SUMS64, COUNTS, SCRATCH as in lloyd.ts; CAND, GV kp + 4 candidates and their f(c)
 *   XR n |x| (f64)    PACK 16 x 16 bytes: the lanes of each 4-bit mask, packed to the front
 *   MEAN dp (f64)     the column means `centre` subtracts from X once, when the points come raw
 */
import { boundsFromRow, DOWN, DOWN32, fullRow, lower, move, roundingBound, rowMin, UP, upper } from './lib/elkanRows';
import {
  ASSIGN,
  C,
  CAND,
  CC,
  changes,
  CN,
  computed,
  CT,
  COUNTS,
  countChange,
  countComputed,
  DARG,
  DELTA,
  DMAX,
  dp,
  GV,
  h,
  HIST,
  k,
  kp,
  L,
  LMIN,
  n,
  PACK,
  resetCounters,
  SCRATCH,
  SUMS32,
  TLAST,
  U,
  X,
  XN,
  XR,
} from './lib/elkanState';
import { assignAndAccumulate, distances, highHalf } from './lib/tile';
import { distance64, dot1, dot2, dot4, laneMin, norm64 } from './lib/vectors';

export { setup } from './lib/elkanState';
export { centre, columnSums } from './lib/centre';
export { flush } from './lib/tile';

export function distancesComputed(): f64 {
  return computed;
}

export function pointsMoved(): i32 {
  return changes;
}

/** XN = |x|^2 and XR = |x| of every point, in float64; returns the largest |x|. */
export function norms(): f64 {
  let most: f64 = 0;
  for (let i = 0; i < n; i++) {
    const norm = norm64(X + <usize>i * ((<usize>dp) << 2), dp);
    store<f64>(XN + ((<usize>i) << 3), norm);
    store<f64>(XR + ((<usize>i) << 3), Math.sqrt(norm));
    if (norm > most) most = norm;
  }
  return Math.sqrt(most);
}

/**
 * A pass of the plain kernel (assignments, SUMS32 and COUNTS afresh; the caller zeroes them first
 * and flushes SUMS32 after every chunk, as for lloyd.ts) over points start..end-1 that also sets
 * every point's bounds, valid at step `now`. Returns the chunk's inertia as lloyd.ts's `run`.
 */
export function full(start: i32, end: i32, now: i32, eScale: f64, m: f64): f64 {
  const rowBytes = (<usize>dp) << 2;
  const scratchRowBytes = (<usize>kp) << 2;
  let inertia = f64x2.splat(0);
  if (start === 0) resetCounters();
  for (let i = start; i < end;) {
    const tile = i + 2 <= end ? 2 : 1;
    const xp = X + <usize>i * rowBytes;
    distances(xp, tile, CT, CN, SCRATCH, dp, kp);
    for (let p = 0; p < tile; p++) {
      const q = i + p;
      const scratch = SCRATCH + <usize>p * scratchRowBytes;
      const before = load<i32>(ASSIGN + ((<usize>q) << 2));
      const squares = assignAndAccumulate(q, xp + <usize>p * rowBytes, scratch, C, ASSIGN, COUNTS, SUMS32, dp, k);
      inertia = f64x2.add(inertia, f64x2.promote_low_f32x4(squares));
      inertia = f64x2.add(inertia, f64x2.promote_low_f32x4(highHalf(squares)));
      const a = load<i32>(ASSIGN + ((<usize>q) << 2));
      if (a !== before) countChange();
      boundsFromRow(q, scratch, a, roundingBound(q, eScale, m), now);
    }
    i += tile;
  }
  countComputed(<f64>(end - start) * <f64>k);
  return f64x2.extract_lane(inertia, 0) + f64x2.extract_lane(inertia, 1);
}

/**
 * Before step `now` (centroids in C): keeps them in the history ring, then DELTA/DMAX/DARG for
 * every earlier step still in the ring (rounded up, plus `slack` so that a float32 add or subtract
 * of a bound stays outward) and CC (rounded down).
 */
export function moves(now: i32, slack: f64): void {
  const rowBytes = (<usize>dp) << 2;
  const block = <usize>k * rowBytes;
  memory.copy(HIST + <usize>(now & (h - 1)) * block, C, block);
  const oldest = now - h + 1 > 0 ? now - h + 1 : 0;
  for (let s = oldest; s < now; s++) {
    const slot = s & (h - 1);
    const past = HIST + <usize>slot * block;
    const row = DELTA + <usize>slot * ((<usize>kp) << 2);
    let first: f32 = 0;
    let second: f32 = 0;
    let arg = 0;
    for (let c = 0; c < k; c++) {
      const d = <f32>(distance64(C + <usize>c * rowBytes, past + <usize>c * rowBytes, dp) * UP + slack);
      store<f32>(row + ((<usize>c) << 2), d);
      if (d > first) {
        second = first;
        first = d;
        arg = c;
      } else if (d > second) second = d;
    }
    for (let c = k; c < kp; c++) store<f32>(row + ((<usize>c) << 2), 0);
    store<f32>(DMAX + ((<usize>slot) << 3), first);
    store<f32>(DMAX + ((<usize>slot) << 3), second, 4);
    store<i32>(DARG + ((<usize>slot) << 2), arg);
  }
  const ccRow = (<usize>kp) << 2;
  for (let a = 0; a < kp; a++) {
    store<f32>(CC + <usize>a * ccRow + ((<usize>a) << 2), Infinity);
    for (let c = a + 1; c < kp; c++) {
      const v = a < k && c < k ? <f32>(distance64(C + <usize>a * rowBytes, C + <usize>c * rowBytes, dp) * DOWN) : Infinity;
      store<f32>(CC + <usize>a * ccRow + ((<usize>c) << 2), v);
      store<f32>(CC + <usize>c * ccRow + ((<usize>a) << 2), v);
    }
  }
}

/**
 * Step `now` (after moves(now)) over points start..end-1: bring each point's bounds to this step
 * and skip it when no other centroid can be nearer; else compute its own centroid's distance, list
 * the centroids its tightened bounds leave in play, compute theirs, and keep or move the point
 * when one clearly wins (else its whole row, as the plain kernel does). SUMS64 and COUNTS follow
 * every move (float64).
 */
export function bounded(start: i32, end: i32, now: i32, eScale: f64, m: f64): void {
  const rowBytes = (<usize>dp) << 2;
  const lBytes = (<usize>kp) << 2;
  const zero = f32x4.splat(0);
  const lanes = i32x4(0, 1, 2, 3);
  if (start === 0) resetCounters();
  for (let i = start; i < end; i++) {
    const a = load<i32>(ASSIGN + ((<usize>i) << 2));
    const s = load<i32>(TLAST + ((<usize>i) << 2));
    const xp = X + <usize>i * rowBytes;
    const e = roundingBound(i, eScale, m);
    if (now - s >= h) {
      fullRow(i, xp, a, e, now); // its bounds are older than the history ring
      continue;
    }
    const slot = s & (h - 1);
    const drow = DELTA + <usize>slot * lBytes;
    const ua = <f64>(load<f32>(U + ((<usize>i) << 2)) + load<f32>(drow + ((<usize>a) << 2)));
    const dmax = DMAX + ((<usize>slot) << 3);
    const dm = load<i32>(DARG + ((<usize>slot) << 2)) === a ? load<f32>(dmax, 4) : load<f32>(dmax);
    const lo = <f64>(load<f32>(LMIN + ((<usize>i) << 2)) - dm);
    if (lo > 0 && lo * lo > (ua * ua + 2 * e) * UP) continue; // no other centroid can be nearer
    // Its own centroid's distance; the row brought to this step; the centroids still in play.
    const xn = load<f64>(XN + ((<usize>i) << 3));
    const ga: f32 = load<f32>(CN + ((<usize>a) << 2)) - 2 * dot1(xp, C + <usize>a * rowBytes, dp);
    const ut = upper(xn, <f64>ga, e);
    const t = Math.sqrt(<f64>ut * <f64>ut + 2 * e) * UP;
    const tA = f32x4.splat(<f32>t);
    const tB = f32x4.splat(<f32>((t + <f64>ut) * UP));
    const row = L + <usize>i * lBytes;
    const ccRow = CC + <usize>a * lBytes;
    let least = f32x4.splat(Infinity);
    let total = 0;
    for (let c = 0; c < kp; c += 4) {
      const off = (<usize>c) << 2;
      const l = f32x4.pmax(zero, f32x4.sub(v128.load(row + off), v128.load(drow + off)));
      v128.store(row + off, l);
      least = f32x4.pmin(least, l);
      const bits = i32x4.bitmask(v128.and(f32x4.le(l, tA), f32x4.le(v128.load(ccRow + off), tB)));
      const packed = i8x16.swizzle(i32x4.add(lanes, i32x4.splat(c)), v128.load(PACK + ((<usize>bits) << 4)));
      v128.store(CAND + ((<usize>total) << 2), packed);
      total += popcnt(bits);
    }
    store<f32>(U + ((<usize>i) << 2), ut);
    store<i32>(TLAST + ((<usize>i) << 2), now);
    countComputed(1);
    if (total === 0) {
      store<f32>(LMIN + ((<usize>i) << 2), laneMin(least));
      continue;
    }
    // f(c) of the candidates, four at a time; spare lanes of the last group name the own centroid
    // (its bound is set last) and get f = +Infinity.
    v128.store(CAND + ((<usize>total) << 2), i32x4.splat(a));
    const inf4 = f32x4.splat(Infinity);
    let least4 = f32x4.splat(ga);
    for (let q = 0; q < total; q += 4) {
      const count = total - q < 4 ? total - q : 4;
      const cand = CAND + ((<usize>q) << 2);
      const c0 = load<i32>(cand);
      const c1 = load<i32>(cand, 4);
      const c2 = load<i32>(cand, 8);
      const c3 = load<i32>(cand, 12);
      // One or two centroids alone: a group of four costs four rows.
      const d4 =
        count === 1
          ? f32x4.splat(dot1(xp, C + <usize>c0 * rowBytes, dp))
          : count === 2
            ? dot2(xp, C + <usize>c0 * rowBytes, C + <usize>c1 * rowBytes, dp)
            : dot4(xp, C + <usize>c0 * rowBytes, C + <usize>c1 * rowBytes, C + <usize>c2 * rowBytes, C + <usize>c3 * rowBytes, dp);
      let cn4 = f32x4.splat(load<f32>(CN + ((<usize>c0) << 2)));
      cn4 = f32x4.replace_lane(cn4, 1, load<f32>(CN + ((<usize>c1) << 2)));
      cn4 = f32x4.replace_lane(cn4, 2, load<f32>(CN + ((<usize>c2) << 2)));
      cn4 = f32x4.replace_lane(cn4, 3, load<f32>(CN + ((<usize>c3) << 2)));
      let g4 = f32x4.sub(cn4, f32x4.add(d4, d4));
      if (count < 4) g4 = v128.bitselect(g4, inf4, i32x4.lt_s(lanes, i32x4.splat(count)));
      v128.store(GV + ((<usize>q) << 2), g4);
      least4 = f32x4.pmin(least4, g4);
    }
    countComputed(<f64>total);
    // The winner must beat every other computed centroid by more than 4E; else a near tie.
    const gmin = laneMin(least4);
    const thr4 = f32x4.splat(<f32>(<f64>gmin + 4 * e + (Math.abs(<f64>gmin) + 4 * e) * (1.0 / 1048576)));
    let near = <f64>ga <= <f64>f32x4.extract_lane(thr4, 0) ? 1 : 0;
    let winner = a;
    for (let q = 0; q < total; q += 4) {
      const bits = i32x4.bitmask(f32x4.le(v128.load(GV + ((<usize>q) << 2)), thr4));
      if (bits !== 0) {
        near += popcnt(bits);
        winner = load<i32>(CAND + ((<usize>(q + ctz(bits))) << 2));
      }
    }
    if (near !== 1) {
      fullRow(i, xp, a, e, now); // a near tie: decide it as the plain kernel does
      continue;
    }
    // Lower bounds of the computed centroids, four at a time.
    const xn4 = f32x4.splat(<f32>xn);
    const e4 = f32x4.splat(<f32>e);
    const down4 = f32x4.splat(DOWN32);
    for (let q = 0; q < total; q += 4) {
      const l4 = f32x4.mul(f32x4.sqrt(f32x4.pmax(zero, f32x4.sub(f32x4.add(xn4, v128.load(GV + ((<usize>q) << 2))), e4))), down4);
      const cand = CAND + ((<usize>q) << 2);
      store<f32>(row + ((<usize>load<i32>(cand)) << 2), f32x4.extract_lane(l4, 0));
      store<f32>(row + ((<usize>load<i32>(cand, 4)) << 2), f32x4.extract_lane(l4, 1));
      store<f32>(row + ((<usize>load<i32>(cand, 8)) << 2), f32x4.extract_lane(l4, 2));
      store<f32>(row + ((<usize>load<i32>(cand, 12)) << 2), f32x4.extract_lane(l4, 3));
    }
    if (winner !== a) {
      store<f32>(row + ((<usize>a) << 2), lower(xn, <f64>ga, e));
      store<f32>(row + ((<usize>winner) << 2), Infinity);
      store<f32>(U + ((<usize>i) << 2), upper(xn, <f64>gmin, e));
      move(i, xp, a, winner);
    }
    rowMin(i);
  }
}
