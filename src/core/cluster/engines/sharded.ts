/**
 * The 'wasm-simd-sharded' Lloyd engine (and 'wasm-simd-elkan-sharded', the same with Elkan's
 * bounds in every shard): the points split into contiguous blocks, each held by a shard
 * (shard.ts) with its own SIMD kernel, the last on the calling thread and the others in workers,
 * so the assignment steps run on several cores. Each step posts the K centroids mu to every shard
 * and adds up their partial sums, counts and inertia (K x D floats per shard: cheap next to the
 * N x K x D distance work). Workers come from the host's spawner, a pool (pool.ts) in the app and
 * the CLI, and go back to it after a run that went well.
 */
import { LLOYD_CHUNK_ROWS } from '../../kernels/lloydKernel';
import { asRowSource, SUM_CHUNK_ROWS, type RowSource } from '../../kernels/rowSource';
import { createShelf } from '../../kernels/shelf';
import { kernelModule } from '../../kernels/wasmKernels';
import type { Matrix } from '../../types';
import type { CentredSource } from '../centre';
import { createLloydShardHandler, type LloydShardReply, type LloydShardRequest } from './shard';
import { catchEarly, nextReply, type ShardPort } from './shardPort';
import { checkCentroids, type LloydEngine, type LloydStep } from './types';

/** The caller's end of a k-means shard (shardPort.ts). */
export type LloydShardPort = ShardPort<LloydShardRequest, LloydShardReply>;

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

/**
 * The calling thread's own shard, over the last block: the shard handler run here, messages and
 * replies handed over in place. While the workers compute their blocks this thread computes its
 * own instead of waiting, it needs no copy of its rows, and a step waits for one worker fewer.
 */
function localShard(): LloydShardPort {
  const port: LloydShardPort = {
    onmessage: null,
    postMessage: (message) => void handle(message),
    terminate: () => void handle({ type: 'dispose' }),
  };
  const handle = createLloydShardHandler((reply) => port.onmessage?.({ data: reply }));
  return port;
}

/** Blocks the workers handed back (shard.ts handBack), for the next run's copies (shelf.ts); 8 = build.ts's MAX_SHARDS (build.ts imports this file). */
const spareBlocks = createShelf<ArrayBuffer>((b) => b.byteLength, 8);

/** A block of `values` floats for a worker: a handed-back one where one is big enough. */
function workerBlock(values: number): Float32Array {
  const spare = spareBlocks.take(values * 4);
  return spare === undefined ? new Float32Array(values) : new Float32Array(spare, 0, values);
}

/** Keeps the block a shard's reply handed back. */
function keepBlock(reply: LloydShardReply): LloydShardReply {
  if ((reply.type === 'ready' || reply.type === 'sums') && reply.points !== undefined) spareBlocks.put(reply.points.buffer as ArrayBuffer);
  return reply;
}

/** A macrotask: a worker spawned on a worker thread starts only once its parent yields. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Whether the points are centred points whose centring is still to be worked out (centre.ts). */
function centringPending(source: RowSource): source is CentredSource {
  return 'adopt' in source && !(source as CentredSource).known;
}

/**
 * Builds the engine: spawns the shards and hands each its block of points (transferred), with the
 * kernel's module, so every shard runs the code earlier shards optimised. Centred points go raw:
 *  - their centring still to be worked out (and every block on a chunk boundary), each shard sums
 *    its own block (chunk sums), this thread adds them up (centre.ts adopt, the bits of one pass)
 *    and sends the mean back, so it only copies bytes while the shards start and sum;
 *  - their centring known, with the mean;
 * and each shard centres its own block in its kernel's SIMD pass.
 */
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
  // False once a build or a step failed: a shard may still owe a reply, so none is reused (nor while a step is out).
  let healthy = true;
  let stepsOut = 0;
  const dispose = (): void => {
    if (!alive) return;
    alive = false;
    for (const p of ports) {
      if (healthy && stepsOut === 0 && p.release !== undefined) {
        p.postMessage({ type: 'dispose' });
        p.release();
      } else p.terminate();
    }
  };
  try {
    // The calling thread holds the last block, the smallest (it also adds the steps up and posts them).
    const local = bounds.length - 2;
    for (let s = 0; s + 1 < bounds.length; s++) ports.push(s === local ? localShard() : catchEarly(spawn()));
    const module = await kernelModule(options.bounds === true ? 'elkan' : 'lloyd');
    const staged = centringPending(source) && bounds.every((b, s) => s === bounds.length - 1 || b % SUM_CHUNK_ROWS === 0);
    if (staged) await yieldToEventLoop();
    const raw = staged ? source.raw : source.centring?.raw;
    const mean = staged ? undefined : source.centring?.mean;
    const replies = await Promise.all(
      ports.map((port, s) => {
        const rows = bounds[s + 1] - bounds[s];
        // The calling thread's shard reads its rows in place; a worker's are copied and transferred.
        let block: Float32Array;
        const [from, to] = [bounds[s] * d, bounds[s + 1] * d];
        if (raw !== undefined && s === local) block = raw.data.subarray(from, to);
        else if (raw !== undefined) (block = workerBlock(to - from)).set(raw.data.subarray(from, to));
        else source.copyRows((block = s === local ? new Float32Array(rows * d) : workerBlock(rows * d)), d, bounds[s], bounds[s + 1]);
        const reply = nextReply(port, 'k-means shard').then(keepBlock);
        const init = {
          type: 'init',
          points: block,
          rows,
          cols: d,
          k,
          bounds: options.bounds === true,
          mean,
          stage: staged,
          module,
          handBack: s !== local,
        } as const;
        port.postMessage(init, s === local ? [] : [block.buffer]);
        return reply;
      }),
    );
    if (staged) {
      const sums = replies.map((r) => {
        if (r.type !== 'sums') throw new Error(`k-means shard: unexpected reply '${r.type}'`);
        return r;
      });
      const { mean: centre } = source.adopt(sums);
      await Promise.all(
        ports.map((port) => {
          const reply = nextReply(port, 'k-means shard').then(keepBlock);
          port.postMessage({ type: 'centre', mean: centre });
          return reply;
        }),
      );
    }
  } catch (e) {
    healthy = false;
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
      stepsOut++;
      const replies = await Promise.all(
        ports.map((port) => {
          const reply = nextReply(port, 'k-means shard');
          port.postMessage({ type: 'step', centroids }); // copied: K x D floats
          return reply;
        }),
      )
        .catch((e: unknown) => {
          healthy = false;
          throw e;
        })
        .finally(() => stepsOut--);
      const assignments = new Int32Array(n);
      const sums = new Float64Array(k * d);
      const counts = new Int32Array(k);
      let inertia = 0;
      let distances = 0;
      // Shards are added in block order, so the totals do not depend on which shard answers first.
      replies.forEach((r, s) => {
        if (r.type !== 'step') {
          healthy = false;
          throw new Error(`k-means shard: unexpected reply '${r.type}'`);
        }
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
