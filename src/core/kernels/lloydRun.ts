/**
 * K-means (centroids mu for UniRoute's clusters) driven by a Lloyd engine, with exactly the
 * options, stopping rule and result of cluster/ (kmeans, kmeansReference): the engine does the
 * heavy step, this file does the bookkeeping (changed, shift, convergence, final assignment).
 */
import { kmeansPlusPlus } from '../cluster/initialization';
import { hasConverged, type KMeansIteration, type KMeansOptions, type KMeansResult, resolveKMeansOptions } from '../cluster/options';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { createLloydEngine, type LloydEngineOptions, type LloydProbe } from './lloydEngine';
import { centroidsFromStep, type LloydEngine, type LloydEngineKind } from './lloydTypes';

export interface EngineKMeansOptions extends KMeansOptions {
  /** Which engine (default 'auto': probe) and its tuning. */
  engine?: LloydEngineOptions;
  onIteration?: (it: KMeansIteration) => void;
  /** Polled before every step; true stops early with converged = false. */
  shouldStop?: () => boolean;
  /** Yield a macrotask before a step once this many ms ran since the last yield (default: never). */
  yieldEveryMs?: number;
}

export interface EngineKMeansResult extends KMeansResult {
  engine: LloydEngineKind;
  /** The engine probe's timings when 'auto' probed; [] otherwise. */
  probes: LloydProbe[];
}

/** Options of lloydOnEngine (the resolved ones of kmeans, with the shift threshold computed). */
export interface LloydLoopOptions {
  maxIterations: number;
  /** Stop once shift <= threshold (cluster/options.ts shiftThreshold). */
  threshold: number;
  onIteration?: (it: KMeansIteration) => void;
  shouldStop?: () => boolean;
  yieldEveryMs?: number;
}

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** A macrotask, so a timer or a worker message can flip shouldStop while the steps run. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Lloyd iterations on an engine that already holds the points (the engine is not disposed). */
export async function lloydOnEngine(
  engine: LloydEngine,
  init: Float32Array,
  o: LloydLoopOptions,
): Promise<Omit<KMeansResult, 'k' | 'dim'>> {
  const { k, dim, n } = engine;
  let centroids = init;
  let previous: Int32Array | undefined;
  let last: { assignments: Int32Array; inertia: number } | undefined;
  const history: KMeansIteration[] = [];
  let converged = false;
  let lastYield = now();
  for (let iteration = 1; iteration <= o.maxIterations; iteration++) {
    if (o.yieldEveryMs !== undefined && now() - lastYield >= o.yieldEveryMs) {
      await yieldToEventLoop();
      lastYield = now();
    }
    if (o.shouldStop?.()) break;
    const step = await engine.step(centroids);
    let changed = 0;
    for (let i = 0; i < n; i++) if (previous === undefined || step.assignments[i] !== previous[i]) changed++;
    const next = centroidsFromStep(step, centroids, dim);
    let shift = 0;
    for (let j = 0; j < k * dim; j++) shift += (next[j] - centroids[j]) ** 2;
    const it = { iteration, inertia: step.inertia, shift, changed };
    history.push(it);
    centroids = next;
    previous = step.assignments;
    last = step;
    o.onIteration?.(it);
    if (hasConverged(it, o.threshold)) {
      converged = true;
      break;
    }
  }
  // Unchanged assignments leave the centroids where they were: the last step is still current.
  const current = last !== undefined && history[history.length - 1].changed === 0;
  const final = current && last !== undefined ? last : await engine.step(centroids);
  return {
    centroids: { rows: k, cols: dim, data: centroids },
    assignments: final.assignments,
    inertia: final.inertia,
    iterations: history.length,
    converged,
    history,
    engine: engine.kind,
  };
}

/**
 * The points minus their column mean (float64 mean, stored float32), and the shift threshold of
 * cluster/options.ts computed in the same pass (same sums in the same order as shiftThreshold).
 * Distances do not change when points and centroids move by the same vector, but the engines'
 * norm expansion |mu|^2 - 2 x.mu cancels far less on centred data (scikit-learn centres too).
 */
export function centrePoints(points: Matrix, tolerance: number): { centred: Matrix; mean: Float64Array; threshold: number } {
  const { rows: n, cols: d, data } = points;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const out = new Float32Array(n * d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const dev = data[i * d + j] - mean[j];
      out[i * d + j] = dev;
      total += dev * dev;
    }
  }
  return { centred: { rows: n, cols: d, data: out }, mean, threshold: (tolerance * total) / (n * d) };
}

/** K-means with k-means++ seeding (or given centroids) on the chosen engine; same results as kmeans(). */
export async function kmeansOnEngine(points: Matrix, options: EngineKMeansOptions): Promise<EngineKMeansResult> {
  const o = resolveKMeansOptions(points, options);
  const { k } = o;
  const d = points.cols;
  const init = o.initialCentroids ?? kmeansPlusPlus(points, k, createRng(o.seed));
  const { centred, mean, threshold } = centrePoints(points, o.tolerance);
  const start = Float32Array.from(init.data, (v, i) => v - mean[i % d]);
  const { engine, probes } = await createLloydEngine(centred, k, options.engine);
  try {
    const r = await lloydOnEngine(engine, start, {
      maxIterations: o.maxIterations,
      threshold,
      onIteration: options.onIteration,
      shouldStop: options.shouldStop,
      yieldEveryMs: options.yieldEveryMs,
    });
    const uncentred = Float32Array.from(r.centroids.data, (v, i) => v + mean[i % d]);
    return { k, dim: d, ...r, centroids: { rows: k, cols: d, data: uncentred }, engine: engine.kind, probes };
  } finally {
    engine.dispose();
  }
}
