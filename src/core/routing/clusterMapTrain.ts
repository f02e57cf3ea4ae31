/**
 * Training of the learned cluster map Phi (UniRoute LearnedMap) with tfjs on the current backend:
 * binary cross-entropy of gamma = Phi(x) . Psi(h) against e(x,h) on S_tr x H_tr, Psi (errorProfile,
 * from S_val) held fixed, L2 on theta, Adam over seeded mini-batches of prompts, early stopping on
 * S_val x H_tr restoring the best theta. Nothing here outlives the call: every tensor is disposed.
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '../types';
import { createRng, shuffled } from '../rng';
import {
  defaultTau,
  initClusterMap,
  type ClusterMapEpoch,
  type ClusterMapInput,
  type ClusterMapOptions,
  type ClusterMapResult,
  type ClusterMapStop,
  resolveClusterMapOptions,
} from './clusterMap';
import {
  disposeLabelled,
  labelledTensors,
  mapVariables,
  meanBce,
  objective,
  psiTensor,
  readTheta,
  type LabelledTensors,
} from './clusterMapTf';

/** Training prompts whose loss is reported each epoch: all of them up to this many. */
const MONITOR_ROWS = 8192;

/**
 * An evenly spaced subset of S_tr (never the first rows: files are often sorted by benchmark) on
 * which the reported train loss is measured, so the per-epoch report costs a bounded forward pass
 * at 36,000 prompts; undefined when S_tr is small enough to use whole.
 */
function monitorSample(x: Matrix, errors: Float64Array, h: number): { x: Matrix; errors: Float64Array } | undefined {
  if (x.rows <= MONITOR_ROWS) return undefined;
  const data = new Float32Array(MONITOR_ROWS * x.cols);
  const labels = new Float64Array(MONITOR_ROWS * h);
  for (let i = 0; i < MONITOR_ROWS; i++) {
    const r = Math.floor((i * x.rows) / MONITOR_ROWS);
    data.set(x.data.subarray(r * x.cols, (r + 1) * x.cols), i * x.cols);
    labels.set(errors.subarray(r * h, (r + 1) * h), i * h);
  }
  return { x: { rows: MONITOR_ROWS, cols: x.cols, data }, errors: labels };
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

/**
 * Trains Phi from the soft K-means initialisation; see ClusterMapOptions for the knobs. Import it
 * through clusterMap.ts, which loads this tfjs module only when training is asked for.
 */
export async function trainClusterMap(
  input: ClusterMapInput,
  options: ClusterMapOptions = {},
): Promise<ClusterMapResult> {
  const opts = resolveClusterMapOptions(options);
  const h = checkInput(input);
  const { rows: k, cols: dim } = input.centroids;
  const tau = opts.tau ?? defaultTau(input.trainX, input.centroids);
  const init = initClusterMap(input.centroids, tau);
  const rng = createRng(opts.seed);
  const batchSize = Math.max(1, Math.floor(opts.batchSize));

  let train: LabelledTensors | undefined;
  let monitor: LabelledTensors | undefined;
  let val: LabelledTensors | undefined;
  let psi: tf.Tensor2D | undefined;
  const vars = mapVariables(init);
  const optimizer = tf.train.adam(opts.learningRate);
  try {
    train = labelledTensors(input.trainX, input.trainErrors, h);
    const sample = monitorSample(input.trainX, input.trainErrors, h);
    monitor = sample === undefined ? train : labelledTensors(sample.x, sample.errors, h);
    val = labelledTensors(input.valX, input.valErrors, h);
    psi = psiTensor(input.psi, k);
    const [trainSet, monitorSet, valSet, psiT] = [train, monitor, val, psi];

    const history: ClusterMapEpoch[] = [];
    const record = async (epoch: number): Promise<ClusterMapEpoch> => {
      const entry = {
        epoch,
        trainLoss: await meanBce(monitorSet, psiT, vars),
        valLoss: await meanBce(valSet, psiT, vars),
      };
      history.push(entry);
      opts.onEpoch?.(entry);
      return entry;
    };

    let best = await record(0);
    let bestTheta = init.theta;
    let sinceBest = 0;
    let stopped: ClusterMapStop = 'max-epochs';
    const order = Array.from({ length: trainSet.rows }, (_, i) => i);

    epochs: for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      await yieldToEventLoop();
      const perm = shuffled(order, rng);
      for (let start = 0; start < perm.length; start += batchSize) {
        if (opts.shouldStop?.()) {
          stopped = 'cancelled';
          break epochs;
        }
        const idx = tf.tensor1d(perm.slice(start, start + batchSize), 'int32');
        // No cost returned (nothing to dispose, no read-back per batch); the explicit variable list
        // keeps other trainable variables in the same engine untouched.
        optimizer.minimize(
          () =>
            objective(
              tf.gather(trainSet.x, idx),
              tf.gather(trainSet.errors, idx),
              tf.gather(trainSet.mask, idx),
              psiT,
              vars,
              opts.l2,
            ),
          false,
          [vars.w, vars.b],
        );
        idx.dispose();
      }
      const previous = history[history.length - 1];
      const entry = await record(epoch);
      if (entry.valLoss < best.valLoss) {
        best = entry;
        bestTheta = await readTheta(vars);
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
    return { map: { k, dim, theta: bestTheta }, history, bestEpoch: best.epoch, stopped };
  } finally {
    optimizer.dispose();
    tf.dispose([vars.w, vars.b]);
    if (monitor && monitor !== train) disposeLabelled(monitor);
    if (train) disposeLabelled(train);
    if (val) disposeLabelled(val);
    psi?.dispose();
  }
}
