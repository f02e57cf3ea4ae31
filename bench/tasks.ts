/**
 * The timed tasks of `npm run bench`, shared by the Node driver and the Chromium page: each runs
 * one comparator on an already-loaded problem `repeats` times and returns every run's wall time
 * (the first run includes JIT / shader warm-up; figures use the best run, as the Python side does).
 */
import * as tf from '@tensorflow/tfjs';
import {
  kmeans,
  planKMeansEngines,
  type KMeansEngineChoice,
  type LloydHost,
  type LloydProbe,
  type TfBackendHint,
} from '../src/core/cluster';
import { centrePoints, shiftRows } from '../src/core/cluster/centre';
import { runLloyd, singleEngine } from '../src/core/cluster/driver';
import { buildLloydEngine } from '../src/core/cluster/engines/build';
import type { LloydEngineKind } from '../src/core/cluster/engines/types';
import { createClusterMapSimd } from '../src/core/routing/clusterMapSimd';
import type { MapPeerPort } from '../src/core/routing/clusterMapPeer';
import { trainClusterMap } from '../src/core/routing/clusterMapTrain';
import { learnedMapEpochTf } from './learnedMapTfEpoch';
import type { KMeansProblem, LearnedMapBenchProblem } from './problems';

export interface TaskResult {
  runsMs: number[];
  bestMs: number;
  /** What ran: engine kind or tfjs backend. */
  engine?: string;
  iterations?: number;
  inertia?: number;
  /** Mean batch loss of a learned-map epoch (a cross-check between comparators). */
  loss?: number;
  /** Largest |difference| to the Python comparator's output, filled in by the driver. */
  maxAbsDiff?: number;
  probes?: LloydProbe[];
  /** Milliseconds of the engine probe (auto only), not included in runsMs. */
  probeMs?: number;
  /** Final centroids or theta, for the cross-check (dropped before the results are written). */
  output?: Float32Array;
  note?: string;
}

const now = (): number => performance.now();

function summary(runsMs: number[], rest: Omit<TaskResult, 'runsMs' | 'bestMs'>): TaskResult {
  return { runsMs, bestMs: Math.min(...runsMs), ...rest };
}

/** Which engine a k-means task runs (a choice, as kmeans() takes it) and the tfjs backend 'auto' sees. */
export interface KMeansEngineRequest {
  kind: KMeansEngineChoice;
  tfBackend?: TfBackendHint;
}

/**
 * K-means on the engine the chooser puts first for `request` (the same policy as kmeans()), built
 * once (data resident), then `repeats` full runs of the one driver on it.
 */
export async function kmeansEngineTask(
  p: KMeansProblem,
  request: KMeansEngineRequest,
  host: LloydHost,
  repeats: number,
): Promise<TaskResult> {
  const t0 = now();
  const withBackend = { ...host, tfBackend: request.tfBackend };
  const { order, probes } = await planKMeansEngines(p.points, p.k, request.kind, withBackend);
  const engine = await buildLloydEngine(order[0], p.points, p.k, withBackend);
  const buildMs = now() - t0;
  try {
    const runsMs: number[] = [];
    let last: Awaited<ReturnType<typeof runLloyd>> | undefined;
    for (let r = 0; r < repeats; r++) {
      const t = now();
      last = await runLloyd(singleEngine(engine), p.init.data.slice(), { maxIterations: p.iterations, threshold: 0 });
      runsMs.push(now() - t);
    }
    return summary(runsMs, {
      engine: engine.kind,
      iterations: last?.iterations,
      inertia: last?.inertia,
      probes,
      probeMs: request.kind === 'auto' ? buildMs : undefined,
      output: last?.centroids,
      note:
        buildMs >= 10
          ? `engine built (data copied in${probes.length > 0 ? ', probe run' : ''}) in ${buildMs.toFixed(0)} ms once, not in the runs`
          : undefined,
    });
  } finally {
    engine.dispose();
  }
}

/**
 * One k-means run as the app and the CLI make it: kmeans() from the problem's start (centring,
 * the engine's build, including its shard workers, the Lloyd steps and the final assignment), on
 * `engine` ('auto': the chooser's pick for this host). Like scikit-learn's comparator
 * (bench/ref/kmeans_sklearn.py), which fits 2 iterations untimed right before each timed fit, an
 * untimed 2-iteration run comes first: each side starts warm (its data in the caches, its threads
 * awake) however long the other side ran in between.
 */
export async function kmeansRunTask(p: KMeansProblem, engine: KMeansEngineChoice, host: LloydHost): Promise<TaskResult> {
  await kmeans(p.points, { k: p.k, initialCentroids: p.init, maxIterations: 2, tolerance: 0, engine, ...host });
  const t = now();
  const r = await kmeans(p.points, { k: p.k, initialCentroids: p.init, maxIterations: p.iterations, tolerance: 0, engine, ...host });
  const ms = now() - t;
  const fallbacks = r.fallbacks.map((f) => `${f.engine}: ${f.reason}`).join('; ');
  return summary([ms], {
    engine: r.engine,
    iterations: r.iterations,
    inertia: r.inertia,
    output: r.centroids.data,
    note: fallbacks ? `fell back from ${fallbacks}` : undefined,
  });
}

