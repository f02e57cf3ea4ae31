/**
 * Shard workers kept between k-means runs. A worker takes tens of milliseconds to start (script,
 * modules, the kernel's instance), and a run of 20 Lloyd steps on 20,000 points takes about a
 * hundred: started per run, the shards' start is on every run's critical path. A pool starts them
 * once (`warm`, while the host is idle) and takes them back after a run that ended well; a shard
 * that failed, or whose engine failed, is terminated, not reused (a reply could still be on its way).
 */
import type { LloydShardPort, SpawnLloydShard } from './sharded';

export interface ShardPool {
  /** A shard: an idle one when there is one, else a new one. */
  (): LloydShardPort;
  /** Starts shards until `size` are idle. */
  warm(): void;
  /** Terminates the idle shards (shards in use are terminated when handed back). */
  dispose(): void;
}

/** Hooks around a shard's idle time (the Node CLI lets an idle worker thread not hold the process). */
export interface ShardPoolHooks {
  taken?(port: LloydShardPort): void;
  idle?(port: LloydShardPort): void;
}

/** A pool of at most `size` idle shards over `spawn`. */
export function shardPool(spawn: SpawnLloydShard, size: number, hooks: ShardPoolHooks = {}): ShardPool {
  let idle: LloydShardPort[] = [];
  let open = true;
  const park = (port: LloydShardPort): void => {
    port.onmessage = null;
    if (open && idle.length < size) {
      hooks.idle?.(port);
      idle.push(port);
      // A shard that fails while idle (its script cannot load, its thread exits) leaves the pool.
      port.onerror = (e) => {
        (e as { preventDefault?: () => void } | undefined)?.preventDefault?.();
        idle = idle.filter((p) => p !== port);
        port.terminate();
      };
    } else port.terminate();
  };
  const take = (): LloydShardPort => {
    const port = idle.pop() ?? spawn();
    port.onerror = null;
    hooks.taken?.(port);
    port.release = () => {
      port.release = undefined;
      park(port);
    };
    return port;
  };
  return Object.assign(take, {
    warm() {
      while (open && idle.length < size) park(spawn());
    },
    dispose() {
      open = false;
      for (const port of idle) port.terminate();
      idle = [];
    },
  });
}
