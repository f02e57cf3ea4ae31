// Worker-thread entry of a k-means shard in the Node CLI (lloydShards.ts): worker threads do not
// inherit tsx, so register it here, then load the TypeScript shard.
import { register } from 'tsx/esm/api';

register();
await import('./lloydShardThread.ts');
