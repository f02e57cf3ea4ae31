/**
 * The prompt map's UMAP off the training worker's thread. umap-js builds its neighbour graph in one
 * synchronous call (a second and more on a few thousand prompts), and on the training worker that
 * call held up whatever came next: an upload's parsing waited 1.03 s for it (measured). A nested
 * worker (umapShard.worker.ts) runs it instead, and a cancel terminates that worker at once. Without
 * nested workers (Node, the page fallback), the same function runs here, yielding between epochs.
 */
import type { UmapProgress } from '../core/explorer/umap';
import { ask, type NestedPort } from './nested';
import { umapWithQuality, type UmapMap, type UmapShardReply, type UmapShardRequest } from './umapShardHandler';

export type UmapShardPort = NestedPort<UmapShardRequest, UmapShardReply>;
export type SpawnUmapShard = () => UmapShardPort;

/** A running UMAP: `stop` ends it (its promise then resolves to null). */
export interface UmapJob {
  map: Promise<UmapMap | null>;
  stop(): void;
}

export interface UmapJobHooks {
  onProgress(p: UmapProgress): void;
  /** UMAP is done; the trustworthiness of both maps is being measured. */
  onTrust(): void;
}

/** Starts the UMAP of `request` on a nested worker when one can be spawned, else on this thread. */
export function startUmap(request: UmapShardRequest, spawn: SpawnUmapShard | undefined, hooks: UmapJobHooks): UmapJob {
  let port: UmapShardPort | null = null;
  try {
    port = spawn?.() ?? null;
  } catch {
    port = null;
  }
  let stopped = false;
  // The map made on this thread: without a nested worker, or after one failed.
  const here = (): Promise<UmapMap | null> =>
    umapWithQuality(request, { onProgress: hooks.onProgress, shouldStop: () => stopped }, hooks.onTrust).then((m) => (stopped ? null : m));
  if (!port) return { map: here(), stop: () => void (stopped = true) };
  const p = port;
  let cancel: () => void = () => undefined;
  const cancelled = new Promise<null>((resolve) => (cancel = () => resolve(null)));
  // Copies, not transfers: the training worker keeps phi(x) and the PCA map for everything else.
  const answer = ask(p, request, 'map', 'the UMAP worker', {
    onOther: (r) => {
      if (r.type === 'trust') hooks.onTrust();
      else if (r.type === 'progress') hooks.onProgress(r.progress);
      else return false;
      return true;
    },
  }).then(
    ({ umap, quality }): UmapMap => ({ umap, quality }),
    // A worker that failed (its script did not load, it ran out of memory): this thread makes the map.
    () => (stopped ? null : here()),
  );
  const map = Promise.race([answer, cancelled]).finally(() => p.terminate());
  return {
    map,
    // The race settles at once and its finally terminates the worker.
    stop: () => {
      stopped = true;
      cancel();
    },
  };
}
