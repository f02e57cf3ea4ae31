/**
 * K-means (centroids mu for UniRoute's clusters) driven by a Lloyd engine, with exactly the
 * options, stopping rule and result of cluster/ (kmeans, kmeansReference): the engine does the
 * heavy step, this file does the bookkeeping (changed, shift, convergence, final assignment).
 */
import { kmeansPlusPlus } from '../cluster/initialization';
import { hasConverged, type KMeansIteration, type KMeansOptions, type KMeansResult, resolveKMeansOptions, shiftThreshold } from '../cluster/options';
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
}

export interface EngineKMeansResult extends KMeansResult {
  engine: LloydEngineKind;
  probes: LloydProbe[];
}

/** Lloyd iterations on an engine that already holds the points (the engine is not disposed). */
export async function lloydOnEngine(
  engine: LloydEngine,
  init: Float32Array,
  o: { maxIterations: number; threshold: number; onIteration?: (it: KMeansIteration) => void; shouldStop?: () => boolean },
): Promise<Omit<KMeansResult, 'k' | 'dim'>> {
  const { k, dim, n } = engine;
  let centroids = init;
  let previous: Int32Array | undefined;
  let last: { assignments: Int32Array; inertia: number } | undefined;
  const history: KMeansIteration[] = [];
  let converged = false;
  for (let iteration = 1; iteration <= o.maxIterations; iteration++) {
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
  };
}

/** K-means with k-means++ seeding (or given centroids) on the chosen engine; same results as kmeans(). */
export async function kmeansOnEngine(points: Matrix, options: EngineKMeansOptions): Promise<EngineKMeansResult> {
  const o = resolveKMeansOptions(points, options);
  const init = o.initialCentroids ?? kmeansPlusPlus(points, o.k, createRng(o.seed));
  // tolerance 0 (scikit-learn's tol=0) skips the O(N D) variance pass: the threshold is 0 anyway.
  const threshold = o.tolerance === 0 ? 0 : shiftThreshold(points, o.tolerance);
  const { engine, probes } = await createLloydEngine(points, o.k, options.engine);
  try {
    const r = await lloydOnEngine(engine, Float32Array.from(init.data), {
      maxIterations: o.maxIterations,
      threshold,
      onIteration: options.onIteration,
      shouldStop: options.shouldStop,
    });
    return { k: o.k, dim: points.cols, ...r, engine: engine.kind, probes };
  } finally {
    engine.dispose();
  }
}
