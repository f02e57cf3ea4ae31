import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { kmeans } from '../core/cluster';
import { createRng } from '../core/rng';
import { nodeShardHost } from './lloydShards';

describe('k-means shards on Node worker threads', () => {
  it('give the single kernel result, one shard per 1024-row block up to the cores given', async () => {
    const host = nodeShardHost();
    expect(host.cores).toBe(availableParallelism());
    const rng = createRng(4);
    const points = { rows: 3000, cols: 8, data: Float32Array.from({ length: 24000 }, () => rng.normal()) };
    const opts = { k: 5, seed: 1, maxIterations: 10, tolerance: 0 };
    const single = await kmeans(points, { ...opts, engine: 'wasm-simd' });
    let spawned = 0;
    const split = await kmeans(points, {
      ...opts,
      engine: 'wasm-simd-sharded',
      cores: 2,
      spawnShard: () => {
        spawned++;
        return host.spawnShard();
      },
    });
    expect(spawned).toBe(1); // the calling thread holds the last block
    expect(split.engine).toBe('wasm-simd-sharded');
    expect(split.fallbacks).toEqual([]);
    expect(Array.from(split.assignments)).toEqual(Array.from(single.assignments));
    expect(split.iterations).toBe(single.iterations);
    expect(Math.abs(split.inertia - single.inertia) / single.inertia).toBeLessThan(1e-12);
  }, 30_000);
});
