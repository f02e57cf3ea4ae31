import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { LLOYD_CHUNK_ROWS } from '../../kernels/lloydKernel';
import { createRng } from '../../rng';
import type { Matrix } from '../../types';
import { kmeans } from '../driver';
import { buildLloydEngine } from './build';
import { fakeSpawn, shardLog } from './fakeShards.test-util';
import { shardPool } from './pool';
import { createLloydShardHandler, type LloydShardReply } from './shard';
import { createShardedLloydEngine, shardBounds, type LloydShardPort } from './sharded';

const m = (rows: number[][]): Matrix => ({ rows: rows.length, cols: rows[0].length, data: Float32Array.from(rows.flat()) });

describe('shardBounds', () => {
  it('splits rows into contiguous blocks at multiples of the alignment, never an empty one', () => {
    expect(shardBounds(4, 2, 1)).toEqual([0, 2, 4]);
    expect(shardBounds(3, 2, 1)).toEqual([0, 2, 3]);
    expect(shardBounds(1, 4, 1)).toEqual([0, 1]);
    expect(shardBounds(5000, 2, 1024)).toEqual([0, 3072, 5000]);
    expect(shardBounds(5000, 4, 1024)).toEqual([0, 2048, 4096, 5000]); // 3 shards: a 4th would be empty
    expect(shardBounds(900, 8, 1024)).toEqual([0, 900]);
  });
});

describe("Lloyd engine 'wasm-simd-sharded' (rows split across shards)", () => {
  it('adds up the shards of the hand-worked 4-point step', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const log = shardLog();
    // A=(0,1) B=(1,1) | C=(4,-1) D=(5,-1), mu1=(0,1), mu2=(1,1): shard 1 (a worker) holds A, B;
    // shard 2 (this thread) C, D.
    // A->1 (0), B->2 (0), C: 16+4=20 vs 9+4=13 -> 2, D: 29 vs 20 -> 2.
    // Shard 1: counts [1,1], sums (0,1 | 1,1), inertia 0; shard 2: counts [0,2], sums (0,0 | 9,-2), inertia 33.
    // Total: counts [1,3], sums (0,1 | 10,-1), inertia 33.
    const points = m([
      [0, 1],
      [1, 1],
      [4, -1],
      [5, -1],
    ]);
    const engine = await createShardedLloydEngine(points, 2, fakeSpawn(log), { shards: 2, alignRows: 1 });
    expect(log.rows).toEqual([2]); // the worker's block; the calling thread holds the last
    expect(engine.kind).toBe('wasm-simd-sharded');
    const step = await engine.step(Float32Array.from([0, 1, 1, 1]));
    expect(Array.from(step.assignments)).toEqual([0, 1, 1, 1]);
    expect(Array.from(step.counts)).toEqual([1, 3]);
    expect(Array.from(step.sums)).toEqual([0, 1, 10, -1]);
    expect(step.inertia).toBe(33);
    // Second step on new centroids mu1=(0,1), mu2=(10/3,-1/3): B moves to 1.
    const again = await engine.step(Float32Array.from([0, 1, 10 / 3, -1 / 3]));
    expect(Array.from(again.assignments)).toEqual([0, 0, 1, 1]);
    expect(Array.from(again.counts)).toEqual([2, 2]);
    await expect(engine.step(new Float32Array(3))).rejects.toThrow('k x dim = 2 x 2');
    engine.dispose();
    expect(log.terminated).toBe(1);
    await expect(engine.step(Float32Array.from([0, 1, 1, 1]))).rejects.toThrow('disposed');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes its shard count from the host cores, capped by the rows (the last block on the calling thread)', async () => {
    const rng = createRng(1);
    const points: Matrix = { rows: 5000, cols: 4, data: Float32Array.from({ length: 20000 }, () => rng.normal()) };
    for (const [cores, rows] of [
      [2, [3072]], // this thread: the last 1928
      [3, [2048, 2048]], // this thread: the last 904
      [16, [1024, 1024, 1024, 1024]], // this thread: the last 904
    ] as const) {
      const log = shardLog();
      const engine = await buildLloydEngine('wasm-simd-sharded', points, 3, { spawnShard: fakeSpawn(log), cores });
      expect(log.rows).toEqual(rows);
      engine.dispose();
    }
    expect(LLOYD_CHUNK_ROWS).toBe(1024);
  });

  it('gives the single-kernel k-means result on 6000 random points', async () => {
    await tf.setBackend('cpu');
    const rng = createRng(7);
    const n = 6000;
    const d = 16;
    const points: Matrix = { rows: n, cols: d, data: Float32Array.from({ length: n * d }, () => rng.normal()) };
    const log = shardLog();
    const opts = { k: 8, seed: 3, maxIterations: 15, tolerance: 0 };
    const single = await kmeans(points, { ...opts, engine: 'wasm-simd' });
    const split = await kmeans(points, { ...opts, engine: 'wasm-simd-sharded', spawnShard: fakeSpawn(log), cores: 2 });
    expect(split.engine).toBe('wasm-simd-sharded');
    expect(log.rows).toEqual([3072]); // this thread holds the last 2928
    // The worker got its block raw and summed it: the centring was worked out from the blocks' sums.
    expect(log.staged).toBe(1);
    expect(log.requests.centre).toBe(1);
    expect(log.terminated).toBe(log.spawned);
    expect(split.iterations).toBe(single.iterations);
    expect(Array.from(split.assignments)).toEqual(Array.from(single.assignments));
    // Blocks start at chunk boundaries: the same float32 partial sums, added in another float64 order.
    expect(Math.abs(split.inertia - single.inertia) / single.inertia).toBeLessThan(1e-12);
    for (let j = 0; j < split.centroids.data.length; j++)
      expect(Math.abs(split.centroids.data[j] - single.centroids.data[j])).toBeLessThan(1e-6);
  });

  it("with Elkan's bounds in every shard: the single bounded kernel's steps, their distance counts added up", async () => {
    const rng = createRng(8);
    const n = 3000;
    const d = 32;
    const centres = Array.from({ length: 6 * d }, () => rng.normal());
    const points: Matrix = {
      rows: n,
      cols: d,
      data: Float32Array.from({ length: n * d }, (_, i) => centres[(Math.floor(i / d) % 6) * d + (i % d)] + rng.normal()),
    };
    const log = shardLog();
    const split = await buildLloydEngine('wasm-simd-elkan-sharded', points, 6, { spawnShard: fakeSpawn(log), cores: 3 });
    const single = await buildLloydEngine('wasm-simd-elkan', points, 6);
    expect(split.kind).toBe('wasm-simd-elkan-sharded');
    expect(log.rows).toEqual([1024, 1024]); // this thread holds the last 952
    let mu = points.data.slice(0, 6 * d);
    const counted: number[] = [];
    for (let t = 0; t < 12; t++) {
      const a = await split.step(mu);
      const b = await single.step(mu);
      expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
      expect(Array.from(a.counts)).toEqual(Array.from(b.counts));
      expect(Math.abs(a.inertia - b.inertia) / b.inertia).toBeLessThan(1e-9);
      counted.push(a.distances ?? NaN);
      mu = Float32Array.from(mu, (v, j) => {
        const c = Math.floor(j / d);
        return b.counts[c] > 0 ? b.sums[j] / b.counts[c] : v;
      });
    }
    expect(counted[0]).toBe(n * 6);
    expect(counted[11]).toBeLessThan(n * 6); // each shard's bounds skipped distances, and the counts add up
    split.dispose();
    single.dispose();
    expect(log.terminated).toBe(2);
  });

  it('fails clearly without a spawner, and passes a shard error on (workers terminated)', async () => {
    await expect(buildLloydEngine('wasm-simd-sharded', m([[0]]), 1)).rejects.toThrow('needs workers');
    let terminated = 0;
    // A shard that cannot build its kernel answers 'error': the build rejects and every shard stops.
    const failing = (): LloydShardPort => {
      const port: LloydShardPort = {
        onmessage: null,
        postMessage: () => setTimeout(() => port.onmessage?.({ data: { type: 'error', message: 'no SIMD here' } }), 0),
        terminate: () => void terminated++,
      };
      return port;
    };
    await expect(createShardedLloydEngine(m([[0], [1]]), 1, failing, { shards: 2, alignRows: 1 })).rejects.toThrow(
      'k-means shard: no SIMD here',
    );
    expect(terminated).toBe(1);
  });
});

