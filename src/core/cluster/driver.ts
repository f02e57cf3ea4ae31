/**
 * The one k-means driver: Lloyd's loop for UniRoute's centroids mu on any engine. The engine does
 * the assignment step (engines/types.ts); this file does everything else, once: k-means++ seeding
 * (or given centroids), centring, the centroid update, the stopping rule of options.ts, progress,
 * cancellation, the final assignment, and falling back to the next engine of the chooser's order
 * (choose.ts) when one fails to build or to step. A run that falls back carries on from the
 * centroids it had reached (the step's answer does not depend on the engine) and says so in
 * `fallbacks`.
 */
import { createRng } from '../rng';
import type { RowSource } from '../kernels/rowSource';
import type { Matrix } from '../types';
import { centreLater, shiftRows } from './centre';
import { checkEngineChoice, planKMeansEngines, type KMeansEngineChoice, type LloydProbe } from './choose';
import { buildLloydEngine, type LloydHost } from './engines/build';
import type { LloydEngine, LloydEngineKind, LloydStep } from './engines/types';
import { seedPlusPlus } from './initialization';
import {
  hasConverged,
  KMeansInputError,
  type KMeansIteration,
  type KMeansOptions,
  type KMeansResult,
  resolveKMeansOptions,
} from './options';

/** kmeans() also takes the engine choice, the host's offer (LloydHost), progress and cancellation. */
export interface KMeansRunOptions extends KMeansOptions, LloydHost {
  /** Default 'auto' (choose.ts). */
  engine?: KMeansEngineChoice;
  /** Called after every Lloyd step (drives a progress bar / inertia chart). */
  onIteration?: (it: KMeansIteration) => void;
  /** Polled before every step; true stops early with converged = false. */
  shouldStop?: () => boolean;
}

/** An engine that failed and was replaced by the next one in the order, and why. */
export interface EngineFallback {
  engine: LloydEngineKind;
  reason: string;
}

/** What kmeans() returns: the engine that finished, the probe when 'auto' timed candidates, and fallbacks. */
export interface KMeansRunResult extends KMeansResult {
  engine: LloydEngineKind;
  probes: LloydProbe[];
  fallbacks: EngineFallback[];
}

/** The engines of a run: the one to step on now, and what happens when it fails. */
export interface EngineQueue {
  /** The engine to step on, building the next one of the order if needed; throws when none is left. */
  current(): Promise<LloydEngine>;
  /** The current engine threw `error`: dispose it and go on with the next (or rethrow). */
  failed(error: unknown): void;
  dispose(): void;
}

export interface LloydLoopOptions {
  maxIterations: number;
  /** Stop once shift <= threshold (centre.ts). */
  threshold: number;
  onIteration?: (it: KMeansIteration) => void;
  shouldStop?: () => boolean;
  /** Yield a macrotask before a step once this many ms ran since the last yield (default: never). */
  yieldEveryMs?: number;
}

export interface LloydLoopResult extends Omit<KMeansResult, 'k' | 'dim' | 'centroids'> {
  /** Final centroids, K x D float32 (in the frame of the engine's points). */
  centroids: Float32Array;
  /** The engine that ran the last step. */
  engine: LloydEngineKind;
}

/**
 * Engines synchronous inside (the SIMD kernel, plain TS) would otherwise hold the thread for the
 * whole run: yield a macrotask this often (ms) so a timer or a message can still set shouldStop.
 */
const YIELD_EVERY_MS = 50;

const now = (): number => globalThis.performance?.now() ?? Date.now();
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A macrotask, so a timer or a worker message can flip shouldStop while the steps run. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * New centroids from a step: the mean of each cluster's points; an empty cluster keeps its
 * previous centroid (options.ts). Returns float32 K x D.
 */
export function centroidsFromStep(step: Pick<LloydStep, 'sums' | 'counts'>, previous: Float32Array, dim: number): Float32Array {
  const k = step.counts.length;
  const out = new Float32Array(k * dim);
  for (let c = 0; c < k; c++) {
    const n = step.counts[c];
    for (let j = 0; j < dim; j++) out[c * dim + j] = n > 0 ? step.sums[c * dim + j] / n : previous[c * dim + j];
  }
  return out;
}

/** A queue of one engine the caller built and disposes: a failure is rethrown. */
export function singleEngine(engine: LloydEngine): EngineQueue {
  return {
    current: async () => engine,
    failed: (error) => {
      throw error;
    },
    dispose: () => undefined,
  };
}

