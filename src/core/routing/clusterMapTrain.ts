/**
 * Training of the learned cluster map Phi (UniRoute LearnedMap): binary cross-entropy of
 * gamma = Phi(x) . Psi(h) against e(x,h) on S_tr x H_tr, Psi (errorProfile, from S_val) held
 * fixed, L2 on theta, Adam over seeded mini-batches of prompts, early stopping on S_val x H_tr
 * restoring the best theta. This file owns that loop; a MapTrainer does the maths, either the
 * WebAssembly SIMD kernel (clusterMapTrainSimd.ts) or tfjs on the current backend
 * (clusterMapTrainTf.ts), so both engines share the batches, the stopping rules and the reports.
 */
import type { MapPeerPort } from './clusterMapPeer';
import { simdSupported } from '../kernels/wasmKernels';
import { createRng, shuffled } from '../rng';
import {
  type ClusterMapEngine,
  type ClusterMapEngineChoice,
  type ClusterMapEpoch,
  type ClusterMapInput,
  type ClusterMapOptions,
  type ClusterMapResult,
  type ClusterMapStop,
  resolveClusterMapOptions,
} from './clusterMap';
import { defaultTau, initClusterMap } from './clusterMapInit';
import { createSimdMapTrainer } from './clusterMapTrainSimd';
import { createTfMapTrainer } from './clusterMapTrainTf';

/** The maths of one engine over S_tr, S_val and Psi, with theta and Adam's state inside. */
export interface MapTrainer {
  /** Mean BCE (no L2) at the current theta on the monitored S_tr prompts and on S_val. */
  losses(): Promise<Pick<ClusterMapEpoch, 'trainLoss' | 'valLoss'>>;
  /** One Adam step on the mini-batch of training prompts order[start..end). */
  step(order: readonly number[], start: number, end: number): void | Promise<void>;
  /** The current theta, K x (D+1). */
  theta(): Promise<Float32Array>;
  /** Frees tensors / wasm memory; safe to call once the trainer is done with. */
  dispose(): void;
}

/** Training prompts whose loss is reported each epoch: all of them up to this many. */
const MONITOR_ROWS = 8192;

/**
 * The evenly spaced subset of S_tr (never the first rows: files are often sorted by benchmark) on
 * which the reported train loss is measured, so the per-epoch report costs a bounded forward pass
 * at 36,000 prompts; undefined when S_tr is small enough to use whole.
 */
export function monitorRows(n: number): number[] | undefined {
  if (n <= MONITOR_ROWS) return undefined;
  return Array.from({ length: MONITOR_ROWS }, (_, i) => Math.floor((i * n) / MONITOR_ROWS));
}

/**
 * 'auto' is the SIMD kernel wherever WebAssembly SIMD validates: an epoch runs far faster than
 * tfjs on wasm or on a software WebGL renderer (bench/RESULTS.md), and its small matrix products
 * per mini-batch leave a GPU little to win.
 */
export function chooseClusterMapEngine(choice: ClusterMapEngineChoice): ClusterMapEngine {
  switch (choice) {
    case 'wasm-simd':
    case 'tfjs':
      return choice;
    case 'auto':
      return simdSupported() ? 'wasm-simd' : 'tfjs';
    default: {
      const never: never = choice;
      throw new Error(`unknown learned-map engine '${String(never)}' (expected auto, wasm-simd or tfjs)`);
    }
  }
}