describe('a shard hands its block back for the next copy', () => {
  it("with 'ready', or with 'sums' when the centring is staged; the calling thread's block never", async () => {
    const replies: LloydShardReply[] = [];
    const handle = createLloydShardHandler((reply) => replies.push(reply));
    const points = Float32Array.from({ length: 2048 * 2 }, (_, i) => (i % 7) - 3);
    await handle({ type: 'init', points, rows: 2048, cols: 2, k: 2, handBack: true });
    expect(replies[0].type).toBe('ready');
    expect(replies[0].type === 'ready' && replies[0].points).toBe(points);
    const staged = Float32Array.from(points);
    const init = handle({ type: 'init', points: staged, rows: 2048, cols: 2, k: 2, stage: true, handBack: true });
    await vi.waitFor(() => expect(replies).toHaveLength(2)); // the sums, before any mean
    expect(replies[1].type).toBe('sums');
    expect(replies[1].type === 'sums' && replies[1].points).toBe(staged);
    await handle({ type: 'centre', mean: new Float64Array(2) });
    await init;
    expect(replies[2]).toEqual({ type: 'ready', points: undefined });
    // An engine over a pool: the caller's points are read in place by this thread's shard, never handed on.
    const rng = createRng(2);
    const data = Float32Array.from({ length: 5000 * 4 }, () => rng.normal());
    const copy = Float32Array.from(data);
    const log = shardLog();
    const pool = shardPool(fakeSpawn(log), 1);
    for (let run = 0; run < 2; run++)
      await kmeans({ rows: 5000, cols: 4, data }, { k: 3, seed: 1, engine: 'wasm-simd-sharded', cores: 2, spawnShard: pool });
    expect(data.length).toBe(copy.length);
    expect(Array.from(data)).toEqual(Array.from(copy));
    expect(log.spawned).toBe(1);
  });
});

describe('a shard disposed while its staged start waits for the centring', () => {
  it('ends that start with an error and goes on with the next request', async () => {
    const replies: LloydShardReply[] = [];
    const handle = createLloydShardHandler((reply) => replies.push(reply));
    const points = Float32Array.from({ length: 1024 * 2 }, (_, i) => i % 5);
    const staged = handle({ type: 'init', points, rows: 1024, cols: 2, k: 2, stage: true });
    await vi.waitFor(() => expect(replies).toHaveLength(1));
    expect(replies[0].type).toBe('sums');
    await handle({ type: 'dispose' });
    await staged;
    expect(replies[1]).toEqual({ type: 'error', message: 'the shard was disposed before its centring arrived' });
    await handle({ type: 'init', points: Float32Array.from(points), rows: 1024, cols: 2, k: 2 });
    expect(replies[2]).toEqual({ type: 'ready', points: undefined });
  });
});
