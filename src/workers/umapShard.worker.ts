/** A nested worker making the prompt map's UMAP while the training worker stays free for requests (umapShard.ts). */
import { createUmapShardHandler, type UmapShardRequest } from './umapShardHandler';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<UmapShardRequest>) => void) | null;
};
const handle = createUmapShardHandler((reply, transfer) => scope.postMessage(reply, transfer));
scope.onmessage = (e) => void handle(e.data);
