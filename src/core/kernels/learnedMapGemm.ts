/**
 * The four matrix products per mini-batch of the learned cluster map's training, on the SIMD
 * matrix-product kernel (assembly/gemm.ts) over prompts resident in wasm memory:
 *   forward  Z = X W^T (batch x K),  gamma G = Phi Psi^T (batch x H),
 *   backward dPhi = dGamma Psi (batch x K),  dW = dZ^T X (K x D).
 * Pure compute on float32 buffers: the trainer (../routing/clusterMapSimd.ts) writes W, reads Z,
 * writes Phi back into Z, and so on. Every row is padded to a multiple of 4 floats (zeros).
 */
import type { Matrix } from '../types';
import { instantiateKernel, kernelMemory, simdSupported } from './wasmKernels';

const up4 = (v: number): number => Math.ceil(v / 4) * 4;

export interface LearnedMapGemmShape {
  /** Clusters K and LLMs H. */
  k: number;
  h: number;
  /** Largest mini-batch (rows of X per call). */
  batchRows: number;
}

/** The kernel's buffers (float32 views into wasm memory; row strides in the `*p` fields). */
export interface LearnedMapGemm {
  n: number;
  dim: number;
  k: number;
  h: number;
  /** Padded widths: D, K, H, batch. */
  dp: number;
  kp: number;
  hp: number;
  bp: number;
  bmax: number;
  /** All prompts, n x dp. */
  X: Float32Array;
  /** W^T, dp x kp (write the weights here). */
  WT: Float32Array;
  /** Z: batch x kp logits from forward(); the trainer overwrites them with Phi. */
  Z: Float32Array;
  /** G: batch x hp gamma from gamma(); the trainer overwrites it with dL/dgamma. */
  G: Float32Array;
  /** dPhi: batch x kp from backPhi(). */
  DPHI: Float32Array;
  /** dZ^T: kp x bp (the trainer writes it). */
  DZT: Float32Array;
  /** dW: kp x dp from backW(). */
  DW: Float32Array;
  /**
   * X of the batch rows[start..start+count) (rows undefined: prompts start..): gathered into a
   * batch buffer unless consecutive. Returns the batch's handle for forward() and backW().
   */
  batch(rows: ArrayLike<number> | undefined, start: number, count: number): number;
  /** Z = X_batch W^T. */
  forward(batch: number, count: number): void;
  /** G = Z Psi^T (Z holding Phi). */
  gamma(count: number): void;
  /** dPhi = G Psi (G holding dL/dgamma). */
  backPhi(count: number): void;
  /** dW = dZ^T X_batch (count rows). */
  backW(batch: number, count: number): void;
  dispose(): void;
}

interface Exports {
  /** C[m x cols] = A[m x kd] B[kd x cols] at byte addresses a, b, c with row strides in floats. */
  gemm: (a: number, b: number, c: number, m: number, kd: number, cols: number, lda: number, ldb: number, ldc: number) => void;
}

/** Compiles the products for these prompts and Psi (model-major H x K) and copies both in. */
export async function createLearnedMapGemm(x: Matrix, psi: ArrayLike<number>, shape: LearnedMapGemmShape): Promise<LearnedMapGemm> {
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
    xb: take(bp * dp),
    wt: take(dp * kp),
    z: take(bp * kp),
    psiT: take(kp * hp),
    g: take(bp * hp),
    psi: take(hp * kp),
    dphi: take(bp * kp),
    dzt: take(kp * bp),
    dw: take(kp * dp),
  };
  if (at > 2 ** 31) throw new Error(`${n} x ${d} prompts need ${(at / 2 ** 30).toFixed(1)} GiB: too large for the wasm kernel`);
  const memory = kernelMemory(at);
  let wasm: Exports | undefined = await instantiateKernel<Exports>('gemm', memory);
  const buf = memory.buffer;
  const f32 = (offset: number, len: number): Float32Array => new Float32Array(buf, offset, len);
  const X = f32(L.x, n * dp);
  for (let r = 0; r < n; r++) X.set(x.data.subarray(r * d, (r + 1) * d), r * dp);
  const XB = f32(L.xb, bp * dp);
  const psiT = f32(L.psiT, kp * hp);
  const psiP = f32(L.psi, hp * kp);
  for (let m = 0; m < h; m++) {
    for (let c = 0; c < k; c++) {
      psiT[c * hp + m] = psi[m * k + c];
      psiP[m * kp + c] = psi[m * k + c];
    }
  }
  const live = (): Exports => {
    if (wasm === undefined) throw new Error('this learned-map kernel was disposed');
    return wasm;
  };
  return {
    n,
    dim: d,
    k,
    h,
    dp,
    kp,
    hp,
    bp,
    bmax,
    X,
    WT: f32(L.wt, dp * kp),
    Z: f32(L.z, bp * kp),
    G: f32(L.g, bp * hp),
    DPHI: f32(L.dphi, bp * kp),
    DZT: f32(L.dzt, kp * bp),
    DW: f32(L.dw, kp * dp),
    batch(rows, start, count) {
      if (rows === undefined) return L.x + start * dp * 4;
      for (let i = 0; i < count; i++) XB.set(X.subarray(rows[start + i] * dp, (rows[start + i] + 1) * dp), i * dp);
      return L.xb;
    },
    forward: (batch, count) => live().gemm(batch, L.wt, L.z, count, dp, kp, dp, kp, kp),
    gamma: (count) => live().gemm(L.z, L.psiT, L.g, count, kp, hp, kp, hp, hp),
    backPhi: (count) => live().gemm(L.g, L.psi, L.dphi, count, hp, kp, hp, kp, kp),
    backW: (batch, count) => live().gemm(L.dzt, batch, L.dw, k, count, dp, bp, dp, dp),
    dispose() {
      wasm = undefined;
    },
  };
}
