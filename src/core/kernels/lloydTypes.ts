/**
 * The contract of a Lloyd engine: one k-means step (assignment + the sums the update needs) over
 * points that stay resident in the engine (wasm memory, tfjs tensors or a Float32Array) across
 * iterations. The caller owns the iteration: it turns sums/counts into the new centroids mu,
 * decides convergence and reports progress (see runLloyd in lloydRun.ts).
 */

/**
 * Implementations: hand-written WebAssembly SIMD, the same kernel on 2 workers (rows split; needs a
 * shard spawner, see lloydParallel.ts), tfjs on the current backend, plain TypeScript.
 */
export type LloydEngineKind = 'wasm-simd' | 'wasm-simd-x2' | 'tfjs' | 'ts';

/** What one step returns (plain arrays: nothing from the engine's memory escapes). */
export interface LloydStep {
  /** Nearest centroid of every point (ties: lower index). */
  assignments: Int32Array;
  /** Per-cluster sums of the assigned points, K x D row-major, accumulated in float64. */
  sums: Float64Array;
  /** Points per cluster. */
  counts: Int32Array;
  /** Sum over points of the squared distance to the assigned centroid (explicit differences). */
  inertia: number;
}

export interface LloydEngine {
  kind: LloydEngineKind;
  /** N, D, K the engine was built for. */
  n: number;
  dim: number;
  k: number;
  /** One assignment step against `centroids` (K x D float32, row-major). */
  step(centroids: Float32Array): Promise<LloydStep>;
  /** Frees the engine's memory (tensors, wasm instance); the engine is unusable afterwards. */
  dispose(): void;
}

/** Throws unless the centroids are K x D for this engine. */
export function checkCentroids(engine: Pick<LloydEngine, 'k' | 'dim'>, centroids: Float32Array): void {
  if (centroids.length !== engine.k * engine.dim) {
    throw new Error(`centroids must hold k x dim = ${engine.k} x ${engine.dim} values, got ${centroids.length}`);
  }
}

/**
 * New centroids from a step: the mean of each cluster's points; an empty cluster keeps its
 * previous centroid (the same rule as cluster/options.ts). Returns float32 K x D.
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
