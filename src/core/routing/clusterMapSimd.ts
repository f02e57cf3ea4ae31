/**
 * The learned cluster map Phi (UniRoute LearnedMap) trained on the WebAssembly SIMD matrix
 * products of ../kernels/learnedMapGemm.ts: the forward pass Phi(x) = softmax(theta [x, 1]),
 * gamma = Phi . Psi, the objective of clusterMapObjective.ts (its per-label loss and gradient),
 * the backward pass written out by hand, and Adam on theta. Softmax, the loss and Adam
 * (O(batch x (K + H)) and O(K x D)) run in plain TypeScript; the four products in wasm.
 */
import { createLearnedMapGemm } from '../kernels/learnedMapGemm';
import type { Matrix } from '../types';
import { l2Penalty, labelLoss, labelLossGradient, lossNormaliser } from './clusterMapObjective';

/** What the map learns from: S_tr x H_tr with Psi fixed. */
export interface ClusterMapSimdProblem {
  /** phi(S_tr), n x D. */
  x: Matrix;
  /** e(x,h), n x H row-major; NaN = missing label (ignored). */
  errors: ArrayLike<number>;
  /** Psi model-major, H x K (psi[h * K + k]). */
  psi: ArrayLike<number>;
  /** Initial theta, K x (D+1) row-major, last column = bias. */
  theta: ArrayLike<number>;
}

export interface ClusterMapSimdOptions {
  learningRate?: number;
  l2?: number;
  /** Largest mini-batch (prompts, each with all its LLMs). */
  batchSize?: number;
  beta1?: number;
  beta2?: number;
  /** Adam's epsilon; tfjs uses its backend epsilon, 1e-7 for float32. */
  epsilon?: number;
}

const DEFAULTS: Required<ClusterMapSimdOptions> = {
  learningRate: 0.01,
  l2: 1e-6,
  batchSize: 256,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
};

export interface ClusterMapSimd {
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

/** Compiles the kernel for this problem and copies the prompts into its memory. */
export async function createClusterMapSimd(problem: ClusterMapSimdProblem, options: ClusterMapSimdOptions = {}): Promise<ClusterMapSimd> {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const { rows: n, cols: d } = problem.x;
  const k = problem.theta.length / (d + 1);
  const h = problem.psi.length / k;
  if (!Number.isInteger(k) || k < 1) throw new Error(`theta has ${problem.theta.length} values, not K x (D+1) with D = ${d}`);
  if (!Number.isInteger(h) || h < 1) throw new Error(`psi has ${problem.psi.length} values, not H x K with K = ${k}`);
  if (problem.errors.length !== n * h) throw new Error(`errors have ${problem.errors.length} values, expected ${n} x ${h}`);
  const gemm = await createLearnedMapGemm(problem.x, problem.psi, { k, h, batchRows: o.batchSize });
  const { kp, hp, bp, bmax, WT, Z, G, DPHI, DZT, DW } = gemm;
  const E = Float32Array.from(problem.errors);
  const theta = Float32Array.from(problem.theta);
  const bias = new Float32Array(k);
  const grad = new Float32Array(k * (d + 1));
  const mom1 = new Float32Array(k * (d + 1));
  const mom2 = new Float32Array(k * (d + 1));
  let t = 0;

  const writeWeights = (): void => {
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) WT[j * kp + c] = theta[c * (d + 1) + j];
      bias[c] = theta[c * (d + 1) + d];
    }
  };
  const rowOf = (rows: ArrayLike<number> | undefined, i: number): number => (rows === undefined ? i : rows[i]);

  /** Forward pass: Z becomes Phi and G gamma for `count` rows; returns the batch handle. */
  const forward = (rows: ArrayLike<number> | undefined, start: number, count: number): number => {
    const batch = gemm.batch(rows, start, count);
    gemm.forward(batch, count);
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
    gemm.gamma(count);
    return batch;
  };

  /** The objective's BCE of G against the labels; with withGrad, G becomes dL/dgamma (unnormalised). */
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
        total += labelLoss(gamma, e);
        if (withGrad) G[gr + m] = labelLossGradient(gamma, e);
      }
    }
    return { total, observed };
  };

  const gradientInto = (rows: ArrayLike<number> | undefined, start: number, end: number): number => {
    const count = end - start;
    if (count < 1 || count > bmax) throw new Error(`a batch must hold 1..${bmax} prompts, got ${count}`);
    writeWeights();
    const batch = forward(rows, start, count);
    const { total, observed } = bce(rows, start, count, true);
    const norm = lossNormaliser(observed);
    gemm.backPhi(count);
    grad.fill(0);
    // Softmax backward: dL/dz_k = Phi_k (dL/dPhi_k - sum_j Phi_j dL/dPhi_j), over the mean's denominator.
    for (let i = 0; i < count; i++) {
      let dot = 0;
      for (let c = 0; c < k; c++) dot += Z[i * kp + c] * DPHI[i * kp + c];
      for (let c = 0; c < k; c++) {
        const dz = (Z[i * kp + c] * (DPHI[i * kp + c] - dot)) / norm;
        DZT[c * bp + i] = dz;
        grad[c * (d + 1) + d] += dz;
      }
    }
    gemm.backW(batch, count);
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) grad[c * (d + 1) + j] = DW[c * gemm.dp + j];
    for (let q = 0; q < grad.length; q++) grad[q] += 2 * o.l2 * theta[q];
    return total / norm;
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
      const loss = gradientInto(rows, start, end) + l2Penalty(theta, o.l2);
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
      gemm.dispose();
    },
  };
}
