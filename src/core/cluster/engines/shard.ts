/**
 * One shard of the sharded Lloyd engines (sharded.ts): the message handler a worker runs. It holds
 * a contiguous block of the points in its own SIMD kernel (with Elkan's bounds when asked) and
 * answers each step with that block's assignments, per-cluster sums, counts and inertia (the
 * caller adds them up).
 */
import { createElkanKernel } from '../../kernels/elkanKernel';
import { createLloydKernel, type LloydKernel } from '../../kernels/lloydKernel';

/** Caller -> shard. */
export type LloydShardRequest =
  | { type: 'init'; points: Float32Array; rows: number; cols: number; k: number; bounds?: boolean }
  | { type: 'step'; centroids: Float32Array }
  | { type: 'dispose' };

/** Shard -> caller (one reply per request but 'dispose'). */
export type LloydShardReply =
  | { type: 'ready' }
  | { type: 'step'; assignments: Int32Array; sums: Float64Array; counts: Int32Array; inertia: number; distances?: number }
  | { type: 'error'; message: string };

/** Posts a reply, transferring the listed buffers (a worker's postMessage, or a test's fake). */
export type ShardPost = (reply: LloydShardReply, transfer: ArrayBuffer[]) => void;

/** A handler for a shard's incoming messages; replies go through `post`, in request order. */
export function createLloydShardHandler(post: ShardPost): (request: LloydShardRequest) => Promise<void> {
  let kernel: LloydKernel | undefined;
  // Requests are handled one at a time so replies keep the order of the requests.
  let queue: Promise<void> = Promise.resolve();
  const handle = async (m: LloydShardRequest): Promise<void> => {
    try {
      switch (m.type) {
        case 'init': {
          kernel?.dispose();
          const block = { rows: m.rows, cols: m.cols, data: m.points };
          kernel = m.bounds === true ? await createElkanKernel(block, m.k) : await createLloydKernel(block, m.k);
          post({ type: 'ready' }, []);
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
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) }, []);
    }
  };
  return (m) => (queue = queue.then(() => handle(m)));
}