/** Lets the event loop run (a macrotask, so a worker can receive a cancel message). */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Throws on shapes that disagree; returns the number of training LLMs H. */
function checkInput(input: ClusterMapInput): number {
  const { trainX, trainErrors, valX, valErrors, psi, centroids } = input;
  const k = centroids.rows;
  const dim = centroids.cols;
  if (k < 1) throw new Error('the learned map needs at least one centroid');
  if (trainX.cols !== dim || valX.cols !== dim) {
    throw new Error(`embeddings have ${trainX.cols} (train) / ${valX.cols} (val) columns, centroids have ${dim}`);
  }
  if (psi.length === 0 || psi.length % k !== 0) {
    throw new Error(`the learned map needs at least one training LLM: psi has ${psi.length} values for K = ${k}`);
  }
  for (const v of psi) if (!Number.isFinite(v)) throw new Error('psi contains a non-finite value');
  const h = psi.length / k;
  if (trainErrors.length !== trainX.rows * h) {
    throw new Error(`trainErrors has ${trainErrors.length} values, expected ${trainX.rows} x ${h}`);
  }
  if (valErrors.length !== valX.rows * h) {
    throw new Error(`valErrors has ${valErrors.length} values, expected ${valX.rows} x ${h}`);
  }
  if (!trainErrors.some((e) => !Number.isNaN(e))) throw new Error('no training labels: every train error is missing');
  if (!valErrors.some((e) => !Number.isNaN(e))) throw new Error('no validation labels: every validation error is missing');
  return h;
}

/** What the caller's environment offers the trainer (kept out of ClusterMapOptions, which a router reads in Node without workers). */
export interface ClusterMapHost {
  /**
   * Where workers exist: a shard worker (the host's pool) that computes the second half of each
   * mini-batch on the SIMD engine (clusterMapPeer.ts); the same map as without it.
   */
  spawnPeer?: () => MapPeerPort;
}

/**
 * Trains Phi from the soft K-means initialisation; see ClusterMapOptions for the knobs. Import it
 * through clusterMap.ts, which loads this module only when training is asked for.
 */
export async function trainClusterMap(
  input: ClusterMapInput,
  options: ClusterMapOptions = {},
  host: ClusterMapHost = {},
): Promise<ClusterMapResult> {
  const opts = resolveClusterMapOptions(options);
  const h = checkInput(input);
  const engine = chooseClusterMapEngine(opts.engine);
  const { rows: k, cols: dim } = input.centroids;
  const tau = opts.tau ?? defaultTau(input.trainX, input.centroids);
  const init = initClusterMap(input.centroids, tau);
  const rng = createRng(opts.seed);
  const batchSize = Math.max(1, Math.floor(opts.batchSize));
  const settings = { learningRate: opts.learningRate, l2: opts.l2, batchSize };
  const monitor = monitorRows(input.trainX.rows);
  const trainer =
    engine === 'wasm-simd'
      ? await createSimdMapTrainer(input, init, { ...settings, spawnPeer: host.spawnPeer }, monitor)
      : createTfMapTrainer(input, h, init, settings, monitor);
  try {
    const history: ClusterMapEpoch[] = [];
    const record = async (epoch: number): Promise<ClusterMapEpoch> => {
      const entry = { epoch, ...(await trainer.losses()) };
      history.push(entry);
      opts.onEpoch?.(entry);
      return entry;
    };

    let best = await record(0);
    let bestTheta = init.theta;
    let sinceBest = 0;
    let stopped: ClusterMapStop = 'max-epochs';
    const order = Array.from({ length: input.trainX.rows }, (_, i) => i);

    epochs: for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      await yieldToEventLoop();
      const perm = shuffled(order, rng);
      for (let start = 0; start < perm.length; start += batchSize) {
        if (opts.shouldStop?.()) {
          stopped = 'cancelled';
          break epochs;
        }
        await trainer.step(perm, start, Math.min(start + batchSize, perm.length));
      }
      const previous = history[history.length - 1];
      const entry = await record(epoch);
      if (entry.valLoss < best.valLoss) {
        best = entry;
        bestTheta = await trainer.theta();
        sinceBest = 0;
      } else if (++sinceBest >= opts.patience) {
        stopped = 'early-stopping';
        break;
      }
      if (Math.abs(previous.trainLoss - entry.trainLoss) < opts.tolerance * Math.max(1, Math.abs(entry.trainLoss))) {
        stopped = 'converged';
        break;
      }
    }
    return { map: { k, dim, theta: bestTheta }, history, bestEpoch: best.epoch, stopped, engine };
  } finally {
    trainer.dispose();
  }
}
