/**
 * The learned cluster map's training kernel (assembly/learnedMap.ts, WebAssembly SIMD) over prompts
 * and labels resident in wasm memory: per mini-batch the forward pass (Phi, gamma), the log loss
 * with dL/dgamma, the backward pass (dL/dW, dL/db) and Adam, with nothing per label or per weight
 * left to JavaScript. Pure compute on float32 buffers: the trainer (../routing/clusterMapSimd.ts)
 * picks the batches and owns the objective's mean and the step count. Every row is padded to a
 * multiple of 4 floats (zero weights, NaN labels = missing).
 */
import type { Matrix } from '../types';
import { instantiateKernel, kernelMemory, simdSupported } from './wasmKernels';

const up4 = (v: number): number => Math.ceil(v / 4) * 4;

export interface LearnedMapKernelShape {
  /** Clusters K and LLMs H. */
  k: number;
  h: number;
  /** Largest mini-batch (rows per call). */
  batchRows: number;
}

/** Adam's settings and the step number t (1 for the first step). */
export interface AdamStep {
  t: number;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  l2: number;
}

/** A mini-batch's prompts and labels in wasm memory. */
export interface LearnedMapBatch {
  x: number;
  e: number;
  count: number;
}

export interface LearnedMapKernel {
  n: number;
  dim: number;
  k: number;
  h: number;
  /** Largest batch. */
  bmax: number;
  /** Rows rows[start..start+count) (rows undefined: prompts start..): gathered unless consecutive. */
  batch(rows: ArrayLike<number> | undefined, start: number, count: number): LearnedMapBatch;
  /** Phi = softmax(X W^T + b) and gamma = Phi Psi^T for the batch. */
  forward(b: LearnedMapBatch): void;
  /** Sum of the log loss over the batch's observed labels, and their count; withGrad keeps dL/dgamma. */
  loss(b: LearnedMapBatch, withGrad: boolean): { total: number; observed: number };
  /**
   * After loss(b, true): the sums over b's rows of dL/dW and dL/db per label (not yet divided by the
   * batch's label count), into half `slot` (0 or 1) of the batch's gradient.
   */
  backward(b: LearnedMapBatch, slot: 0 | 1): void;
  /** The batch's gradient: (half 0 + half 1) / norm, which adam() and gradient() then use. */
  combine(norm: number): void;
  /** Half 0's dL/dW and dL/db (copies, padded K x D and K), for the thread that computes the other half. */
  half(): { dw: Float32Array; db: Float32Array };
  /** Sets half 1 (computed elsewhere, as half() gives it); with no arguments, zeroes it (an empty half). */
  setHalf(dw?: Float32Array, db?: Float32Array): void;
  /** W and b as the kernel holds them (copies, padded), for a thread computing a half at this theta. */
  weights(): { w: Float32Array; b: Float32Array };
  /** Sets W and b (as weights() gives them) and W^T for the forward pass. */
  setWeights(w: Float32Array, b: Float32Array): void;
  /** One Adam step on W and b with the gradient of backward() plus 2 l2 theta. */
  adam(step: AdamStep): void;
  /** The gradient of backward() plus 2 l2 theta, K x (D+1) (last column: bias). */
  gradient(l2: number): Float32Array;
  /** theta, K x (D+1) row-major (last column: bias). */
  getTheta(): Float32Array;
  setTheta(theta: ArrayLike<number>): void;
  /** Zeroes Adam's moments. */
  resetMoments(): void;
  dispose(): void;
}

