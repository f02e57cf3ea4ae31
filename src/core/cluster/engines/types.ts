/**
 * The one contract every Lloyd engine meets: an assignment step (each point to its nearest
 * centroid mu, plus the per-cluster sums the update needs) over points that stay resident in the
 * engine (wasm memory, worker shards, tfjs tensors or a Float32Array) across steps. The driver
 * (../driver.ts) owns everything else: seeding, centring, the centroid update, the stopping rule,
 * progress, cancellation and falling back to the next engine when one fails.
 *
 * An engine may keep state between steps: step t receives the centroids of step t-1's update, so
 * an engine that bounds distances (Hamerly, Elkan) can track how far each centroid moved and skip
 * points whose nearest centroid cannot have changed. The step's answer must stay exact.
 */
import type { LloydStep } from '../../kernels/lloydKernel';

export type { LloydStep };

/**
 * Implementations: the WebAssembly SIMD kernel on this thread, the same kernel on several
 * workers (rows split into shards, one per core; needs a shard spawner), each of the two also with
 * Elkan's bounds ('-elkan': the same answers, fewer distances), tfjs on the current backend, plain
 * TypeScript.
 */
export type LloydEngineKind = 'wasm-simd-elkan-sharded' | 'wasm-simd-elkan' | 'wasm-simd-sharded' | 'wasm-simd' | 'tfjs' | 'ts';

export interface LloydEngine {
  kind: LloydEngineKind;
  /** N, D, K the engine was built for. */
  n: number;
  dim: number;
  k: number;
  /** One assignment step against `centroids` (K x D float32, row-major). */
  step(centroids: Float32Array): Promise<LloydStep>;
  /** Frees the engine's memory (tensors, wasm instance, workers); the engine is unusable afterwards. */
  dispose(): void;
}

/** Throws unless the centroids are K x D for this engine. */
export function checkCentroids(engine: Pick<LloydEngine, 'k' | 'dim'>, centroids: Float32Array): void {
  if (centroids.length !== engine.k * engine.dim) {
    throw new Error(`centroids must hold k x dim = ${engine.k} x ${engine.dim} values, got ${centroids.length}`);
  }
}
