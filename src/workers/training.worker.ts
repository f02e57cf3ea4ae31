/// <reference lib="webworker" />
/**
 * The training worker: a thin switch (handlers.ts) over core calls; tfjs runs here, on WebGL through
 * OffscreenCanvas or on wasm, so the page stays responsive while k-means and the learned map train.
 */
import { createHandler } from './handlers';
import { openKeyValueStore, type KeyValueStore } from './idb';
import type { SpawnEmbedShard } from './embedShard';
import type { SpawnKnnShard } from './knnShard';
import type { SpawnUmapShard } from './umapShard';
import { withSpare } from './nested';
import { WASM_PATHS } from './wasmPaths';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { hostCores, MAX_SHARDS, shardPool, type SpawnLloydShard } from '../core/cluster';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const nested = typeof Worker !== 'undefined';
// Each nested worker is spelled out as new Worker(new URL(...)): that form is what Vite bundles.
// k-means may split its Lloyd steps over this thread and nested workers, one per core ('auto' does on
// large problems: cluster/choose.ts). The workers are pooled (cluster/engines/pool.ts) and started when a
// large dataset's training has its embeddings: started per run, their start-up would be on the run's critical path.
const spawnShard = nested
  ? shardPool(
      (() => new Worker(new URL('./lloydShard.worker.ts', import.meta.url), { type: 'module' })) as unknown as SpawnLloydShard,
      Math.min(hostCores(), MAX_SHARDS) - 1,
    )
  : undefined;
// The embedding half and the k-NN lists keep a started spare (nested.ts): their work is posted while this thread is busy.
const spawnEmbedShard = nested
  ? withSpare((() => new Worker(new URL('./embedShard.worker.ts', import.meta.url), { type: 'module' })) as unknown as SpawnEmbedShard)
  : undefined;
const spawnKnnShard = nested
  ? withSpare((() => new Worker(new URL('./knnShard.worker.ts', import.meta.url), { type: 'module' })) as unknown as SpawnKnnShard)
  : undefined;
// UMAP is asked for while this thread is idle (after training): it starts on demand.
const spawnUmapShard = nested
  ? ((() => new Worker(new URL('./umapShard.worker.ts', import.meta.url), { type: 'module' })) as unknown as SpawnUmapShard)
  : undefined;
// The page's IndexedDB store, opened here too: phi(x) of a dataset is written and read without crossing to the page.
let store: KeyValueStore | null = null;
const handle = createHandler({
  post: (message) => scope.postMessage(message),
  thread: 'worker',
  wasmPaths: WASM_PATHS,
  spawnShard,
  warmShards: () => spawnShard?.warm(),
  spawnEmbedShard,
  spawnKnnShard,
  spawnUmapShard,
  store: () => (store ??= openKeyValueStore()),
});
scope.onmessage = (event) => {
  void handle(event.data);
};
