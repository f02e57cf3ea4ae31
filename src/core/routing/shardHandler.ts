/**
 * What a shard worker runs (the browser's nested worker and the CLI's worker thread): the k-means
 * Lloyd shard (cluster/engines/shard.ts) or, taken from the same pool, the learned map's second
 * half (clusterMapPeer.ts), told apart by the message's type. Imports the kernels only, not tfjs.
 */
import { createLloydShardHandler, type LloydShardReply, type LloydShardRequest } from '../cluster/engines/shard';
import { createMapPeerHandler, type MapPeerReply, type MapPeerRequest } from './clusterMapPeer';

export type ShardRequest = LloydShardRequest | MapPeerRequest;
export type ShardReply = LloydShardReply | MapPeerReply;

export function createShardHandler(post: (reply: ShardReply, transfer: ArrayBuffer[]) => void): (m: ShardRequest) => Promise<void> {
  const lloyd = createLloydShardHandler(post);
  const map = createMapPeerHandler(post);
  return (m) => (m.type.startsWith('map-') ? map(m as MapPeerRequest) : lloyd(m as LloydShardRequest));
}
