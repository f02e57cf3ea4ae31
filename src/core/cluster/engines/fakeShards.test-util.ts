import { createLloydShardHandler, type LloydShardReply, type LloydShardRequest } from './shard';
import type { SpawnLloydShard } from './sharded';
import type { ShardPort } from './shardPort';

export interface ShardLog {
  spawned: number;
  terminated: number;
  /** Rows of each block handed to a worker. */
  rows: number[];
  /** Blocks handed over raw, their centring still to be worked out ('init' with stage). */
  staged: number;
  /** Requests of each kind. */
  requests: Record<string, number>;
}

export const shardLog = (): ShardLog => ({ spawned: 0, terminated: 0, rows: [], staged: 0, requests: {} });

/**
 * A worker stand-in on the same thread, running `handler` as the worker would: messages cross a
 * macrotask each way and are copied by structuredClone (transferred buffers are detached on the
 * sender, as postMessage does). A request for which `fails(request, sent)` holds (`sent`: the requests
 * of each type this worker got, this one included) is answered with an error, as a crashed worker's.
 */
export function fakeWorker<Request extends { type: string }, Reply>(
  log: ShardLog,
  handler: (post: (reply: Reply, transfer: ArrayBuffer[]) => void) => (m: Request) => Promise<void>,
  fails: (m: Request, sent: Readonly<Record<string, number>>) => boolean = () => false,
): () => ShardPort<Request, Reply | { type: 'error'; message: string }> {
  return () => {
    log.spawned++;
    let alive = true;
    const sent: Record<string, number> = {};
    const port: ShardPort<Request, Reply | { type: 'error'; message: string }> = {
      onmessage: null,
      postMessage(message: Request, transfer: Transferable[] = []) {
        log.requests[message.type] = (log.requests[message.type] ?? 0) + 1;
        sent[message.type] = (sent[message.type] ?? 0) + 1;
        if (fails(message, sent)) {
          setTimeout(() => alive && port.onmessage?.({ data: { type: 'error', message: 'worker crashed' } }), 0);
          return;
        }
        const copy = structuredClone(message, { transfer });
        setTimeout(() => void handle(copy), 0);
      },
      terminate() {
        alive = false;
        log.terminated++;
      },
    };
    const handle = handler((reply, transfer) => {
      const copy = structuredClone(reply, { transfer });
      setTimeout(() => alive && port.onmessage?.({ data: copy }), 0);
    });
    return port;
  };
}

/**
 * k-means shards on fakeWorker. With `failAtStep`, every shard answers that step (1-based) and later
 * ones with an error; with `failAtStep` 0 the shards fail to start.
 */
export function fakeSpawn(log: ShardLog, failAtStep?: number): SpawnLloydShard {
  const spawn = fakeWorker<LloydShardRequest, LloydShardReply>(log, createLloydShardHandler, (m, sent) => {
    if (m.type === 'init') {
      log.rows.push(m.rows);
      if (m.stage === true) log.staged++;
    }
    return failAtStep !== undefined && (m.type === 'init' ? failAtStep === 0 : (sent.step ?? 0) >= failAtStep);
  });
  return spawn as SpawnLloydShard;
}
