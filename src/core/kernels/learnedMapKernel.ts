/**
 * Training kernel of UniRoute's learned cluster map Phi (LearnedMap), arXiv 2502.08773:
 *   Phi(x) = softmax(theta [x, 1]),  gamma = clip(Phi(x) . Psi(h), 1e-6, 1 - 1e-6),
 *   objective = mean BCE(gamma, e) over observed labels + l2 |theta|^2, Adam on theta.
 * The same maths as routing/clusterMapTf.ts (objective) and clusterMapGradient, with the gradient
 * written out by hand. The four matrix products per mini-batch (X W^T, Phi Psi^T, dGamma Psi,
 * dZ^T X) run in generated WebAssembly SIMD (wasmGemm.ts) on data resident in wasm memory;
 * softmax, the log loss and Adam (O(batch x (K + H)) and O(K x D)) run in plain TypeScript.
 */
import type { Matrix } from '../types';
import { gemmFunction } from './wasmGemm';
import { assembleModule, simdSupported } from './wasmAssembler';

/** What the map learns from: S_tr x H_tr with Psi fixed. */
export interface LearnedMapProblem {
  /** phi(S_tr), n x D. */
  x: Matrix;
  /** e(x,h), n x H row-major; NaN = missing label (ignored). */
  errors: ArrayLike<number>;
  /** Psi model-major, H x K (psi[h * K + k]). */
  psi: ArrayLike<number>;
  /** Initial theta, K x (D+1) row-major, last column = bias. */
  theta: ArrayLike<number>;
}

export interface LearnedMapKernelOptions {
  learningRate?: number;
  l2?: number;
  /** Largest mini-batch (prompts, each with all its LLMs). */
  batchSize?: number;
  beta1?: number;
  beta2?: number;
  /** Adam's epsilon; tfjs uses its backend epsilon, 1e-7 for float32. */
  epsilon?: number;
}

const DEFAULTS: Required<LearnedMapKernelOptions> = {
  learningRate: 0.01,
  l2: 1e-6,
  batchSize: 256,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
};
const CLIP = 1e-6;

export interface LearnedMapKernel {
  n: number;
  dim: number;
  k: number;
  h: number;
  /** Loss (mean BCE over the batch's observed labels + l2 term) and gradient wrt theta, without updating. */
  gradient(rows?: ArrayLike<number>, start?: number, end?: number): { loss: number; gradient: Float32Array };
  /** One Adam step on rows[start..end) (default: prompts start..end-1); returns the batch's mean BCE before the step. */
  step(rows?: ArrayLike<number>, start?: number, end?: number): number;
  /** One pass over `order` (default 0..n-1) in mini-batches; mean over batches of their BCE. */
  epoch(order?: ArrayLike<number>): { meanBatchLoss: number; batches: number };
  /** Mean BCE (no L2) over every observed label of the given rows (default all) at the current theta. */
  meanLoss(rows?: ArrayLike<number>): number;
  getTheta(): Float32Array;
  /** Replaces theta; resetOptimizer also zeroes Adam's moments and step count. */
  setTheta(theta: ArrayLike<number>, resetOptimizer?: boolean): void;
  dispose(): void;
}

const up4 = (v: number): number => Math.ceil(v / 4) * 4;

interface Gemms {
  memory: WebAssembly.Memory;
  fwd: (a: number, b: number, c: number, m: number, kd: number) => void;
  gam: (a: number, b: number, c: number, m: number, kd: number) => void;
  dphi: (a: number, b: number, c: number, m: number, kd: number) => void;
  dw: (a: number, b: number, c: number, m: number, kd: number) => void;
}

