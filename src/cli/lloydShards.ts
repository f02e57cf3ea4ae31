/**
 * The Node side of k-means's sharded engine: shard workers as worker threads, and the core count
 * from os.availableParallelism() (core cannot import node:os). The CLI hands both to the core.
 */
import { availableParallelism } from 'node:os';
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { LloydHost, LloydShardPort, LloydShardReply } from '../core/cluster';

/** A shard spawner over worker threads, and this machine's cores. */
export function nodeShardHost(): Required<Pick<LloydHost, 'spawnShard' | 'cores'>> {
  return {
    cores: availableParallelism(),
    spawnShard: () => {
      // The entry registers tsx in the thread first: the CLI runs TypeScript through it.
      const worker = new Worker(new URL('./lloydShard.worker.mjs', import.meta.url));
      const port: LloydShardPort = {
        onmessage: null,
        onerror: null,
        postMessage: (message, transfer) => worker.postMessage(message, transfer as unknown as TransferListItem[]),
        terminate: () => void worker.terminate(),
      };
      worker.on('message', (data: LloydShardReply) => port.onmessage?.({ data }));
      worker.on('error', (error) => port.onerror?.(error));
      return port;
    },
  };
}
