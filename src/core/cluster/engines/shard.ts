/**
 * One shard of the sharded Lloyd engines (sharded.ts): the message handler a worker runs. It holds
 * a contiguous block of the points in its own SIMD kernel (with Elkan's bounds when asked) and
 * answers each step with that block's assignments, per-cluster sums, counts and inertia (the
 * caller adds them up).
 */
import { createElkanKernel, ELKAN_HISTORY } from '../../kernels/elkanKernel';
import { createLloydKernel, type KernelOptions, type LloydKernel } from '../../kernels/lloydKernel';
import type { ChunkSums } from '../../kernels/rowSource';
import { adoptKernelModule } from '../../kernels/wasmKernels';
import { centredSource } from '../centre';
import { inOrder } from './shardPort';

/**
 * Caller -> shard. 'init' brings the shard's block of points and the caller's compiled kernel
 * `module` (the shard then shares its optimised code). The block comes centred already; or raw
 * with the column `mean` to centre it by here (centre.ts's values, in the kernel's SIMD pass); or
 * raw with `stage`: the shard answers its block's chunk sums ('sums'), the caller works the mean
 * out from every shard's sums and sends it ('centre'), and the shard centres and answers 'ready'.
 */
export type LloydShardRequest =
  | {
      type: 'init';
      points: Float32Array;
      rows: number;
      cols: number;
      k: number;
      bounds?: boolean;
      mean?: Float64Array;
      stage?: boolean;
      module?: WebAssembly.Module;
      /** A copy made for this shard: hand its buffer back once the kernel holds the rows. */
      handBack?: boolean;
    }
  | { type: 'centre'; mean: Float64Array }
  | { type: 'step'; centroids: Float32Array }
  | { type: 'dispose' };

/**
 * Shard -> caller (one reply per request but 'centre' and 'dispose'; a staged 'init' answers 'sums',
 * then 'ready'). `points` is the init's block handed back (handBack), for the caller's next copy.
 */
export type LloydShardReply =
  | { type: 'ready'; points?: Float32Array }
  | ({ type: 'sums'; points?: Float32Array } & ChunkSums)
  | { type: 'step'; assignments: Int32Array; sums: Float64Array; counts: Int32Array; inertia: number; distances?: number }
  | { type: 'error'; message: string };

/** Posts a reply, transferring the listed buffers (a worker's postMessage, or a test's fake). */
export type ShardPost = (reply: LloydShardReply, transfer: ArrayBuffer[]) => void;

/** A handler for a shard's incoming messages; replies go through `post`, in request order. */
export function createLloydShardHandler(post: ShardPost): (request: LloydShardRequest) => Promise<void> {
  let kernel: LloydKernel | undefined;
  // The mean a staged 'init' waits for: 'centre' answers it without queueing behind that 'init'
  // ('dispose' fails it, so the dispose queued behind that 'init' runs).
  let waiting: { resolve: (mean: Float64Array) => void; reject: (e: Error) => void } | undefined;
  // The block to hand back with the next reply, once the kernel has copied it.
  let handBack: Float32Array | undefined;
  const back = (): { points?: Float32Array; transfer: ArrayBuffer[] } => {
    const points = handBack;
    handBack = undefined;
    return points === undefined ? { transfer: [] } : { points, transfer: [points.buffer as ArrayBuffer] };
  };
  const centreBy = async (sums: ChunkSums): Promise<Float64Array> => {
    const mean = new Promise<Float64Array>((resolve, reject) => (waiting = { resolve, reject }));
    const { points, transfer } = back();
    post({ type: 'sums', ...sums, points }, [sums.sums.buffer as ArrayBuffer, sums.squares.buffer as ArrayBuffer, ...transfer]);
    return mean;
  };
  // Requests are handled one at a time so replies keep the order of the requests.
  const queued = inOrder(async (m: LloydShardRequest): Promise<void> => {
    switch (m.type) {
      case 'init': {
        kernel?.dispose();
        kernel = undefined;
        handBack = m.handBack === true ? m.points : undefined;
        if (m.module !== undefined) adoptKernelModule(m.bounds === true ? 'elkan' : 'lloyd', m.module);
        const raw = { rows: m.rows, cols: m.cols, data: m.points };
        const block = m.mean === undefined ? raw : centredSource(raw, m.mean);
        const options: KernelOptions = m.stage === true ? { centreBy } : {};
        kernel =
          m.bounds === true ? await createElkanKernel(block, m.k, ELKAN_HISTORY, options) : await createLloydKernel(block, m.k, options);
        const { points, transfer } = back();
        post({ type: 'ready', points }, transfer);
        return;
      }
      case 'step': {
        if (kernel === undefined) throw new Error('shard not initialised');
        const s = kernel.step(m.centroids);
        post({ type: 'step', ...s }, [s.assignments.buffer as ArrayBuffer, s.sums.buffer as ArrayBuffer, s.counts.buffer as ArrayBuffer]);
        return;
      }
      case 'dispose':
        kernel?.dispose();
        kernel = undefined;
        return;
    }
  }, post);
  return (m) => {
    if (m.type === 'centre') {
      // Sent only after this shard's 'sums', so its staged 'init' is waiting; a stray one has nothing to answer.
      waiting?.resolve(m.mean);
      waiting = undefined;
      return Promise.resolve();
    }
    if (m.type === 'dispose') {
      waiting?.reject(new Error('the shard was disposed before its centring arrived'));
      waiting = undefined;
    }
    return queued(m);
  };
}
