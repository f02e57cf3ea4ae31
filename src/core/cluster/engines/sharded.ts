/**
 * The 'wasm-simd-sharded' Lloyd engine (and 'wasm-simd-elkan-sharded', the same with Elkan's
 * bounds in every shard): the points split into contiguous blocks, each held by a shard
 * (shard.ts) in its own worker with its own SIMD kernel, so the assignment steps run on several
 * cores. Each step posts the K centroids mu to every shard and adds up their partial
 * sums, counts and inertia (K x D floats per shard: cheap next to the N x K x D distance work).
 */
import { LLOYD_CHUNK_ROWS } from '../../kernels/lloydKernel';
import { asRowSource, type RowSource } from '../../kernels/rowSource';
import type { Matrix } from '../../types';
import type { LloydShardReply, LloydShardRequest } from './shard';
import { checkCentroids, type LloydEngine, type LloydStep } from './types';

/** The caller's end of a shard: a Worker, or anything that behaves like one (tests, Node adapters). */
export interface LloydShardPort {
  postMessage(message: LloydShardRequest, transfer?: Transferable[]): void;
  onmessage: ((event: { data: LloydShardReply }) => void) | null;
  onerror?: ((event: unknown) => void) | null;
  terminate(): void;
}

/** Starts one shard (e.g. `new Worker(new URL('lloydShard.worker.ts', ...), { type: 'module' })`). */
export type SpawnLloydShard = () => LloydShardPort;

export interface ShardedLloydOptions {
  /** Number of shards (the chooser passes the machine's core count); fewer when N is small. */
  shards: number;
  /** Elkan's bounds in every shard (kind 'wasm-simd-elkan-sharded'). */
  bounds?: boolean;
  /**
   * Block boundaries fall on multiples of this many rows (default: the kernel's chunk), so every
   * shard adds the same float32 partial sums as the single kernel and only the float64 totals
   * are added in another order.
   */
  alignRows?: number;
}

/** Row boundaries of at most `shards` non-empty contiguous blocks, inner ones at multiples of `align`. */
export function shardBounds(n: number, shards: number, align: number): number[] {
  const per = Math.ceil(n / Math.max(1, shards) / align) * align;
  const bounds = [0];
  while (bounds[bounds.length - 1] < n) bounds.push(Math.min(n, bounds[bounds.length - 1] + per));
  return bounds;
}

/** Waits for the next reply of one shard (replies come in request order). */
function nextReply(port: LloydShardPort): Promise<LloydShardReply> {
  return new Promise((resolve, reject) => {
    port.onmessage = (e) => {
      port.onmessage = null;
      if (e.data.type === 'error') reject(new Error(`k-means shard: ${e.data.message}`));
      else resolve(e.data);
    };
    port.onerror = (e) => {
      port.onerror = null;
      const message = (e as { message?: string } | undefined)?.message;
      reject(new Error(`k-means shard failed${message ? `: ${message}` : ''}`));
    };
  });
}

/** Builds the engine: spawns the shards and copies each its block of points (transferred). */
export async function createShardedLloydEngine(
  points: Matrix | RowSource,
  k: number,
  spawn: SpawnLloydShard,
  options: ShardedLloydOptions,
): Promise<LloydEngine> {
  const source = asRowSource(points);
  const { rows: n, cols: d } = source;
  const bounds = shardBounds(n, options.shards, options.alignRows ?? LLOYD_CHUNK_ROWS);
  const ports: LloydShardPort[] = [];
  let alive = true;
  const dispose = (): void => {
    if (!alive) return;
    alive = false;
    for (const p of ports) p.terminate();
  };
  try {
    for (let s = 0; s + 1 < bounds.length; s++) ports.push(spawn());
    await Promise.all(
      ports.map((port, s) => {
        const rows = bounds[s + 1] - bounds[s];
        const block = new Float32Array(rows * d);
        source.copyRows(block, d, bounds[s], bounds[s + 1]);
        const reply = nextReply(port);
        port.postMessage({ type: 'init', points: block, rows, cols: d, k, bounds: options.bounds === true }, [block.buffer]);
        return reply;
      }),
    );
  } catch (e) {
    dispose();
    throw e;
  }
  return {
    kind: options.bounds === true ? 'wasm-simd-elkan-sharded' : 'wasm-simd-sharded',
    n,
    dim: d,
    k,
    async step(centroids: Float32Array): Promise<LloydStep> {
      if (!alive) throw new Error('this Lloyd engine was disposed');
      checkCentroids({ k, dim: d }, centroids);
      const replies = await Promise.all(
        ports.map((port) => {
          const reply = nextReply(port);
          port.postMessage({ type: 'step', centroids }); // copied: K x D floats
          return reply;
        }),
      );
      const assignments = new Int32Array(n);
      const sums = new Float64Array(k * d);
      const counts = new Int32Array(k);
      let inertia = 0;
      let distances = 0;
      // Shards are added in block order, so the totals do not depend on which shard answers first.
      replies.forEach((r, s) => {
        if (r.type !== 'step') throw new Error(`k-means shard: unexpected reply '${r.type}'`);
        assignments.set(r.assignments, bounds[s]);
        for (let j = 0; j < k * d; j++) sums[j] += r.sums[j];
        for (let c = 0; c < k; c++) counts[c] += r.counts[c];
        inertia += r.inertia;
        distances += r.distances ?? (bounds[s + 1] - bounds[s]) * k;
      });
      return { assignments, sums, counts, inertia, distances };
    },
    dispose,
  };
}
