/**
 * The learned cluster map Phi (UniRoute LearnedMap) trained on the WebAssembly SIMD kernel of
 * ../kernels/learnedMapKernel.ts: per mini-batch the forward pass Phi(x) = softmax(theta [x, 1]),
 * gamma = Phi . Psi, the objective of clusterMapObjective.ts (the kernel writes its per-label loss
 * and gradient in float32 vector code; tested against clusterMapGradient), the backward pass and
 * Adam on theta all run in wasm. This file picks the batches and takes the objective's mean
 * (lossNormaliser) and L2 penalty from clusterMapObjective.ts.
 */
import { createLearnedMapKernel } from '../kernels/learnedMapKernel';
import type { Matrix } from '../types';
import { l2Penalty, lossNormaliser } from './clusterMapObjective';
import { startMapPeer, type MapPeer, type MapPeerPort } from './clusterMapPeer';

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
  /**
   * A second thread for each batch's second half (clusterMapPeer.ts): a k-means shard worker's port
   * (the host's pool). Used from MAP_PEER_MIN_WORK; the result is the same without one.
   */
  spawnPeer?: () => MapPeerPort;
  learningRate?: number;
  l2?: number;
  /** Largest mini-batch (prompts, each with all its LLMs). */
  batchSize?: number;
  beta1?: number;
  beta2?: number;
  /** Adam's epsilon; tfjs uses its backend epsilon, 1e-7 for float32. */
  epsilon?: number;
}

/**
 * Multiply-adds of a batch's forward product (batch x D x K) from which a peer pays: each batch then
 * waits for one message each way (about 0.1 ms here) and saves half its compute. Measured on 2
 * cores, 20,000 x 256, K = 32: batches of 512 (2^22) went from 30.5 to 23 ms an epoch; batches of 256
 * gained little and varied more.
 */
export const MAP_PEER_MIN_WORK = 2 ** 22;

/** Training prompts from which a peer pays for its start (a copy of the prompts to it, and maybe a worker's start-up). */
export const MAP_PEER_MIN_ROWS = 4096;

