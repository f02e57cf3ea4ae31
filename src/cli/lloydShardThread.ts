/** A k-means shard in a Node worker thread: the same handler the browser's shard worker runs. */
import { parentPort } from 'node:worker_threads';
import { createLloydShardHandler, type LloydShardRequest } from '../core/cluster/engines/shard';

const port = parentPort;
if (port === null) throw new Error('lloydShardThread runs only as a worker thread');
const handle = createLloydShardHandler((reply, transfer) => port.postMessage(reply, transfer));
port.on('message', (m: LloydShardRequest) => void handle(m));
