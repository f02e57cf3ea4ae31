/**
 * The k-NN baseline on its own thread: the training worker hands the test and validation embeddings
 * to a nested worker (knnShard.worker.ts) and goes on with k-means and the learned map, which do not
 * need the neighbour lists; the trial awaits them at the end (core/eval/trial.ts neighboursElsewhere).
 */
import type { NeighboursElsewhere } from '../core/eval/pipeline';
import type { KnnShardReply, KnnShardRequest } from './knnShardHandler';
import { ask, type NestedPort } from './nested';

/** The nested k-NN worker's port (or a stand-in in tests). */
export type KnnShardPort = NestedPort<KnnShardRequest, KnnShardReply>;
export type SpawnKnnShard = () => KnnShardPort;

/** Below this many query-reference pairs the lists are found in place (a worker's start-up would not pay). */
export const KNN_SHARD_MIN_PAIRS = 1 << 22;

/** neighboursElsewhere for the trial: one nested worker per call, terminated when it answers; undefined without workers. */
export function knnElsewhere(spawn: SpawnKnnShard | undefined, minPairs = KNN_SHARD_MIN_PAIRS): NeighboursElsewhere | undefined {
  if (!spawn) return undefined;
  return (queries, refs, k) => {
    if (queries.rows * refs.rows < minPairs) return Promise.reject(new Error('small: found in place'));
    let port: KnnShardPort;
    try {
      port = spawn();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    // Copies, not transfers: the trial keeps using its matrices meanwhile.
    const request: KnnShardRequest = { queries, refs, k };
    return ask(port, request, 'rows', 'the k-NN worker')
      .then((r) => r.rows)
      .finally(() => port.terminate());
  };
}