const DEFAULTS: Required<Omit<ClusterMapSimdOptions, 'spawnPeer'>> = {
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
  /** One Adam step on rows[start..end) (default: prompts start..end-1); resolves with the batch's mean BCE before the step. */
  step(rows?: ArrayLike<number>, start?: number, end?: number): Promise<number>;
  /** One pass over `order` (default 0..n-1) in mini-batches; mean over batches of their BCE. */
  epoch(order?: ArrayLike<number>): Promise<{ meanBatchLoss: number; batches: number }>;
  /** Whether a peer thread computes half of each batch. */
  readonly peered: boolean;
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
  const shape = { k, h, batchRows: o.batchSize };
  const kernel = await createLearnedMapKernel(problem.x, problem.errors, problem.psi, shape);
  const { bmax } = kernel;
  kernel.setTheta(problem.theta);
  let t = 0;
  let peer: MapPeer | undefined;
  if (options.spawnPeer !== undefined && n >= MAP_PEER_MIN_ROWS && bmax * d * k >= MAP_PEER_MIN_WORK) {
    // Without a peer this thread computes both halves: the same result, so a peer that cannot start costs nothing else.
    try {
      peer = await startMapPeer(options.spawnPeer(), problem.x, problem.errors, problem.psi, shape);
    } catch {
      peer = undefined;
    }
  }

  /** Half `slot` of the batch rows[start..end) on this thread: its loss total and observed labels. */
  const halfHere = (rows: ArrayLike<number> | undefined, start: number, end: number, slot: 0 | 1): { total: number; observed: number } => {
    if (end <= start) {
      kernel.setHalf(); // an empty second half (a batch of one prompt)
      return { total: 0, observed: 0 };
    }
    const batch = kernel.batch(rows, start, end - start);
    kernel.forward(batch);
    const r = kernel.loss(batch, true);
    kernel.backward(batch, slot);
    return r;
  };

  const checkBatch = (start: number, end: number): number => {
    const count = end - start;
    if (count < 1 || count > bmax) throw new Error(`a batch must hold 1..${bmax} prompts, got ${count}`);
    return start + Math.ceil(count / 2);
  };

  /** The batch's gradient from its halves (kept in the kernel) and its loss, the mean over its observed labels. */
  const combine = (a: { total: number; observed: number }, b: { total: number; observed: number }): number => {
    const norm = lossNormaliser(a.observed + b.observed);
    kernel.combine(norm);
    return (a.total + b.total) / norm;
  };

  /** Loss of the batch rows[start..end), both halves here; the kernel keeps its gradient. */
  const gradientInto = (rows: ArrayLike<number> | undefined, start: number, end: number): number => {
    const mid = checkBatch(start, end);
    const a = halfHere(rows, start, mid, 0);
    return combine(a, halfHere(rows, mid, end, 1));
  };

  /** The same, the second half on the peer while this thread computes the first. */
  const gradientShared = async (p: MapPeer, rows: ArrayLike<number> | undefined, start: number, end: number): Promise<number> => {
    const mid = checkBatch(start, end);
    const { w, b: bias } = kernel.weights();
    const second = Int32Array.from({ length: end - mid }, (_, i) => (rows === undefined ? mid + i : rows[mid + i]));
    const pending = end > mid ? p.half(second, w, bias) : undefined;
    let a: { total: number; observed: number };
    try {
      a = halfHere(rows, start, mid, 0);
    } catch (e) {
      pending?.catch(() => undefined); // its answer no longer matters; the peer is not reused while it is out
      throw e;
    }
    if (pending === undefined) return combine(a, halfHere(rows, mid, end, 1));
    try {
      const b = await pending;
      kernel.setHalf(b.dw, b.db);
      return combine(a, b);
    } catch {
      // A peer that failed is dropped; this thread computes the half, and every later one, itself.
      p.dispose();
      peer = undefined;
      return combine(a, halfHere(rows, mid, end, 1));
    }
  };

  const step = async (rows?: ArrayLike<number>, start = 0, end = Math.min(start + bmax, rows?.length ?? n)): Promise<number> => {
    const loss = peer === undefined ? gradientInto(rows, start, end) : await gradientShared(peer, rows, start, end);
    t++;
    kernel.adam({ t, learningRate: o.learningRate, beta1: o.beta1, beta2: o.beta2, epsilon: o.epsilon, l2: o.l2 });
    return loss;
  };

  return {
    n,
    dim: d,
    k,
    h,
    gradient(rows, start = 0, end = Math.min(start + bmax, rows?.length ?? n)) {
      const loss = gradientInto(rows, start, end) + l2Penalty(kernel.getTheta(), o.l2);
      return { loss, gradient: kernel.gradient(o.l2) };
    },
    step,
    async epoch(order) {
      const total = order?.length ?? n;
      let sum = 0;
      let batches = 0;
      for (let s = 0; s < total; s += bmax) {
        sum += await step(order, s, Math.min(total, s + bmax));
        batches++;
      }
      return { meanBatchLoss: sum / Math.max(batches, 1), batches };
    },
    get peered() {
      return peer !== undefined;
    },
    meanLoss(rows) {
      const total = rows?.length ?? n;
      let sum = 0;
      let observed = 0;
      for (let s = 0; s < total; s += bmax) {
        const batch = kernel.batch(rows, s, Math.min(bmax, total - s));
        kernel.forward(batch);
        const r = kernel.loss(batch, false);
        sum += r.total;
        observed += r.observed;
      }
      return observed > 0 ? sum / observed : NaN;
    },
    getTheta: () => kernel.getTheta(),
    setTheta(next, resetOptimizer = false) {
      if (next.length !== k * (d + 1)) throw new Error(`theta must hold ${k * (d + 1)} values, got ${next.length}`);
      kernel.setTheta(next);
      if (resetOptimizer) {
        kernel.resetMoments();
        t = 0;
      }
    },
    dispose() {
      peer?.dispose();
      peer = undefined;
      kernel.dispose();
    },
  };
}
