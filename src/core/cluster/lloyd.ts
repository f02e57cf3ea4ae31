/**
 * K-means for UniRoute's centroids mu: kmeans() runs the Lloyd steps on the engine picked by
 * chooseKMeansEngine (the wasm SIMD kernel by default, see engine.ts); kmeansSteps() is Lloyd in
 * tfjs on the current backend (pick it with initTf from ../tf first), also what kmeans() runs for
 * engine 'tfjs'. The points stay resident on the backend for the whole run; each step reads back
 * three numbers (inertia, shift, changed) and nothing else. Distances use
 * |x|^2 - 2 x.mu + |mu|^2 with one matMul; the update sums points per cluster with scatterND
 * (duplicate indices add up), which wasm, webgl and cpu all implement (no float oneHot: broken on
 * wasm 4.22). Tensors never leave. Every engine follows the stopping rule of options.ts.
 */
import * as tf from '@tensorflow/tfjs';
import type { LloydProbe } from '../kernels/lloydEngine';
import { kmeansOnEngine } from '../kernels/lloydRun';
import type { SpawnLloydShard } from '../kernels/lloydParallel';
import type { LloydEngineKind } from '../kernels/lloydTypes';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { chooseKMeansEngine, type KMeansEngineChoice, type TfBackendHint } from './engine';
import { kmeansPlusPlus } from './initialization';
import { hasConverged, type KMeansIteration, type KMeansOptions, type KMeansResult, resolveKMeansOptions, shiftThreshold } from './options';

/** kmeans() also takes the engine, progress and cancellation callbacks. */
export interface KMeansRunOptions extends KMeansOptions {
  /** Default 'auto': the wasm SIMD kernel (on 2 workers if spawnShard and faster), else tfjs (engine.ts). */
  engine?: KMeansEngineChoice;
  /** The app's tfjs backend (from initTf): 'auto' probes tfjs only on webgl with a hardware renderer. */
  tfBackend?: TfBackendHint;
  /** Called after every Lloyd step (drives a progress bar / inertia chart). */
  onIteration?: (it: KMeansIteration) => void;
  /** Polled before every step; true stops early with converged = false. */
  shouldStop?: () => boolean;
  /** Starts a shard worker: enables engine 'wasm-simd-x2', and lets 'auto' probe it. */
  spawnShard?: SpawnLloydShard;
}

/** What kmeans() returns: the engine that ran and, when 'auto' timed the candidates, the probe. */
export interface KMeansRunResult extends KMeansResult {
  engine: LloydEngineKind;
  probes: LloydProbe[];
}

/**
 * The engines other than tfjs run synchronously: yield a macrotask this often (ms) so that a
 * timer or a message on the same thread can still set shouldStop (about 1-4 ms per yield).
 */
const YIELD_EVERY_MS = 50;

/** Tensors that live for the whole run. */
interface Resident {
  x: tf.Tensor2D; // N x D points, centred (minus their column mean)
  xNorm: tf.Tensor1D; // N, |x|^2 of the centred points
  ones: tf.Tensor1D; // N, for the per-cluster counts
}

/**
 * Assignment step: nearest centroid (argMin takes the first minimum: the lower index on ties).
 * |x - mu|^2 = |x|^2 - 2 x.mu + |mu|^2; |x|^2 is the same for every mu, so the argMin skips it and
 * only the inertia adds it back. Centring the points first (see lloyd) keeps the cancellation in
 * this expansion small, as scikit-learn does.
 */
function assign(r: Resident, centroids: tf.Tensor2D): { assignments: tf.Tensor1D; inertia: tf.Scalar } {
  // matMul(x, mu^T) with transposeB is ~10x slower than with a transposed copy on wasm 4.22.
  const minus2muT = tf.mul(tf.transpose(centroids), -2); // D x K, exact scaling
  const partial = tf.add(tf.matMul(r.x, minus2muT), tf.sum(tf.square(centroids), 1)); // N x K
  const assignments = tf.argMin(partial, 1) as tf.Tensor1D;
  const inertia = tf.sum(tf.relu(tf.add(tf.min(partial, 1), r.xNorm))) as tf.Scalar; // relu: rounding below 0
  return { assignments, inertia };
}

/** Update step: cluster means; a cluster with no points keeps its previous centroid. */
function update(r: Resident, assignments: tf.Tensor1D, centroids: tf.Tensor2D): tf.Tensor2D {
  const [k, d] = centroids.shape;
  const indices = tf.expandDims(assignments, 1); // N x 1
  const sums = tf.scatterND(indices, r.x, [k, d]) as tf.Tensor2D;
  const counts = tf.reshape(tf.scatterND(indices, r.ones, [k]), [k, 1]);
  const means = tf.div(sums, tf.maximum(counts, 1));
  return tf.where(tf.greater(counts, 0), means, centroids) as tf.Tensor2D; // K x 1 mask broadcasts
}

function columnMeans(points: Matrix): Float32Array {
  const { rows: n, cols: d, data } = points;
  const sums = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sums[j] += data[i * d + j];
  return Float32Array.from(sums, (s) => s / n);
}

