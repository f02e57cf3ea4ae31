/**
 * A shard of the sharded k-means engine ('wasm-simd-sharded', src/core/cluster/engines/sharded.ts):
 * a nested module worker holding part of the points in its own wasm SIMD Lloyd kernel.
 */
// The shard module itself, not the cluster index: a shard needs the kernel only, not tfjs.
import { createLloydShardHandler, type LloydShardRequest } from '../core/cluster/engines/shard';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<LloydShardRequest>) => void) | null;
};
const handle = createLloydShardHandler((reply, transfer) => scope.postMessage(reply, transfer));
scope.onmessage = (e) => void handle(e.data);