/**
 * The share of the N x K point-centroid distances an engine computed over a run from the
 * problem's start (Elkan's bounds skip the rest), overall and per step; not timed.
 */
export async function kmeansDistanceShare(
  p: KMeansProblem,
  kind: LloydEngineKind,
  host: LloydHost,
): Promise<{ share: number; perStep: number[] }> {
  const { centred, mean } = centrePoints(p.points, 0);
  const engine = await buildLloydEngine(kind, centred, p.k, host);
  const perStep: number[] = [];
  const counting = {
    ...engine,
    step: async (mu: Float32Array) => {
      const s = await engine.step(mu);
      perStep.push((s.distances ?? p.n * p.k) / (p.n * p.k));
      return s;
    },
  };
  try {
    await runLloyd(singleEngine(counting), shiftRows(p.init.data, mean, -1), { maxIterations: p.iterations, threshold: 0 });
  } finally {
    engine.dispose();
  }
  return { share: perStep.reduce((a, b) => a + b, 0) / perStep.length, perStep };
}

/** kmeans() forced onto the 'tfjs' engine (matMul, argMin, scatterND) on the current tfjs backend. */
export async function kmeansTfjsTask(p: KMeansProblem, repeats: number): Promise<TaskResult> {
  const runsMs: number[] = [];
  let last: Awaited<ReturnType<typeof kmeans>> | undefined;
  for (let r = 0; r < repeats; r++) {
    const t = now();
    last = await kmeans(p.points, { k: p.k, initialCentroids: p.init, maxIterations: p.iterations, tolerance: 0, engine: 'tfjs' });
    runsMs.push(now() - t);
  }
  return summary(runsMs, {
    engine: `tfjs ${tf.getBackend()}`,
    iterations: last?.iterations,
    inertia: last?.inertia,
    output: last?.centroids.data,
  });
}

/** One epoch of the learned map on the wasm SIMD kernel, each run from the initial theta. */
export async function learnedMapKernelTask(p: LearnedMapBenchProblem, repeats: number, spawnPeer?: () => MapPeerPort): Promise<TaskResult> {
  const kernel = await createClusterMapSimd(
    { x: p.x, errors: p.errors, psi: p.psi, theta: p.theta },
    { batchSize: p.batchSize, learningRate: p.learningRate, l2: p.l2, spawnPeer },
  );
  try {
    const runsMs: number[] = [];
    let loss = NaN;
    for (let r = 0; r < repeats; r++) {
      kernel.setTheta(p.theta, true);
      const t = now();
      loss = (await kernel.epoch()).meanBatchLoss;
      runsMs.push(now() - t);
    }
    const engine = kernel.peered ? 'wasm-simd (2 threads: this one and a pooled worker, half of each batch each)' : 'wasm-simd (1 thread)';
    return summary(runsMs, { engine, loss, output: kernel.getTheta() });
  } finally {
    kernel.dispose();
  }
}

/** One epoch written in tfjs ops (hand-written gradient) on the current backend. */
export async function learnedMapTfTask(p: LearnedMapBenchProblem, repeats: number): Promise<TaskResult> {
  const runsMs: number[] = [];
  let out: Awaited<ReturnType<typeof learnedMapEpochTf>> | undefined;
  for (let r = 0; r < repeats; r++) {
    const t = now();
    out = await learnedMapEpochTf(p);
    runsMs.push(now() - t);
  }
  return summary(runsMs, { engine: `tfjs ${tf.getBackend()}`, loss: out?.meanBatchLoss, output: out?.theta });
}

/**
 * The app's trainer, trainClusterMap({epochs: 1}), on the current backend: one epoch (shuffled
 * batches, autodiff, tf.train.adam) plus its loss reports at epoch 0 and 1 (8,192 monitor prompts
 * and the 2,000 validation prompts given here) and the uploads. Not identical work to the numpy
 * epoch: reported beside it, not as the target figure.
 */
export async function trainClusterMapTask(p: LearnedMapBenchProblem, repeats: number): Promise<TaskResult> {
  const val = Math.min(2000, p.n);
  const input = {
    trainX: p.x,
    trainErrors: Float64Array.from(p.errors),
    valX: { rows: val, cols: p.d, data: p.x.data.subarray(0, val * p.d) },
    valErrors: Float64Array.from(p.errors.subarray(0, val * p.h)),
    psi: Float64Array.from(p.psi),
    centroids: { rows: p.k, cols: p.d, data: p.x.data.slice(0, p.k * p.d) },
  };
  const runsMs: number[] = [];
  let ran: string | undefined;
  for (let r = 0; r < repeats; r++) {
    const t = now();
    const res = await trainClusterMap(input, { epochs: 1, batchSize: p.batchSize, learningRate: p.learningRate, l2: p.l2 });
    runsMs.push(now() - t);
    // trainClusterMap picks its engine itself: report the one that ran when it says.
    ran = (res as { engine?: string }).engine;
  }
  return summary(runsMs, {
    engine: !ran || ran === 'tfjs' ? `tfjs ${tf.getBackend()}` : `${ran} (tfjs on ${tf.getBackend()})`,
    note: 'includes 2 loss evaluations and uploads',
  });
}