async function* lloyd(
  points: Matrix,
  options: KMeansOptions,
  shouldStop?: () => boolean,
): AsyncGenerator<KMeansIteration, KMeansResult, void> {
  const o = resolveKMeansOptions(points, options);
  const { k } = o;
  const { rows: n, cols: d } = points;
  const init = o.initialCentroids ?? kmeansPlusPlus(points, k, createRng(o.seed));
  const threshold = shiftThreshold(points, o.tolerance);
  await tf.ready();
  // Distances do not change when every point and centroid moves by the same vector: work on
  // centred data (better float32 conditioning) and add the mean back to the centroids at the end.
  const mean = tf.tensor1d(columnMeans(points));
  const x = tf.tidy(() => tf.sub(tf.tensor2d(points.data, [n, d]), mean)) as tf.Tensor2D;
  const r: Resident = { x, xNorm: tf.tidy(() => tf.sum(tf.square(x), 1)), ones: tf.ones([n]) };
  let centroids = tf.tidy(() => tf.sub(tf.tensor2d(init.data, [k, d]), mean)) as tf.Tensor2D;
  let previous = tf.fill([n], -1, 'int32') as tf.Tensor1D;
  const history: KMeansIteration[] = [];
  let converged = false;
  let lastInertia = Number.NaN;
  try {
    for (let iteration = 1; iteration <= o.maxIterations; iteration++) {
      if (shouldStop?.()) break;
      const step = tf.tidy(() => {
        const a = assign(r, centroids);
        const next = update(r, a.assignments, centroids);
        const shift = tf.sum(tf.square(tf.sub(next, centroids)));
        const changed = tf.sum(tf.cast(tf.notEqual(a.assignments, previous), 'float32'));
        return { next, assignments: a.assignments, stats: tf.stack([a.inertia, shift, changed]) };
      });
      centroids.dispose();
      previous.dispose();
      centroids = step.next;
      previous = step.assignments;
      const stats = await step.stats.data();
      step.stats.dispose();
      const it: KMeansIteration = { iteration, inertia: stats[0], shift: stats[1], changed: stats[2] };
      history.push(it);
      lastInertia = it.inertia;
      yield it;
      if (hasConverged(it, threshold)) {
        converged = true;
        break;
      }
    }
    // Unchanged assignments leave the centroids where they were: the last step is still current.
    const current = history.length > 0 && history[history.length - 1].changed === 0;
    const final = current
      ? { assignments: Int32Array.from(await previous.data()), inertia: lastInertia }
      : await finalAssignment(r, centroids);
    const uncentred = tf.add(centroids, mean);
    const centroidData = Float32Array.from(await uncentred.data());
    uncentred.dispose();
    return {
      k,
      dim: d,
      centroids: { rows: k, cols: d, data: centroidData },
      assignments: final.assignments,
      inertia: final.inertia,
      iterations: history.length,
      converged,
      history,
      engine: 'tfjs',
    };
  } finally {
    centroids.dispose();
    previous.dispose();
    tf.dispose([r.x, r.xNorm, r.ones, mean]);
  }
}

async function finalAssignment(r: Resident, centroids: tf.Tensor2D): Promise<{ assignments: Int32Array; inertia: number }> {
  const a = tf.tidy(() => assign(r, centroids));
  try {
    const [assignments, inertia] = await Promise.all([a.assignments.data(), a.inertia.data()]);
    return { assignments: Int32Array.from(assignments), inertia: inertia[0] };
  } finally {
    tf.dispose([a.assignments, a.inertia]);
  }
}

/**
 * Lloyd's k-means in tfjs, one yielded KMeansIteration per step; the generator's return value is
 * the KMeansResult. Abandoning the generator (break / return()) frees its tensors.
 */
export function kmeansSteps(points: Matrix, options: KMeansOptions): AsyncGenerator<KMeansIteration, KMeansResult> {
  return lloyd(points, options);
}

/** Runs kmeansSteps to the end, reporting each step and polling shouldStop before each step. */
async function kmeansTfjs(points: Matrix, options: KMeansRunOptions): Promise<KMeansResult> {
  const steps = lloyd(points, options, options.shouldStop);
  let done = false;
  try {
    for (;;) {
      const r = await steps.next();
      if (r.done) {
        done = true;
        return r.value;
      }
      options.onIteration?.(r.value);
    }
  } finally {
    // A throwing onIteration must still let the generator free its tensors.
    if (!done) await steps.return(undefined as never);
  }
}

/**
 * Lloyd's k-means (k-means++ seeding or initialCentroids) on the engine `options.engine` picks,
 * reporting each step through onIteration and polling shouldStop before each step. Every engine
 * gives the same result as kmeansReference up to float32 rounding.
 */
export async function kmeans(points: Matrix, options: KMeansRunOptions): Promise<KMeansRunResult> {
  const o = resolveKMeansOptions(points, options); // bad input fails before any engine is built
  const { kind, probes } = await chooseKMeansEngine(points, o.k, options.engine ?? 'auto', options.tfBackend, options.spawnShard);
  if (kind === 'tfjs') return { ...(await kmeansTfjs(points, options)), engine: 'tfjs', probes };
  const r = await kmeansOnEngine(points, {
    ...options,
    engine: { kind, spawnShard: options.spawnShard },
    yieldEveryMs: YIELD_EVERY_MS,
  });
  return { ...r, probes };
}
