/** A nested worker finding the k-NN baseline's neighbour lists while the training worker clusters (knnShard.ts). */
import { createKnnShardHandler, type KnnShardRequest } from './knnShardHandler';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<KnnShardRequest>) => void) | null;
};
const handle = createKnnShardHandler((reply, transfer) => scope.postMessage(reply, transfer));
scope.onmessage = (e) => handle(e.data);
