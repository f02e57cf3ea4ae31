/// <reference lib="webworker" />
/**
 * The training worker: a thin switch (handlers.ts) over core calls; tfjs runs here, on WebGL through
 * OffscreenCanvas or on wasm, so the page stays responsive while k-means and the learned map train.
 */
import { createHandler } from './handlers';
import { openKeyValueStore, type KeyValueStore } from './idb';
import type { EmbedShardPort, SpawnEmbedShard } from './embedShard';
import type { KnnShardPort, SpawnKnnShard } from './knnShard';
import { WASM_PATHS } from './wasmPaths';
import type { WorkerRequest, WorkerResponse } from './protocol';
import type { LloydShardPort, SpawnLloydShard } from '../core/cluster';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
// k-means may split its Lloyd steps over nested workers, one per core ('auto' does on large problems: cluster/choose.ts).
const spawnShard: SpawnLloydShard | undefined =
  typeof Worker === 'undefined'
    ? undefined
    : () => new Worker(new URL('./lloydShard.worker.ts', import.meta.url), { type: 'module' }) as unknown as LloydShardPort;
// The page's IndexedDB store, opened here too: phi(x) of a dataset is written and read without crossing to the page.
let store: KeyValueStore | null = null;
const spawnEmbedShard: SpawnEmbedShard | undefined =
  typeof Worker === 'undefined'
    ? undefined
    : () => new Worker(new URL('./embedShard.worker.ts', import.meta.url), { type: 'module' }) as unknown as EmbedShardPort;
const spawnKnnShard: SpawnKnnShard | undefined =
  typeof Worker === 'undefined'
    ? undefined
    : () => new Worker(new URL('./knnShard.worker.ts', import.meta.url), { type: 'module' }) as unknown as KnnShardPort;
const handle = createHandler({
  post: (message) => scope.postMessage(message),
  thread: 'worker',
  wasmPaths: WASM_PATHS,
  spawnShard,
  spawnEmbedShard,
  spawnKnnShard,
  store: () => (store ??= openKeyValueStore()),
});
scope.onmessage = (event) => {
  void handle(event.data);
};
