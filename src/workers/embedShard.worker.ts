/** A nested worker embedding half of a large dataset's prompts (embedShard.ts); it loads the embedder only. */
import { createEmbedShardHandler, type EmbedShardRequest } from './embedShardHandler';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<EmbedShardRequest>) => void) | null;
};
const handle = createEmbedShardHandler((reply, transfer) => scope.postMessage(reply, transfer));
scope.onmessage = (e) => handle(e.data);
