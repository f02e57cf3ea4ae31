/**
 * Small SIMD building blocks of the bounded Lloyd kernel (../elkan.ts): dot products of one point
 * with one or four centroid rows, lane reductions, a float64 Euclidean distance, and moving a
 * point between two clusters' float64 sums. Rows are dp floats (a multiple of 4), 16-byte aligned.
 */
import { highHalf, madd } from './tile';

/** The smallest of the four lanes (pmin: plain comparisons, no NaN handling needed here). */
export function laneMin(v: v128): f32 {
  const a = f32x4.pmin(v, i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
  const x = f32x4.extract_lane(a, 0);
  const y = f32x4.extract_lane(a, 1);
  return y < x ? y : x;
}

/** The sum of the four lanes. */
export function laneSum(v: v128): f32 {
  const a = f32x4.add(v, i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
  return f32x4.extract_lane(a, 0) + f32x4.extract_lane(a, 1);
}

/** Lane q of the result = the sum of the lanes of vq (four reductions at once). */
export function laneSums4(v0: v128, v1: v128, v2: v128, v3: v128): v128 {
  // [v0.0 + v0.2, v1.0 + v1.2, v0.1 + v0.3, v1.1 + v1.3], and the same for v2, v3.
  const p = f32x4.add(i32x4.shuffle(v0, v1, 0, 4, 1, 5), i32x4.shuffle(v0, v1, 2, 6, 3, 7));
  const q = f32x4.add(i32x4.shuffle(v2, v3, 0, 4, 1, 5), i32x4.shuffle(v2, v3, 2, 6, 3, 7));
  return f32x4.add(i32x4.shuffle(p, q, 0, 1, 4, 5), i32x4.shuffle(p, q, 2, 3, 6, 7));
}

/** x . mu over dp floats, four interleaved accumulators (16 floats per pass, then 4 at a time). */
export function dot1(xp: usize, cp: usize, dp: i32): f32 {
  let a0 = f32x4.splat(0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let j = 0;
  for (; j + 16 <= dp; j += 16) {
    a0 = madd(a0, v128.load(xp), v128.load(cp));
    a1 = madd(a1, v128.load(xp, 16), v128.load(cp, 16));
    a2 = madd(a2, v128.load(xp, 32), v128.load(cp, 32));
    a3 = madd(a3, v128.load(xp, 48), v128.load(cp, 48));
    xp += 64;
    cp += 64;
  }
  for (; j < dp; j += 4) {
    a0 = madd(a0, v128.load(xp), v128.load(cp));
    xp += 16;
    cp += 16;
  }
  return laneSum(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)));
}

/** x . mu for two centroid rows at once (lanes 0 and 1 of the result), two accumulators each. */
export function dot2(xp: usize, p0: usize, p1: usize, dp: i32): v128 {
  let a0 = f32x4.splat(0);
  let a1 = a0;
  let b0 = a0;
  let b1 = a0;
  let j = 0;
  for (; j + 8 <= dp; j += 8) {
    const x0 = v128.load(xp);
    const x1 = v128.load(xp, 16);
    a0 = madd(a0, x0, v128.load(p0));
    a1 = madd(a1, x0, v128.load(p1));
    b0 = madd(b0, x1, v128.load(p0, 16));
    b1 = madd(b1, x1, v128.load(p1, 16));
    xp += 32;
    p0 += 32;
    p1 += 32;
  }
  if (j < dp) {
    const x0 = v128.load(xp);
    a0 = madd(a0, x0, v128.load(p0));
    a1 = madd(a1, x0, v128.load(p1));
  }
  const zero = f32x4.splat(0);
  return laneSums4(f32x4.add(a0, b0), f32x4.add(a1, b1), zero, zero);
}

/**
 * x . mu for four centroid rows at once (lane q: row pq), 8 floats of each per pass into one
 * accumulator per row: few enough live vectors that nothing spills to the stack.
 */
export function dot4(xp: usize, p0: usize, p1: usize, p2: usize, p3: usize, dp: i32): v128 {
  let a0 = f32x4.splat(0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let j = 0;
  for (; j + 8 <= dp; j += 8) {
    const x0 = v128.load(xp);
    const x1 = v128.load(xp, 16);
    a0 = f32x4.add(a0, f32x4.add(f32x4.mul(x0, v128.load(p0)), f32x4.mul(x1, v128.load(p0, 16))));
    a1 = f32x4.add(a1, f32x4.add(f32x4.mul(x0, v128.load(p1)), f32x4.mul(x1, v128.load(p1, 16))));
    a2 = f32x4.add(a2, f32x4.add(f32x4.mul(x0, v128.load(p2)), f32x4.mul(x1, v128.load(p2, 16))));
    a3 = f32x4.add(a3, f32x4.add(f32x4.mul(x0, v128.load(p3)), f32x4.mul(x1, v128.load(p3, 16))));
    xp += 32;
    p0 += 32;
    p1 += 32;
    p2 += 32;
    p3 += 32;
  }
  if (j < dp) {
    const x0 = v128.load(xp);
    a0 = madd(a0, x0, v128.load(p0));
    a1 = madd(a1, x0, v128.load(p1));
    a2 = madd(a2, x0, v128.load(p2));
    a3 = madd(a3, x0, v128.load(p3));
  }
  return laneSums4(a0, a1, a2, a3);
}

/** |p - q| over dp floats, in float64. */
export function distance64(p: usize, q: usize, dp: i32): f64 {
  let s = f64x2.splat(0);
  for (let j = 0; j < dp; j += 4) {
    const a = v128.load(p);
    const b = v128.load(q);
    const lo = f64x2.sub(f64x2.promote_low_f32x4(a), f64x2.promote_low_f32x4(b));
    const hi = f64x2.sub(f64x2.promote_low_f32x4(highHalf(a)), f64x2.promote_low_f32x4(highHalf(b)));
    s = f64x2.add(s, f64x2.add(f64x2.mul(lo, lo), f64x2.mul(hi, hi)));
    p += 16;
    q += 16;
  }
  return Math.sqrt(f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1));
}

/** Sum of squares of a row of dp floats, in float64. */
export function norm64(p: usize, dp: i32): f64 {
  let s = f64x2.splat(0);
  for (let j = 0; j < dp; j += 4) {
    const v = v128.load(p);
    const lo = f64x2.promote_low_f32x4(v);
    const hi = f64x2.promote_low_f32x4(highHalf(v));
    s = f64x2.add(s, f64x2.add(f64x2.mul(lo, lo), f64x2.mul(hi, hi)));
    p += 16;
  }
  return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}

/** The point at xp leaves the float64 sum row `from` (dp values) for row `to`. */
export function moveSums(xp: usize, from: usize, to: usize, dp: i32): void {
  for (let j = 0; j < dp; j += 4) {
    const v = v128.load(xp);
    const lo = f64x2.promote_low_f32x4(v);
    const hi = f64x2.promote_low_f32x4(highHalf(v));
    v128.store(from, f64x2.sub(v128.load(from), lo));
    v128.store(from, f64x2.sub(v128.load(from, 16), hi), 16);
    v128.store(to, f64x2.add(v128.load(to), lo));
    v128.store(to, f64x2.add(v128.load(to, 16), hi), 16);
    xp += 16;
    from += 32;
    to += 32;
  }
}