/** Builds the engines of `order` one at a time, noting each failure in `fallbacks`. */
export function engineQueue(
  order: readonly LloydEngineKind[],
  points: Matrix | RowSource,
  k: number,
  host: LloydHost,
  fallbacks: EngineFallback[],
): EngineQueue {
  const left = [...order];
  let engine: LloydEngine | undefined;
  const tried: EngineFallback[] = [];
  const note = (kind: LloydEngineKind, e: unknown): void => {
    const failure = { engine: kind, reason: message(e) };
    fallbacks.push(failure);
    tried.push(failure);
  };
  return {
    async current() {
      while (engine === undefined) {
        const kind = left.shift();
        if (kind === undefined) {
          const why = tried.map((f) => `${f.engine}: ${f.reason}`).join('; ');
          throw new Error(
            order.length === 1 ? `the '${order[0]}' k-means engine failed: ${tried[0]?.reason}` : `no k-means engine could run (${why})`,
          );
        }
        try {
          engine = await buildLloydEngine(kind, points, k, host);
        } catch (e) {
          if (e instanceof KMeansInputError) throw e;
          note(kind, e);
        }
      }
      return engine;
    },
    failed(error) {
      if (engine === undefined) throw error;
      note(engine.kind, error);
      engine.dispose();
      engine = undefined;
    },
    dispose() {
      engine?.dispose();
      engine = undefined;
    },
  };
}

/** Lloyd's loop from `init` on the engines of the queue (the queue is not disposed here). */
export async function runLloyd(engines: EngineQueue, init: Float32Array, o: LloydLoopOptions): Promise<LloydLoopResult> {
  let kind: LloydEngineKind | undefined;
  const step = async (centroids: Float32Array): Promise<LloydStep> => {
    for (;;) {
      const engine = await engines.current();
      kind = engine.kind;
      try {
        return await engine.step(centroids);
      } catch (e) {
        engines.failed(e);
      }
    }
  };
  const first = await engines.current();
  const { k, dim, n } = first;
  let centroids = init;
  let previous: Int32Array | undefined;
  let last: LloydStep | undefined;
  const history: KMeansIteration[] = [];
  let converged = false;
  let lastYield = now();
  for (let iteration = 1; iteration <= o.maxIterations; iteration++) {
    if (o.yieldEveryMs !== undefined && now() - lastYield >= o.yieldEveryMs) {
      await yieldToEventLoop();
      lastYield = now();
    }
    if (o.shouldStop?.()) break;
    const s = await step(centroids);
    let changed = 0;
    for (let i = 0; i < n; i++) if (previous === undefined || s.assignments[i] !== previous[i]) changed++;
    const next = centroidsFromStep(s, centroids, dim);
    let shift = 0;
    for (let j = 0; j < k * dim; j++) shift += (next[j] - centroids[j]) ** 2;
    const it = { iteration, inertia: s.inertia, shift, changed };
    history.push(it);
    centroids = next;
    previous = s.assignments;
    last = s;
    o.onIteration?.(it);
    if (hasConverged(it, o.threshold)) {
      converged = true;
      break;
    }
  }
  // Unchanged assignments leave the centroids where they were: the last step is still current.
  const current = last !== undefined && history[history.length - 1].changed === 0;
  const final = current && last !== undefined ? last : await step(centroids);
  return {
    centroids,
    assignments: final.assignments,
    inertia: final.inertia,
    iterations: history.length,
    converged,
    history,
    engine: kind ?? first.kind,
  };
}

/**
 * Lloyd's k-means (k-means++ seeding from options.seed, or initialCentroids) on the engines
 * `options.engine` picks (choose.ts), reporting each step through onIteration and polling
 * shouldStop before each step. Every engine gives the float64 reference's clusters (tested).
 */
export async function kmeans(points: Matrix, options: KMeansRunOptions): Promise<KMeansRunResult> {
  // Bad input fails before any engine is built; the points' values are checked by the mean pass.
  const o = resolveKMeansOptions(points, options, false);
  const choice = options.engine ?? 'auto';
  checkEngineChoice(choice);
  const { k } = o;
  const d = points.cols;
  // The centring is worked out by the first engine's build: the sharded engine's shards sum their
  // own blocks, the others read the points here once.
  const centred = centreLater(points, o.tolerance);
  const { order, probes } = await planKMeansEngines(centred, k, choice, options);
  const fallbacks: EngineFallback[] = probes
    .filter((p) => p.error !== undefined)
    .map((p) => ({ engine: p.kind, reason: `probe: ${p.error}` }));
  const engines = engineQueue(order, centred, k, options, fallbacks);
  try {
    await engines.current();
    const { mean, threshold } = centred.stats();
    const init = o.initialCentroids ?? seedPlusPlus(points, k, createRng(o.seed));
    const r = await runLloyd(engines, shiftRows(init.data, mean, -1), {
      maxIterations: o.maxIterations,
      threshold,
      onIteration: options.onIteration,
      shouldStop: options.shouldStop,
      yieldEveryMs: YIELD_EVERY_MS,
    });
    const { centroids, ...rest } = r;
    return { k, dim: d, ...rest, centroids: { rows: k, cols: d, data: shiftRows(centroids, mean, 1) }, probes, fallbacks };
  } finally {
    engines.dispose();
  }
}