/** Compiles the kernel for this problem and copies the prompts into its memory. */
export async function createLearnedMapKernel(problem: LearnedMapProblem, options: LearnedMapKernelOptions = {}): Promise<LearnedMapKernel> {
  if (!simdSupported()) throw new Error('WebAssembly SIMD is not available in this engine');
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const { rows: n, cols: d } = problem.x;
  const k = problem.theta.length / (d + 1);
  const h = problem.psi.length / k;
  if (!Number.isInteger(k) || k < 1) throw new Error(`theta has ${problem.theta.length} values, not K x (D+1) with D = ${d}`);
  if (!Number.isInteger(h) || h < 1) throw new Error(`psi has ${problem.psi.length} values, not H x K with K = ${k}`);
  if (problem.errors.length !== n * h) throw new Error(`errors have ${problem.errors.length} values, expected ${n} x ${h}`);
  const bmax = Math.max(1, Math.min(Math.floor(o.batchSize), n));
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
  const bytes = assembleModule({
    memoryPages: Math.ceil(at / 65536),
    functions: [
      gemmFunction({ name: 'fwd', cols: kp, lda: dp, ldb: kp, ldc: kp }),
      gemmFunction({ name: 'gam', cols: hp, lda: kp, ldb: hp, ldc: hp }),
      gemmFunction({ name: 'dphi', cols: kp, lda: hp, ldb: kp, ldc: kp }),
      gemmFunction({ name: 'dw', cols: dp, lda: bp, ldb: dp, ldc: dp }),
    ],
  });
  let wasm: Gemms | undefined = (await WebAssembly.instantiate(bytes)).instance.exports as unknown as Gemms;
  const buf = wasm.memory.buffer;
  const f32 = (offset: number, len: number): Float32Array => new Float32Array(buf, offset, len);
  const X = f32(L.x, n * dp);
  for (let r = 0; r < n; r++) X.set(problem.x.data.subarray(r * d, (r + 1) * d), r * dp);
  const [XB, WT, Z, G, DPHI, DZT, DW] = [
    f32(L.xb, bp * dp),
    f32(L.wt, dp * kp),
    f32(L.z, bp * kp),
    f32(L.g, bp * hp),
    f32(L.dphi, bp * kp),
    f32(L.dzt, kp * bp),
    f32(L.dw, kp * dp),
  ];
  const psiT = f32(L.psiT, kp * hp);
  const psiP = f32(L.psi, hp * kp);
  for (let m = 0; m < h; m++) {
    for (let c = 0; c < k; c++) {
      psiT[c * hp + m] = problem.psi[m * k + c];
      psiP[m * kp + c] = problem.psi[m * k + c];
    }
  }
  const E = Float32Array.from(problem.errors);
  const theta = Float32Array.from(problem.theta);
  const bias = new Float32Array(k);
  const grad = new Float32Array(k * (d + 1));
  const mom1 = new Float32Array(k * (d + 1));
  const mom2 = new Float32Array(k * (d + 1));
  let t = 0;

  const live = (): Gemms => {
    if (wasm === undefined) throw new Error('this learned-map kernel was disposed');
    return wasm;
  };
  const writeWeights = (): void => {
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) WT[j * kp + c] = theta[c * (d + 1) + j];
      bias[c] = theta[c * (d + 1) + d];
    }
  };
  /** Batch rows into XB when they are not consecutive; returns the byte address of the batch's X. */
  const batchX = (rows: ArrayLike<number> | undefined, start: number, count: number): number => {
    if (rows === undefined) return L.x + start * dp * 4;
    for (let i = 0; i < count; i++) XB.set(X.subarray(rows[start + i] * dp, (rows[start + i] + 1) * dp), i * dp);
    return L.xb;
  };
  const rowOf = (rows: ArrayLike<number> | undefined, i: number): number => (rows === undefined ? i : rows[i]);

  /** Forward pass into Z (Phi) and G (gamma) for `count` rows; returns the X address used. */
  const forward = (rows: ArrayLike<number> | undefined, start: number, count: number): number => {
    const w = live();
    const xAddr = batchX(rows, start, count);
    w.fwd(xAddr, L.wt, L.z, count, dp);
    for (let i = 0; i < count; i++) {
      const zr = i * kp;
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, Z[zr + c] + bias[c]);
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const e = Math.exp(Z[zr + c] + bias[c] - max);
        Z[zr + c] = e;
        sum += e;
      }
      for (let c = 0; c < k; c++) Z[zr + c] /= sum;
    }
    w.gam(L.z, L.psiT, L.g, count, kp);
    return xAddr;
  };

  /** BCE of G against the labels; with withGrad, G becomes dL/dgamma (unnormalised). */
  const bce = (
    rows: ArrayLike<number> | undefined,
    start: number,
    count: number,
    withGrad: boolean,
  ): { total: number; observed: number } => {
    let total = 0;
    let observed = 0;
    for (let i = 0; i < count; i++) {
      const er = rowOf(rows, start + i) * h;
      const gr = i * hp;
      for (let m = 0; m < h; m++) {
        const e = E[er + m];
        const gamma = G[gr + m];
        if (Number.isNaN(e)) {
          G[gr + m] = 0;
          continue;
        }
        observed++;
        const g = gamma < CLIP ? CLIP : gamma > 1 - CLIP ? 1 - CLIP : gamma;
        total -= (e !== 0 ? e * Math.log(g) : 0) + (e !== 1 ? (1 - e) * Math.log(1 - g) : 0);
        if (withGrad) G[gr + m] = gamma < CLIP || gamma > 1 - CLIP ? 0 : -e / g + (1 - e) / (1 - g);
      }
    }
    return { total, observed };
  };

  const gradientInto = (rows: ArrayLike<number> | undefined, start: number, end: number): number => {
    const w = live();
    const count = end - start;
    if (count < 1 || count > bmax) throw new Error(`a batch must hold 1..${bmax} prompts, got ${count}`);
    writeWeights();
    const xAddr = forward(rows, start, count);
    const { total, observed } = bce(rows, start, count, true);
    const norm = Math.max(observed, 1);
    w.dphi(L.g, L.psi, L.dphi, count, hp);
    grad.fill(0);
    for (let i = 0; i < count; i++) {
      let dot = 0;
      for (let c = 0; c < k; c++) dot += Z[i * kp + c] * DPHI[i * kp + c];
      for (let c = 0; c < k; c++) {
        const dz = (Z[i * kp + c] * (DPHI[i * kp + c] - dot)) / norm;
        DZT[c * bp + i] = dz;
        grad[c * (d + 1) + d] += dz;
      }
    }
    w.dw(L.dzt, xAddr, L.dw, k, count);
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) grad[c * (d + 1) + j] = DW[c * dp + j];
    for (let q = 0; q < grad.length; q++) grad[q] += 2 * o.l2 * theta[q];
    return total / norm;
  };

  const l2Term = (): number => {
    let s = 0;
    for (let q = 0; q < theta.length; q++) s += theta[q] * theta[q];
    return o.l2 * s;
  };

  const step = (rows?: ArrayLike<number>, start = 0, end = Math.min(start + bmax, rows?.length ?? n)): number => {
    const loss = gradientInto(rows, start, end);
    t++;
    const c1 = 1 - o.beta1 ** t;
    const c2 = 1 - o.beta2 ** t;
    for (let q = 0; q < theta.length; q++) {
      const g = grad[q];
      mom1[q] = o.beta1 * mom1[q] + (1 - o.beta1) * g;
      mom2[q] = o.beta2 * mom2[q] + (1 - o.beta2) * g * g;
      theta[q] -= (o.learningRate * (mom1[q] / c1)) / (Math.sqrt(mom2[q] / c2) + o.epsilon);
    }
    return loss;
  };

  return {
    n,
    dim: d,
    k,
    h,
    gradient(rows, start = 0, end = Math.min(start + bmax, rows?.length ?? n)) {
      const loss = gradientInto(rows, start, end) + l2Term();
      return { loss, gradient: grad.slice() };
    },
    step,
    epoch(order) {
      const total = order?.length ?? n;
      let sum = 0;
      let batches = 0;
      for (let s = 0; s < total; s += bmax) {
        sum += step(order, s, Math.min(total, s + bmax));
        batches++;
      }
      return { meanBatchLoss: sum / Math.max(batches, 1), batches };
    },
    meanLoss(rows) {
      writeWeights();
      const total = rows?.length ?? n;
      let sum = 0;
      let observed = 0;
      for (let s = 0; s < total; s += bmax) {
        const count = Math.min(bmax, total - s);
        forward(rows, s, count);
        const r = bce(rows, s, count, false);
        sum += r.total;
        observed += r.observed;
      }
      return observed > 0 ? sum / observed : NaN;
    },
    getTheta: () => theta.slice(),
    setTheta(next, resetOptimizer = false) {
      if (next.length !== theta.length) throw new Error(`theta must hold ${theta.length} values, got ${next.length}`);
      theta.set(next);
      if (resetOptimizer) {
        mom1.fill(0);
        mom2.fill(0);
        t = 0;
      }
    },
    dispose() {
      wasm = undefined;
    },
  };
}