interface Exports {
  gemm(a: number, b: number, c: number, m: number, kd: number, cols: number, lda: number, ldb: number, ldc: number): void;
  softmax(z: number, bias: number, mask: number, count: number, kp: number): void;
  logLoss(g: number, e: number, count: number, hp: number, withGrad: boolean): number;
  observedLabels(): number;
  gemmTN(a: number, b: number, c: number, m: number, kd: number, cols: number, lda: number, ldb: number, ldc: number): void;
  softmaxBack(z: number, dphi: number, db: number, count: number, kp: number, norm: number): void;
  adam(
    p: number,
    gr: number,
    m1: number,
    m2: number,
    floats: number,
    lr: number,
    b1: number,
    b2: number,
    eps: number,
    c1: number,
    c2: number,
    l2: number,
  ): void;
  transpose(w: number, wt: number, rows: number, cols: number): void;
  combineHalves(a: number, b: number, floats: number, norm: number): void;
  gather(a: number, ab: number, rows: number, count: number, floats: number): void;
}

/** Copies the prompts, labels (n x H row-major, NaN = missing) and Psi (model-major H x K) in. */
export async function createLearnedMapKernel(
  x: Matrix,
  errors: ArrayLike<number>,
  psi: ArrayLike<number>,
  shape: LearnedMapKernelShape,
): Promise<LearnedMapKernel> {
  if (!simdSupported()) throw new Error('WebAssembly SIMD is not available in this engine');
  const { rows: n, cols: d } = x;
  const { k, h } = shape;
  const bmax = Math.max(1, Math.min(Math.floor(shape.batchRows), n));
  const [dp, kp, hp, bp] = [up4(d), up4(k), up4(h), up4(bmax)];
  let at = 16;
  const take = (floats: number): number => {
    const start = at;
    at += up4(floats) * 4;
    return start;
  };
  const L = {
    x: take(n * dp),
    e: take(n * hp),
    xb: take(bp * dp),
    eb: take(bp * hp),
    rows: take(bp),
    w: take(kp * dp),
    wt: take(dp * kp),
    bias: take(kp),
    mask: take(kp),
    m1w: take(kp * dp),
    m2w: take(kp * dp),
    m1b: take(kp),
    m2b: take(kp),
    z: take(bp * kp),
    psiT: take(kp * hp),
    g: take(bp * hp),
    psi: take(hp * kp),
    dphi: take(bp * kp),
    dw: take(kp * dp),
    db: take(kp),
    dw2: take(kp * dp),
    db2: take(kp),
  };
  if (at > 2 ** 31) throw new Error(`${n} x ${d} prompts need ${(at / 2 ** 30).toFixed(1)} GiB: too large for the wasm kernel`);
  const memory = kernelMemory(at);
  let wasm: Exports | undefined = await instantiateKernel<Exports>('learnedMap', memory);
  const buf = memory.buffer;
  const f32 = (offset: number, len: number): Float32Array => new Float32Array(buf, offset, len);
  const X = f32(L.x, n * dp);
  for (let r = 0; r < n; r++) X.set(x.data.subarray(r * d, (r + 1) * d), r * dp);
  const E = f32(L.e, n * hp).fill(NaN);
  for (let r = 0; r < n; r++) for (let m = 0; m < h; m++) E[r * hp + m] = errors[r * h + m];
  const psiT = f32(L.psiT, kp * hp);
  const psiP = f32(L.psi, hp * kp);
  for (let m = 0; m < h; m++) {
    for (let c = 0; c < k; c++) {
      psiT[c * hp + m] = psi[m * k + c];
      psiP[m * kp + c] = psi[m * k + c];
    }
  }
  new Int32Array(buf, L.mask, kp).fill(-1, 0, k); // all bits set on the K real lanes
  const rowsBuf = new Int32Array(buf, L.rows, bp);
  const W = f32(L.w, kp * dp);
  const bias = f32(L.bias, kp);
  const DW = f32(L.dw, kp * dp);
  const DB = f32(L.db, kp);
  const live = (): Exports => {
    if (wasm === undefined) throw new Error('this learned-map kernel was disposed');
    return wasm;
  };
  const toTheta = (w: Float32Array, b: Float32Array, out: Float32Array): Float32Array => {
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) out[c * (d + 1) + j] = w[c * dp + j];
      out[c * (d + 1) + d] = b[c];
    }
    return out;
  };
  return {
    n,
    dim: d,
    k,
    h,
    bmax,
    batch(rows, start, count) {
      if (rows === undefined) return { x: L.x + start * dp * 4, e: L.e + start * hp * 4, count };
      for (let i = 0; i < count; i++) rowsBuf[i] = rows[start + i];
      live().gather(L.x, L.xb, L.rows, count, dp);
      live().gather(L.e, L.eb, L.rows, count, hp);
      return { x: L.xb, e: L.eb, count };
    },
    forward(b) {
      const w = live();
      w.gemm(b.x, L.wt, L.z, b.count, dp, kp, dp, kp, kp);
      w.softmax(L.z, L.bias, L.mask, b.count, kp);
      w.gemm(L.z, L.psiT, L.g, b.count, kp, hp, kp, hp, hp);
    },
    loss(b, withGrad) {
      const w = live();
      const total = w.logLoss(L.g, b.e, b.count, hp, withGrad);
      return { total, observed: w.observedLabels() };
    },
    backward(b, slot) {
      const w = live();
      const [dw, db] = slot === 0 ? [L.dw, L.db] : [L.dw2, L.db2];
      w.gemm(L.g, L.psi, L.dphi, b.count, hp, kp, hp, kp, kp);
      w.softmaxBack(L.z, L.dphi, db, b.count, kp, 1);
      w.gemmTN(L.dphi, b.x, dw, k, b.count, dp, kp, dp, dp);
    },
    combine(norm) {
      const w = live();
      w.combineHalves(L.dw, L.dw2, kp * dp, norm);
      w.combineHalves(L.db, L.db2, kp, norm);
    },
    half: () => ({ dw: DW.slice(), db: DB.slice() }),
    setHalf(dw, db) {
      live();
      const [dw2, db2] = [f32(L.dw2, kp * dp), f32(L.db2, kp)];
      if (dw === undefined || db === undefined) {
        dw2.fill(0);
        db2.fill(0);
      } else {
        dw2.set(dw);
        db2.set(db);
      }
    },
    weights: () => ({ w: W.slice(), b: bias.slice() }),
    setWeights(w, b) {
      live();
      W.set(w);
      bias.set(b);
      live().transpose(L.w, L.wt, kp, dp);
    },
    adam(s) {
      const w = live();
      const c1 = 1 - s.beta1 ** s.t;
      const c2 = 1 - s.beta2 ** s.t;
      w.adam(L.w, L.dw, L.m1w, L.m2w, kp * dp, s.learningRate, s.beta1, s.beta2, s.epsilon, c1, c2, s.l2);
      w.adam(L.bias, L.db, L.m1b, L.m2b, kp, s.learningRate, s.beta1, s.beta2, s.epsilon, c1, c2, s.l2);
      w.transpose(L.w, L.wt, kp, dp);
    },
    gradient(l2) {
      const g = toTheta(DW, DB, new Float32Array(k * (d + 1)));
      const theta = toTheta(W, bias, new Float32Array(k * (d + 1)));
      for (let q = 0; q < g.length; q++) g[q] += 2 * l2 * theta[q];
      return g;
    },
    getTheta: () => toTheta(W, bias, new Float32Array(k * (d + 1))),
    setTheta(theta) {
      live();
      for (let c = 0; c < k; c++) {
        for (let j = 0; j < d; j++) W[c * dp + j] = theta[c * (d + 1) + j];
        bias[c] = theta[c * (d + 1) + d];
      }
      live().transpose(L.w, L.wt, kp, dp);
    },
    resetMoments() {
      for (const [at2, len] of [
        [L.m1w, kp * dp],
        [L.m2w, kp * dp],
        [L.m1b, kp],
        [L.m2b, kp],
      ])
        f32(at2, len).fill(0);
    },
    dispose() {
      wasm = undefined;
    },
  };
}
