/**
 * k-means++ seeding's distance update (../seedingKernel.ts): after a new centre is chosen, every
 * point's D(x)^2 (its squared distance to the nearest centre so far) becomes the lower of that and
 * its distance to the new centre. D(x)^2 must be the float64 left-to-right sum of the plain loop
 * (the next draw is weighted by it), so a float32 SIMD sum only rules points out: all its terms are
 * non-negative, so it is within a relative gamma of the real distance, and a point whose float32
 * distance, shrunk by that bound, still beats D(x)^2 cannot come nearer. Only the others get the
 * exact float64 sum, with the plain loop's operations in its order.
 *
 * Memory (byte addresses from the caller):
 *   X    n x dp  points, rows padded with zeros to dp (a multiple of 16) floats
 *   MIN  n (f64) D(x)^2 (+Infinity before the first centre)
 *   CAND n (i32) the points a call could not rule out
 */

/** The float64 left-to-right sum of (x_j - centre_j)^2 over the first d columns. */
function exactOne(x: usize, centre: usize, d: i32): f64 {
  let sum: f64 = 0;
  for (let j = 0; j < d; j++) {
    const t = <f64>load<f32>(x + ((<usize>j) << 2)) - <f64>load<f32>(centre + ((<usize>j) << 2));
    sum += t * t;
  }
  return sum;
}

/** MIN[i] = min(MIN[i], s) for point i. */
function lower(MIN: usize, i: i32, s: f64): void {
  const at = MIN + ((<usize>i) << 3);
  if (s < load<f64>(at)) store<f64>(at, s);
}

/**
 * MIN[i] = min(MIN[i], |x_i - x_c|^2) for every point, the exact float64 sum over the d real
 * columns computed only where fl32 |x_i - x_c|^2 * shrink - floor does not exceed MIN[i] (or the
 * float32 sum overflows): those points are listed in CAND (n i32) first, then summed four at a
 * time (four independent sums, each in the plain loop's order). Returns how many exact sums it computed.
 */
export function update(n: i32, X: usize, MIN: usize, CAND: usize, c: i32, d: i32, dp: i32, shrink: f64, floor: f64): i32 {
  const rowBytes = (<usize>dp) << 2;
  const centre = X + <usize>c * rowBytes;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = X + <usize>i * rowBytes;
    // Four independent sums, so the additions overlap; any order is within the bound.
    let a0 = f32x4.splat(0);
    let a1 = a0;
    let a2 = a0;
    let a3 = a0;
    for (let j: usize = 0; j < rowBytes; j += 64) {
      const d0 = f32x4.sub(v128.load(x + j), v128.load(centre + j));
      const d1 = f32x4.sub(v128.load(x + j, 16), v128.load(centre + j, 16));
      const d2 = f32x4.sub(v128.load(x + j, 32), v128.load(centre + j, 32));
      const d3 = f32x4.sub(v128.load(x + j, 48), v128.load(centre + j, 48));
      a0 = f32x4.add(a0, f32x4.mul(d0, d0));
      a1 = f32x4.add(a1, f32x4.mul(d1, d1));
      a2 = f32x4.add(a2, f32x4.mul(d2, d2));
      a3 = f32x4.add(a3, f32x4.mul(d3, d3));
    }
    const s = f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3));
    const approx = f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + (f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
    if (approx <= f32.MAX_VALUE && <f64>approx * shrink - floor > load<f64>(MIN + ((<usize>i) << 3))) continue;
    store<i32>(CAND + ((<usize>count) << 2), i);
    count++;
  }
  let q = 0;
  for (; q + 4 <= count; q += 4) {
    const i0 = load<i32>(CAND + ((<usize>q) << 2));
    const i1 = load<i32>(CAND + ((<usize>(q + 1)) << 2));
    const i2 = load<i32>(CAND + ((<usize>(q + 2)) << 2));
    const i3 = load<i32>(CAND + ((<usize>(q + 3)) << 2));
    const x0 = X + <usize>i0 * rowBytes;
    const x1 = X + <usize>i1 * rowBytes;
    const x2 = X + <usize>i2 * rowBytes;
    const x3 = X + <usize>i3 * rowBytes;
    let s0: f64 = 0;
    let s1: f64 = 0;
    let s2: f64 = 0;
    let s3: f64 = 0;
    for (let j = 0; j < d; j++) {
      const at = (<usize>j) << 2;
      const cj = <f64>load<f32>(centre + at);
      const t0 = <f64>load<f32>(x0 + at) - cj;
      const t1 = <f64>load<f32>(x1 + at) - cj;
      const t2 = <f64>load<f32>(x2 + at) - cj;
      const t3 = <f64>load<f32>(x3 + at) - cj;
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    lower(MIN, i0, s0);
    lower(MIN, i1, s1);
    lower(MIN, i2, s2);
    lower(MIN, i3, s3);
  }
  for (; q < count; q++) {
    const i = load<i32>(CAND + ((<usize>q) << 2));
    lower(MIN, i, exactOne(X + <usize>i * rowBytes, centre, d));
  }
  return count;
}
