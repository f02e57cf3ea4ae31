/**
 * A second thread for the learned cluster map's mini-batches (clusterMapSimd.ts): a batch's
 * gradient is the sum of its two halves' (learnedMapKernel.ts backward/combine), so a peer holding
 * the same training prompts in its own kernel computes the second half at the batch's theta while
 * this thread computes the first, with the bits of one thread doing both. The peer runs in a k-means
 * shard worker (the same pool, cluster/engines/pool.ts): messages are told apart by their 'map-' type.
 */
import { createLearnedMapKernel, type LearnedMapKernel, type LearnedMapKernelShape } from '../kernels/learnedMapKernel';
import { adoptKernelModule, kernelModule } from '../kernels/wasmKernels';
import type { Matrix } from '../types';
import { catchEarly, inOrder, nextReply, type ShardPort } from '../cluster/engines/shardPort';

/** Caller -> peer. */
export type MapPeerRequest =
  | {
      type: 'map-init';
      x: Float32Array;
      rows: number;
      cols: number;
      errors: Float32Array;
      psi: Float32Array;
      shape: LearnedMapKernelShape;
      module?: WebAssembly.Module;
    }
  | { type: 'map-half'; rows: Int32Array; w: Float32Array; b: Float32Array }
  | { type: 'map-dispose' };

/** A half's gradient sums (as the kernel's half() gives them), its loss total and its observed labels. */
export interface MapHalf {
  dw: Float32Array;
  db: Float32Array;
  total: number;
  observed: number;
}

/** Peer -> caller: one reply per request but 'map-dispose'. */
export type MapPeerReply = { type: 'map-ready' } | ({ type: 'map-half' } & MapHalf) | { type: 'error'; message: string };

/** The caller's end of a peer: a shard worker's port (shardPort.ts), seen through these messages. */
export type MapPeerPort = ShardPort<MapPeerRequest, MapPeerReply>;

/** The peer side: a handler for the worker's 'map-' messages; replies in request order. */
export function createMapPeerHandler(post: (reply: MapPeerReply, transfer: ArrayBuffer[]) => void): (m: MapPeerRequest) => Promise<void> {
  let kernel: LearnedMapKernel | undefined;
  return inOrder(async (m: MapPeerRequest): Promise<void> => {
    switch (m.type) {
      case 'map-init':
        kernel?.dispose();
        kernel = undefined;
        if (m.module !== undefined) adoptKernelModule('learnedMap', m.module);
        kernel = await createLearnedMapKernel({ rows: m.rows, cols: m.cols, data: m.x }, m.errors, m.psi, m.shape);
        post({ type: 'map-ready' }, []);
        return;
      case 'map-half': {
        if (kernel === undefined) throw new Error('learned-map peer not initialised');
        kernel.setWeights(m.w, m.b);
        const batch = kernel.batch(m.rows, 0, m.rows.length);
        kernel.forward(batch);
        const { total, observed } = kernel.loss(batch, true);
        kernel.backward(batch, 0);
        const { dw, db } = kernel.half();
        post({ type: 'map-half', dw, db, total, observed }, [dw.buffer as ArrayBuffer, db.buffer as ArrayBuffer]);
        return;
      }
      case 'map-dispose':
        kernel?.dispose();
        kernel = undefined;
        return;
    }
  }, post);
}

/** The caller's handle on a started peer. */
export interface MapPeer {
  /** Posts the half of rows `rows` at weights (w, b); resolves with its sums. */
  half(rows: Int32Array, w: Float32Array, b: Float32Array): Promise<MapHalf>;
  /** Hands the worker back to its pool when every half came back and none failed, else terminates it. */
  dispose(): void;
}

/** Starts a peer on `port` over the training prompts (copied to it once). */
export async function startMapPeer(
  port: MapPeerPort,
  x: Matrix,
  errors: ArrayLike<number>,
  psi: ArrayLike<number>,
  shape: LearnedMapKernelShape,
): Promise<MapPeer> {
  let healthy = true;
  let open = true;
  let out = 0; // halves asked for and not yet answered
  // An error before the first request is waited for (the module is awaited first) is kept for it.
  catchEarly(port);
  const dispose = (): void => {
    if (!open) return;
    open = false;
    if (healthy && out === 0 && port.release !== undefined) {
      port.postMessage({ type: 'map-dispose' });
      port.release();
    } else port.terminate();
  };
  const ask = (m: MapPeerRequest, transfer: Transferable[] = []): Promise<MapPeerReply> => {
    const reply = nextReply(port, 'learned-map peer');
    port.postMessage(m, transfer);
    return reply.catch((e: unknown) => {
      healthy = false;
      throw e;
    });
  };
  try {
    const module = await kernelModule('learnedMap');
    const copy = { x: Float32Array.from(x.data), errors: Float32Array.from(errors), psi: Float32Array.from(psi) };
    await ask({ type: 'map-init', ...copy, rows: x.rows, cols: x.cols, shape, module }, [
      copy.x.buffer,
      copy.errors.buffer,
      copy.psi.buffer,
    ]);
  } catch (e) {
    healthy = false;
    dispose();
    throw e;
  }
  return {
    async half(rows, w, b) {
      if (!open) throw new Error('this learned-map peer was disposed');
      out++;
      const r = await ask({ type: 'map-half', rows, w, b }, [rows.buffer, w.buffer, b.buffer]).finally(() => out--);
      if (r.type !== 'map-half') {
        healthy = false;
        throw new Error(`learned-map peer: unexpected reply '${r.type}'`);
      }
      return r;
    },
    dispose,
  };
}
