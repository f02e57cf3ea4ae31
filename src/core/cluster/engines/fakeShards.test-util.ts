import { createLloydShardHandler, type LloydShardReply, type LloydShardRequest } from './shard';
import type { LloydShardPort, SpawnLloydShard } from './sharded';

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
 * A worker stand-in on the same thread: messages cross a macrotask each way and are copied by
 * structuredClone (transferred buffers are detached on the sender, as postMessage does). With
 * `failAtStep`, every shard answers that step (1-based) and later ones with an error, as a
 * crashed worker would; with `failAtStep` 0 the shards fail to start.
 */
export function fakeSpawn(log: ShardLog, failAtStep?: number): SpawnLloydShard {
  return (): LloydShardPort => {
    log.spawned++;
    let alive = true;
    let steps = 0;
    const port: LloydShardPort = {
      onmessage: null,
      postMessage(message: LloydShardRequest, transfer: Transferable[] = []) {
        log.requests[message.type] = (log.requests[message.type] ?? 0) + 1;
        if (message.type === 'init') log.rows.push(message.rows);
        if (message.type === 'init' && message.stage === true) log.staged++;
        if (message.type === 'step') steps++;
        const failing = failAtStep !== undefined && (message.type === 'init' ? failAtStep === 0 : steps >= failAtStep);
        if (failing) {
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
    const handle = createLloydShardHandler((reply: LloydShardReply, transfer) => {
      const copy = structuredClone(reply, { transfer });
      setTimeout(() => alive && port.onmessage?.({ data: copy }), 0);
    });
    return port;
  };
}
