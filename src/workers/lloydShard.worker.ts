/**
 * A shard worker: a part of the points of the sharded k-means engine ('wasm-simd-sharded',
 * src/core/cluster/engines/sharded.ts) in its own wasm SIMD Lloyd kernel, or the learned map's
 * second half of each batch (src/core/routing/clusterMapPeer.ts); both come from one pool.
 */
// The shard handler itself, not the cluster or routing index: a shard needs the kernels only, not tfjs.
import { createShardHandler, type ShardRequest } from '../core/routing/shardHandler';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ShardRequest>) => void) | null;
};
const handle = createShardHandler((reply, transfer) => scope.postMessage(reply, transfer));
scope.onmessage = (e) => void handle(e.data);
