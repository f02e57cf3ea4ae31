/**
 * K-means for UniRoute: centroids mu_1..mu_K on phi(S_tr). One driver (driver.ts: k-means++
 * seeding from a seeded Rng, centring, Lloyd's loop, stopping rule, progress, cancellation,
 * fallback) over one engine interface (engines/types.ts) with six engines: the WebAssembly SIMD
 * kernel, plain or with Elkan's bounds, on this thread or sharded over workers, tfjs, plain TS;
 * one chooser (choose.ts). The
 * nearest-centroid rule k(x) of the K-means cluster map: nearest.ts.
 */
export {
  autoOrder,
  ELKAN_MIN_DIM,
  KMEANS_ENGINES,
  planKMeansEngines,
  SHARD_MIN_WORK,
  type KMeansEngineChoice,
  type LloydProbe,
} from './choose';
export { kmeans, type EngineFallback, type KMeansRunOptions, type KMeansRunResult } from './driver';
export { hostCores, MAX_SHARDS, type LloydHost, type TfBackendHint } from './engines/build';
export { createLloydShardHandler, type LloydShardReply, type LloydShardRequest } from './engines/shard';
export { shardPool, type ShardPool, type ShardPoolHooks } from './engines/pool';
export type { LloydShardPort, SpawnLloydShard } from './engines/sharded';
export type { LloydEngineKind } from './engines/types';
export { kmeansPlusPlus } from './initialization';
export { assignNearest } from './nearest';
export type { KMeansIteration, KMeansOptions, KMeansResult } from './options';
