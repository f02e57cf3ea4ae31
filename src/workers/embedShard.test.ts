import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../core/demo';
import { datasetEmbeddings } from '../core/eval/pipeline';
import { SHARD_MIN_PROMPTS, embedDataset, startEmbedShard, type EmbedShardPort } from './embedShard';
import { createEmbedShardHandler, type EmbedShardReply, type EmbedShardRequest } from './embedShardHandler';
import { localPort } from './localPort.test-util';

const localShard = () => localPort<EmbedShardRequest, EmbedShardReply>(createEmbedShardHandler);
/** The types of the requests a shard was sent. */
const sent = (shard: ReturnType<typeof localShard>): string[] => shard.requests.map((r) => r.type);

describe('a shard started when the data is parsed', () => {
  it('is used by the embedding (no second shard), and gives exactly the one-thread embeddings', async () => {
    const d = generateDemoDataset({ prompts: SHARD_MIN_PROMPTS + 7 });
    const shard = localShard();
    const started = startEmbedShard(d, () => shard);
    expect(started).not.toBeNull();
    expect(sent(shard)).toEqual(['df']);
    const two = await embedDataset(
      d,
      () => {
        throw new Error('a second shard was spawned');
      },
      () => {},
      started,
    );
    expect(sent(shard)).toEqual(['df', 'embed']);
    expect(Buffer.from(two.embeddings.data.buffer).equals(Buffer.from(datasetEmbeddings(d).embeddings.data.buffer))).toBe(true);
  });

  it('is not started for a small dataset or without workers, and a shard of other data is dropped', async () => {
    expect(startEmbedShard(generateDemoDataset({ prompts: 100 }), () => localShard())).toBeNull();
    const big = generateDemoDataset({ prompts: SHARD_MIN_PROMPTS });
    expect(startEmbedShard(big, undefined)).toBeNull();
    const stale = localShard();
    const other = startEmbedShard(generateDemoDataset({ prompts: SHARD_MIN_PROMPTS, seed: 9 }), () => stale);
    const fresh = localShard();
    const e = await embedDataset(
      big,
      () => fresh,
      () => {},
      other,
    );
    expect(stale.terminated).toBe(1);
    expect(sent(fresh)).toEqual(['df', 'embed']);
    expect(e.embeddings.rows).toBe(big.prompts.length);
  });
});

describe('the embedder on two threads', () => {
  it('gives exactly the one-thread embeddings and settings', async () => {
    const d = generateDemoDataset({ prompts: SHARD_MIN_PROMPTS + 501 });
    const shard = localShard();
    const fractions: number[] = [];
    const two = await embedDataset(
      d,
      () => shard,
      (f) => fractions.push(f),
    );
    const one = datasetEmbeddings(d);
    expect(sent(shard)).toEqual(['df', 'embed']);
    expect(two.settings).toEqual(one.settings);
    expect(two.embeddings.rows).toBe(d.prompts.length);
    expect(Buffer.from(two.embeddings.data.buffer).equals(Buffer.from(one.embeddings.data.buffer))).toBe(true);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('falls back to one thread when the shard fails, and keeps small datasets on one', async () => {
    const d = generateDemoDataset({ prompts: SHARD_MIN_PROMPTS + 1 });
    const broken: EmbedShardPort = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => broken.onerror?.({ message: 'no nested workers' }), 0);
      },
      terminate() {},
    };
    const got = await embedDataset(
      d,
      () => broken,
      () => {},
    );
    expect(Array.from(got.embeddings.data.subarray(0, 512))).toEqual(Array.from(datasetEmbeddings(d).embeddings.data.subarray(0, 512)));
    let spawned = 0;
    await embedDataset(
      generateDemoDataset({ prompts: 200 }),
      () => (spawned++, localShard()),
      () => {},
    );
    expect(spawned).toBe(0);
  });
});
