/**
 * The k-NN baseline on its own thread: the training worker hands the test and validation embeddings
 * to a nested worker (knnShard.worker.ts) and goes on with k-means and the learned map, which do not
 * need the neighbour lists; the trial awaits them at the end (core/eval/trial.ts neighboursElsewhere).
 */
import type { NeighboursElsewhere } from '../core/eval/pipeline';
import type { KnnShardReply, KnnShardRequest } from './knnShardHandler';

/** A nested worker's port (or a stand-in in tests). */
export interface KnnShardPort {
  postMessage(message: KnnShardRequest): void;
  onmessage: ((e: { data: KnnShardReply }) => void) | null;
  onerror?: ((e: { message?: string }) => void) | null;
  terminate(): void;
}
export type SpawnKnnShard = () => KnnShardPort;

/** Below this many query-reference pairs the lists are found in place (a worker's start-up would not pay). */
export const KNN_SHARD_MIN_PAIRS = 1 << 22;

/** neighboursElsewhere for the trial: one nested worker per call, terminated when it answers; undefined without workers. */
export function knnElsewhere(spawn: SpawnKnnShard | undefined, minPairs = KNN_SHARD_MIN_PAIRS): NeighboursElsewhere | undefined {
  if (!spawn) return undefined;
  return (queries, refs, k) => {
    if (queries.rows * refs.rows < minPairs) return Promise.reject(new Error('small: found in place'));
    return new Promise<Int32Array>((resolve, reject) => {
      let port: KnnShardPort;
      try {
        port = spawn();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      port.onmessage = (e) => {
        port.terminate();
        if (e.data.type === 'rows') resolve(e.data.rows);
        else reject(new Error(e.data.message));
      };
      port.onerror = (e) => {
        port.terminate();
        reject(new Error(e.message || 'the k-NN worker failed'));
      };
      // Copies, not transfers: the trial keeps using its matrices meanwhile.
      port.postMessage({ queries, refs, k });
    });
  };
}
