/**
 * One mini-batch of the learned cluster map's training (UniRoute LearnedMap) in WebAssembly SIMD
 * (AssemblyScript, compiled by scripts/build-kernels.mjs): the four matrix products (lib/gemm.ts)
 * and everything between them, so no per-label work is left to JavaScript:
 *   Phi = softmax(X W^T + b)  (`softmax`),   gamma = Phi Psi^T  (gemm),
 *   loss and dL/dgamma of the objective (routing/clusterMapObjective.ts)  (`logLoss`),
 *   dL/dPhi = dL/dgamma Psi  (gemm),   dL/dz = Phi (dL/dPhi - Phi . dL/dPhi) / N  (`softmaxBack`),
 *   dL/dW = (dL/dz)^T X  (gemmTN),   Adam on W and b  (`adam`),   W^T for the next forward pass.
 * A batch's gradient is the sum of its two halves' (`combineHalves`, then / N), so a second thread
 * can compute one half with the same result.
 * Rows are padded to multiples of 4 floats; MASK marks the K real lanes of a padded row.
 */
import { exp4, log4 } from './lib/mathf4';

export { gemm, gemmTN } from './lib/gemm';

/** gamma is clipped to [GAMMA_CLIP, 1 - GAMMA_CLIP] (routing/clusterMapObjective.ts). */
const CLIP: f32 = 1e-6;

/** Observed labels of the last `logLoss` call. */
let observed: i32 = 0;

export function observedLabels(): i32 {
  return observed;
}

