/**
 * The learned cluster map Phi of UniRoute (LearnedMap), arXiv 2502.08773, in plain TypeScript:
 *   Phi_k(x; theta) = softmax_k( theta_k . [phi(x), 1] ),  theta in R^{K x (D+1)},
 *   gamma(x, h) = Phi(x) . Psi(h)   (Psi = errorProfile, fixed).
 * Everything here is float64 and imports nothing but types, so an exported router routes with it
 * anywhere (src/core/routerFile). The training objective: clusterMapObjective.ts; the trainers:
 * clusterMapTrain.ts (SIMD kernel or tfjs), tested against that objective.
 */
import type { Matrix } from '../types';
import { DEFAULTS } from '../defaults';

/** A learned cluster map Phi: theta is K x (D+1) row-major, the last column is the bias. */
export interface ClusterMap {
  k: number;
  dim: number;
  theta: Float32Array;
}

/** Any theta of the right shape (Float64Array for finite differences, Float32Array for a ClusterMap). */
export type ClusterMapParams = Pick<ClusterMap, 'k' | 'dim'> & { theta: ArrayLike<number> };

/**
 * One epoch of training (epoch 0 = the initialisation): mean binary cross-entropy, without the L2
 * term, of the map at the end of the epoch on S_tr x H_tr (an evenly spaced subset of 8,192 prompts
 * when S_tr is larger) and on S_val x H_tr.
 */
export interface ClusterMapEpoch {
  epoch: number;
  trainLoss: number;
  valLoss: number;
}

/** Who trains Phi: the hand-written WebAssembly SIMD kernel (../kernels) or tfjs on the current backend. */
export type ClusterMapEngine = 'wasm-simd' | 'tfjs';

/** 'auto': the SIMD kernel where WebAssembly SIMD validates, else tfjs. */
export type ClusterMapEngineChoice = 'auto' | ClusterMapEngine;

export interface ClusterMapOptions {
  /** Which implementation trains (same maths, same batches, same Adam); default 'auto'. */
  engine?: ClusterMapEngineChoice;
  /** Seed of the mini-batch shuffle (the only randomness). */
  seed?: number;
  /** Passes over S_tr; 0 returns the K-means initialisation. */
  epochs?: number;
  /** Adam step size. */
  learningRate?: number;
  /** L2 coefficient on all of theta: the objective adds l2 * sum(theta^2). */
  l2?: number;
  /** Prompts per mini-batch (each with all its training LLMs). */
  batchSize?: number;
  /** Epochs without a validation-loss improvement before early stopping. */
  patience?: number;
  /** Temperature of the initial soft K-means assignment; default defaultTau(trainX, centroids). */
  tau?: number;
  /** Stop as 'converged' when the train loss changes by less than tolerance * max(1, loss). */
  tolerance?: number;
  onEpoch?: (e: ClusterMapEpoch) => void;
  /** Polled before every epoch and mini-batch; true cancels (the best map so far is returned). */
  shouldStop?: () => boolean;
}

export type ClusterMapStop = 'converged' | 'early-stopping' | 'max-epochs' | 'cancelled';

/** What trainClusterMap learns from: S_tr and S_val with the training LLMs H_tr only. */
export interface ClusterMapInput {
  /** phi(S_tr), n_tr x D. */
  trainX: Matrix;
  /** e(x,h) on S_tr x H_tr, n_tr x H row-major, NaN = missing. */
  trainErrors: Float64Array;
  /** phi(S_val), n_val x D. */
  valX: Matrix;
  /** e(x,h) on S_val x H_tr, n_val x H row-major, NaN = missing. */
  valErrors: Float64Array;
  /** Psi of the training LLMs, model-major H x K (psi[h * K + k]); fixed during training. */
  psi: Float64Array;
  /** K-means centroids mu (K x D): the initialisation. */
  centroids: Matrix;
}

export interface ClusterMapResult {
  /** The map with the lowest validation loss seen (epoch 0 = the K-means initialisation). */
  map: ClusterMap;
  /** Epoch 0 (the initialisation) then one entry per completed epoch. */
  history: ClusterMapEpoch[];
  bestEpoch: number;
  stopped: ClusterMapStop;
  /** The implementation that trained. */
  engine: ClusterMapEngine;
}

type Defaulted = Exclude<keyof ClusterMapOptions, 'tau' | 'onEpoch' | 'shouldStop'>;

/** ClusterMapOptions with every defaulted knob filled in. */
export type ResolvedClusterMapOptions = Required<Pick<ClusterMapOptions, Defaulted>> &
  Pick<ClusterMapOptions, 'tau' | 'onEpoch' | 'shouldStop'>;

/**
 * Defaults (ours; the paper fixes none). l2 is deliberately weak because theta starts with norm
 * ~ 1/tau; early stopping is the main regulariser.
 */
export const CLUSTER_MAP_DEFAULTS: Readonly<Required<Pick<ClusterMapOptions, Defaulted>>> = {
  engine: 'auto',
  seed: 0,
  epochs: DEFAULTS.epochs,
  learningRate: 0.01,
  l2: 1e-6,
  batchSize: 256,
  patience: 10,
  tolerance: 1e-7,
};

/** Merges options over the defaults once; an option passed as undefined keeps its default. */
export function resolveClusterMapOptions(options: ClusterMapOptions = {}): ResolvedClusterMapOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...CLUSTER_MAP_DEFAULTS, ...given };
}

function checkParams(map: ClusterMapParams): void {
  if (!(map.k >= 1) || !(map.dim >= 0) || map.theta.length !== map.k * (map.dim + 1)) {
    throw new Error(`theta has ${map.theta.length} values, expected K x (D+1) = ${map.k} x ${map.dim + 1}`);
  }
}

/** Writes Phi(x_r) = softmax_k(theta_k . [x_r, 1]) of prompt r into out (float64, max-subtracted). */
export function clusterMapRowProbs(x: Matrix, r: number, map: ClusterMapParams, out: Float64Array): void {
  const { k, dim, theta } = map;
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    const base = c * (dim + 1);
    let z = theta[base + dim];
    for (let d = 0; d < dim; d++) z += theta[base + d] * x.data[r * dim + d];
    out[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c] - max);
    sum += out[c];
  }
  for (let c = 0; c < k; c++) out[c] /= sum;
}

/** Phi(x) for every prompt: n x K row-major, each row on the simplex. */
export function clusterMapProbs(x: Matrix, map: ClusterMapParams): Float64Array {
  checkParams(map);
  if (x.cols !== map.dim) throw new Error(`prompts have ${x.cols} columns but the map expects ${map.dim}`);
  const out = new Float64Array(x.rows * map.k);
  const row = new Float64Array(map.k);
  for (let r = 0; r < x.rows; r++) {
    clusterMapRowProbs(x, r, map, row);
    out.set(row, r * map.k);
  }
  return out;
}
