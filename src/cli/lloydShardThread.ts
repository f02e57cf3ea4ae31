/** A shard in a Node worker thread (k-means or the learned map's second half): the handler the browser's shard worker runs. */
import { parentPort } from 'node:worker_threads';
import { createShardHandler, type ShardRequest } from '../core/routing/shardHandler';

const port = parentPort;
if (port === null) throw new Error('lloydShardThread runs only as a worker thread');
const handle = createShardHandler((reply, transfer) => port.postMessage(reply, transfer));
port.on('message', (m: ShardRequest) => void handle(m));
