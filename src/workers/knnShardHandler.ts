/**
 * The nested k-NN worker's side of knnShard.ts: the exact k nearest neighbours of the queries among
 * the references, by the same core call the training thread would make (so the same lists). Imports
 * the shortlist and its kernel only (no tfjs), so the worker starts fast.
 */
import { nearestNeighbours } from '../core/routing/knnShortlist';
import type { Matrix } from '../core/types';

export type KnnShardRequest = { queries: Matrix; refs: Matrix; k: number };
export type KnnShardReply = { type: 'rows'; rows: Int32Array } | { type: 'error'; message: string };

export function createKnnShardHandler(reply: (r: KnnShardReply, transfer: Transferable[]) => void): (m: KnnShardRequest) => void {
  return (m) => {
    try {
      const rows = nearestNeighbours(m.queries, m.refs, m.k);
      reply({ type: 'rows', rows }, [rows.buffer]);
    } catch (e) {
      reply({ type: 'error', message: e instanceof Error ? e.message : String(e) }, []);
    }
  };
}
