/**
 * exp and log of four float32 lanes at once, for the learned map's softmax and log loss
 * (../learnedMap.ts): the Cephes single-precision algorithms (range reduction by powers of two and
 * a minimax polynomial, within about 2 float32 ulps), written with plain IEEE operations, so every
 * engine computes the same bits.
 */

const LOG2E: f32 = 1.4426950408889634;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.1219444e-4;
const EXP_HI: f32 = 88.3762626647949;
/** ln 2^-126: 2^n stays a normal float32 (a clamped input gives 2^-126, not e^x). */
const EXP_LO: f32 = -87.3365447505531;
const SQRT_HALF: f32 = 0.7071067811865476;

/** e^x lane by lane, for x in [-87.33, 88.37] (outside, the value at the nearer end). */
export function exp4(v: v128): v128 {
  let x = f32x4.pmax(f32x4.splat(EXP_LO), f32x4.pmin(f32x4.splat(EXP_HI), v));
  // x = n ln2 + r with n = round(x / ln2), |r| <= ln2 / 2 (ln2 in two parts for an exact product).
  const n = f32x4.floor(f32x4.add(f32x4.mul(x, f32x4.splat(LOG2E)), f32x4.splat(0.5)));
  x = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
  x = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_LO)));
  const z = f32x4.mul(x, x);
  let y = f32x4.splat(1.98756915e-4);
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.3981999507e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.add(f32x4.mul(y, z), x), f32x4.splat(1));
  // 2^n from the exponent bits (n >= -126 after the clamp).
  const pow2n = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(y, pow2n);
}

/** ln x lane by lane, for positive normal x. */
export function log4(v: v128): v128 {
  const one = f32x4.splat(1);
  // x = m 2^e with m in [0.5, 1).
  let e = f32x4.convert_i32x4_s(i32x4.sub(i32x4.shr_u(v, 23), i32x4.splat(126)));
  let x = v128.or(v128.and(v, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000));
  // m < sqrt(1/2): use 2m - 1 and e - 1, so the polynomial's argument stays in [-0.29, 0.41).
  const small = f32x4.lt(x, f32x4.splat(SQRT_HALF));
  const tmp = v128.and(x, small);
  x = f32x4.sub(x, one);
  e = f32x4.sub(e, v128.and(one, small));
  x = f32x4.add(x, tmp);
  const z = f32x4.mul(x, x);
  let y = f32x4.splat(7.0376836292e-2);
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(-1.151461031e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.167699874e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(-1.2420140846e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.4249322787e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(-1.666805766e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(2.0000714765e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(-2.4999993993e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(3.3333331174e-1));
  y = f32x4.mul(f32x4.mul(y, x), z);
  y = f32x4.add(y, f32x4.mul(e, f32x4.splat(LN2_LO)));
  y = f32x4.sub(y, f32x4.mul(z, f32x4.splat(0.5)));
  return f32x4.add(f32x4.add(x, y), f32x4.mul(e, f32x4.splat(LN2_HI)));
}
