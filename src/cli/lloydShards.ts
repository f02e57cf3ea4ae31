/**
 * The Node side of k-means's sharded engine: shard workers as worker threads, and the core count
 * from os.availableParallelism() (core cannot import node:os). The CLI hands both to the core.
 * The workers are pooled (core's shardPool): a worker thread that registers tsx takes about a
 * quarter of a second to start, and a command may run k-means many times (eval's trials).
 */
import { availableParallelism } from 'node:os';
import { Worker, type TransferListItem } from 'node:worker_threads';
import { MAX_SHARDS, shardPool, type LloydHost, type LloydShardPort, type LloydShardReply } from '../core/cluster';

/** A pooled shard spawner over worker threads, and this machine's cores. */
export function nodeShardHost(): Required<Pick<LloydHost, 'spawnShard' | 'cores'>> {
  const cores = availableParallelism();
  const threads = new WeakMap<LloydShardPort, Worker>();
  const spawn = (): LloydShardPort => {
    // The entry registers tsx in the thread first: the CLI runs TypeScript through it.
    const worker = new Worker(new URL('./lloydShard.worker.mjs', import.meta.url));
    const port: LloydShardPort = {
      onmessage: null,
      onerror: null,
      postMessage: (message, transfer) => worker.postMessage(message, transfer as unknown as TransferListItem[]),
      terminate: () => {
        ended = true;
        void worker.terminate();
      },
    };
    worker.on('message', (data: LloydShardReply) => port.onmessage?.({ data }));
    worker.on('error', (error) => port.onerror?.(error));
    // A thread that ends by itself (not terminated here) fails whoever waits for it, or leaves the pool.
    let ended = false;
    worker.on('exit', (code) => {
      if (!ended) port.onerror?.(new Error(`worker thread exited (code ${code})`));
    });
    threads.set(port, worker);
    return port;
  };
  // The calling thread holds one block itself. An idle worker must not keep the command running.
  const spawnShard = shardPool(spawn, Math.min(cores, MAX_SHARDS) - 1, {
    taken: (port) => threads.get(port)?.ref(),
    idle: (port) => threads.get(port)?.unref(),
  });
  return { cores, spawnShard };
}