/** The largest of the four lanes. */
function laneMax(v: v128): f32 {
  const a = f32x4.pmax(v, i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
  const x = f32x4.extract_lane(a, 0);
  const y = f32x4.extract_lane(a, 1);
  return y > x ? y : x;
}

/** The sum of the four lanes. */
function laneSum(v: v128): f32 {
  const a = f32x4.add(v, i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
  return f32x4.extract_lane(a, 0) + f32x4.extract_lane(a, 1);
}

/** Each of `count` rows of Z (kp floats) becomes softmax(row + BIAS) over its real lanes (0 elsewhere). */
export function softmax(Z: usize, BIAS: usize, MASK: usize, count: i32, kp: i32): void {
  const rowBytes = (<usize>kp) << 2;
  const ninf = f32x4.splat(-Infinity);
  for (let i = 0; i < count; i++) {
    const row = Z + <usize>i * rowBytes;
    let most = ninf;
    for (let c: usize = 0; c < rowBytes; c += 16) {
      const z = v128.bitselect(f32x4.add(v128.load(row + c), v128.load(BIAS + c)), ninf, v128.load(MASK + c));
      v128.store(row + c, z);
      most = f32x4.pmax(most, z);
    }
    const top = f32x4.splat(laneMax(most));
    let sum = f32x4.splat(0);
    for (let c: usize = 0; c < rowBytes; c += 16) {
      const e = v128.and(exp4(f32x4.sub(v128.load(row + c), top)), v128.load(MASK + c));
      v128.store(row + c, e);
      sum = f32x4.add(sum, e);
    }
    const total = f32x4.splat(laneSum(sum));
    for (let c: usize = 0; c < rowBytes; c += 16) v128.store(row + c, f32x4.div(v128.load(row + c), total));
  }
}

/**
 * The objective's log loss of gamma G (count x hp) against the labels E (count x hp; NaN =
 * missing, as in every padding lane): returns the sum over observed labels of
 * -(e ln g + (1 - e) ln(1 - g)) at the clipped g (float64 sum of float32 rows), sets the count of
 * observed labels, and with `withGrad` writes dL/dgamma = -e / g + (1 - e) / (1 - g) into G
 * (0 where the label is missing or gamma is clipped).
 */
export function logLoss(G: usize, E: usize, count: i32, hp: i32, withGrad: bool): f64 {
  const rowBytes = (<usize>hp) << 2;
  const lo = f32x4.splat(CLIP);
  const hi = f32x4.splat(1 - CLIP);
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  let total: f64 = 0;
  let seenCount = i32x4.splat(0);
  for (let i = 0; i < count; i++) {
    const g0 = G + <usize>i * rowBytes;
    const e0 = E + <usize>i * rowBytes;
    let rowLoss = f32x4.splat(0);
    for (let c: usize = 0; c < rowBytes; c += 16) {
      const g = v128.load(g0 + c);
      const e = v128.load(e0 + c);
      const seen = f32x4.eq(e, e);
      const gc = f32x4.pmin(hi, f32x4.pmax(lo, g));
      const notE = f32x4.sub(one, e);
      const notG = f32x4.sub(one, gc);
      // 0/1 labels (the usual case) need one log: ln g where e = 1, ln(1 - g) where e = 0.
      const isOne = f32x4.eq(e, one);
      const fractional = v128.andnot(seen, v128.or(isOne, f32x4.eq(e, zero)));
      const loss = v128.any_true(fractional)
        ? f32x4.neg(f32x4.add(f32x4.mul(e, log4(gc)), f32x4.mul(notE, log4(notG))))
        : f32x4.neg(log4(v128.bitselect(gc, notG, isOne)));
      rowLoss = f32x4.add(rowLoss, v128.and(loss, seen));
      seenCount = i32x4.sub(seenCount, seen); // a set lane is -1
      if (withGrad) {
        const inside = v128.and(seen, v128.and(f32x4.ge(g, lo), f32x4.le(g, hi)));
        // (1 - e) / (1 - g) - e / g over one denominator.
        const grad = f32x4.div(f32x4.sub(gc, e), f32x4.mul(gc, notG));
        v128.store(g0 + c, v128.and(grad, inside));
      }
    }
    total += <f64>f32x4.extract_lane(rowLoss, 0) + <f64>f32x4.extract_lane(rowLoss, 1);
    total += <f64>f32x4.extract_lane(rowLoss, 2) + <f64>f32x4.extract_lane(rowLoss, 3);
  }
  observed = i32x4.extract_lane(seenCount, 0) + i32x4.extract_lane(seenCount, 1);
  observed += i32x4.extract_lane(seenCount, 2) + i32x4.extract_lane(seenCount, 3);
  return total;
}

/**
 * Softmax backward over `count` rows: dz = Phi (dPhi - Phi . dPhi) / norm, written over DPHI (the
 * rows of dL/dz, for the weight product) and summed over the rows into DB (the bias gradient).
 */
export function softmaxBack(Z: usize, DPHI: usize, DB: usize, count: i32, kp: i32, norm: f32): void {
  const rowBytes = (<usize>kp) << 2;
  const n4 = f32x4.splat(norm);
  for (let c: usize = 0; c < rowBytes; c += 16) v128.store(DB + c, f32x4.splat(0));
  for (let i = 0; i < count; i++) {
    const phi = Z + <usize>i * rowBytes;
    const dphi = DPHI + <usize>i * rowBytes;
    let dot = f32x4.splat(0);
    for (let c: usize = 0; c < rowBytes; c += 16) dot = f32x4.add(dot, f32x4.mul(v128.load(phi + c), v128.load(dphi + c)));
    const d4 = f32x4.splat(laneSum(dot));
    for (let c: usize = 0; c < rowBytes; c += 16) {
      const dz = f32x4.div(f32x4.mul(v128.load(phi + c), f32x4.sub(v128.load(dphi + c), d4)), n4);
      v128.store(DB + c, f32x4.add(v128.load(DB + c), dz));
      v128.store(dphi + c, dz);
    }
  }
}

/**
 * One Adam step (tfjs's update) on `floats` parameters P (a multiple of 4) with gradient GR plus
 * the L2 term 2 l2 P, moments M1, M2; c1 = 1 - beta1^t and c2 = 1 - beta2^t.
 */
export function adam(
  P: usize,
  GR: usize,
  M1: usize,
  M2: usize,
  floats: i32,
  lr: f32,
  beta1: f32,
  beta2: f32,
  eps: f32,
  c1: f32,
  c2: f32,
  l2: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const b2 = f32x4.splat(beta2);
  const a1 = f32x4.splat(1 - beta1);
  const a2 = f32x4.splat(1 - beta2);
  const twoL2 = f32x4.splat(2 * l2);
  const rate = f32x4.splat(lr);
  const e4 = f32x4.splat(eps);
  const k1 = f32x4.splat(c1);
  const k2 = f32x4.splat(c2);
  const bytes = (<usize>floats) << 2;
  for (let q: usize = 0; q < bytes; q += 16) {
    const p = v128.load(P + q);
    const g = f32x4.add(v128.load(GR + q), f32x4.mul(twoL2, p));
    const m = f32x4.add(f32x4.mul(b1, v128.load(M1 + q)), f32x4.mul(a1, g));
    const v = f32x4.add(f32x4.mul(b2, v128.load(M2 + q)), f32x4.mul(a2, f32x4.mul(g, g)));
    v128.store(M1 + q, m);
    v128.store(M2 + q, v);
    const step = f32x4.div(f32x4.mul(rate, f32x4.div(m, k1)), f32x4.add(f32x4.sqrt(f32x4.div(v, k2)), e4));
    v128.store(P + q, f32x4.sub(p, step));
  }
}

/**
 * The batch's gradient from its two halves' (unnormalised) gradients: A = (A + B) / norm over
 * `floats` values (a multiple of 4), in float32, the same whichever thread computed each half.
 */
export function combineHalves(A: usize, B: usize, floats: i32, norm: f32): void {
  const n4 = f32x4.splat(norm);
  const bytes = (<usize>floats) << 2;
  for (let p: usize = 0; p < bytes; p += 16) v128.store(A + p, f32x4.div(f32x4.add(v128.load(A + p), v128.load(B + p)), n4));
}

/** WT (cols x rows) = W^T for W (rows x cols), both row-major. */
export function transpose(W: usize, WT: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) store<f32>(WT + ((<usize>(j * rows + r)) << 2), load<f32>(W + ((<usize>(r * cols + j)) << 2)));
  }
}

/**
 * Copies `count` rows (indices ROWS[0..count), i32) of A (rows of `floats` floats) to the front of
 * AB: the mini-batch's prompts or labels.
 */
export function gather(A: usize, AB: usize, ROWS: usize, count: i32, floats: i32): void {
  const rowBytes = (<usize>floats) << 2;
  for (let i = 0; i < count; i++) {
    const r = <usize>load<i32>(ROWS + ((<usize>i) << 2));
    memory.copy(AB + <usize>i * rowBytes, A + r * rowBytes, rowBytes);
  }
}

/** exp (which = 0) or ln (which = 1) of `floats` values in place (a multiple of 4); for the tests. */
export function mapMath(P: usize, floats: i32, which: i32): void {
  const bytes = (<usize>floats) << 2;
  for (let q: usize = 0; q < bytes; q += 16) v128.store(P + q, which === 0 ? exp4(v128.load(P + q)) : log4(v128.load(P + q)));
}
