import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { initTf } from '../tf';
import { fakeSpawn, shardLog } from './engines/fakeShards.test-util';
import { gaussianBlobs } from './fixtures.test-util';
import { kmeans, SHARD_MIN_WORK, type KMeansIteration } from './index';
import { kmeansReference } from './reference.test-util';

// The SIMD kernels' instantiation can be made to fail, as a browser out of wasm memory would.
const kernel = vi.hoisted(() => ({ fail: false, failBounds: false }));
const OOM = 'WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory';
vi.mock('../kernels/lloydKernel', async (importOriginal) => {
  const real = await importOriginal<typeof import('../kernels/lloydKernel')>();
  return {
    ...real,
    createLloydKernel: (...args: Parameters<typeof real.createLloydKernel>) =>
      kernel.fail ? Promise.reject(new RangeError(OOM)) : real.createLloydKernel(...args),
  };
});
vi.mock('../kernels/elkanKernel', async (importOriginal) => {
  const real = await importOriginal<typeof import('../kernels/elkanKernel')>();
  return {
    ...real,
    createElkanKernel: (...args: Parameters<typeof real.createElkanKernel>) =>
      kernel.fail || kernel.failBounds ? Promise.reject(new RangeError(OOM)) : real.createElkanKernel(...args),
  };
});

/**
 * 65,536 points x 64 dims, K = 16: exactly SHARD_MIN_WORK multiply-adds a step, so 'auto' shards,
 * with Elkan's bounds (64 >= ELKAN_MIN_DIM).
 */
const K = 16;
const big = gaussianBlobs(K, SHARD_MIN_WORK / (K * 64) / K, 64, 3, 9);
const opts = { k: K, seed: 5, maxIterations: 4 };

type Run = { assignments: Int32Array; iterations: number; history: KMeansIteration[] };

/** The same steps and clusters as `want` (a clean run on the engine that took over). */
function expectSame(got: Run, want: Run): void {
  expect(got.iterations).toBe(want.iterations);
  expect(got.history.map((it) => it.iteration)).toEqual(want.history.map((it) => it.iteration));
  expect(got.history.map((it) => it.changed)).toEqual(want.history.map((it) => it.changed));
  expect(Array.from(got.assignments)).toEqual(Array.from(want.assignments));
}

describe('a failed engine falls back to the next one, with a note in the result', () => {
  it('shards that fail to start: the single kernel runs instead', async () => {
    expect(big.rows * K * 64).toBe(SHARD_MIN_WORK);
    const want = await kmeans(big, { ...opts, engine: 'wasm-simd' });
    expect(want.iterations).toBeGreaterThan(2);
    const log = shardLog();
    const r = await kmeans(big, { ...opts, spawnShard: fakeSpawn(log, 0), cores: 2 });
    expect(r.engine).toBe('wasm-simd-elkan');
    expect(r.fallbacks).toEqual([{ engine: 'wasm-simd-elkan-sharded', reason: 'k-means shard: worker crashed' }]);
    expect(log.spawned).toBe(1); // the calling thread holds the last block itself
    expect(log.terminated).toBe(1);
    expectSame(r, want);
  });

  it('a shard that dies mid-run: the run carries on from the same centroids on the single kernel', async () => {
    const want = await kmeans(big, { ...opts, engine: 'wasm-simd' });
    const log = shardLog();
    const seen: KMeansIteration[] = [];
    const r = await kmeans(big, { ...opts, spawnShard: fakeSpawn(log, 3), cores: 2, onIteration: (it) => seen.push(it) });
    expect(r.engine).toBe('wasm-simd-elkan');
    expect(r.fallbacks).toEqual([{ engine: 'wasm-simd-elkan-sharded', reason: 'k-means shard: worker crashed' }]);
    expect(seen).toEqual(r.history); // steps 1-2 on the shards, 3.. on the kernel: no step repeated
    expect(log.terminated).toBe(log.spawned);
    expectSame(r, want);
  });

  it('a kernel that cannot be instantiated: plain TS runs instead; forced, it fails with the reason', async () => {
    await initTf({ prefer: ['cpu'] });
    const before = tf.memory().numTensors;
    kernel.fail = true;
    try {
      const small = gaussianBlobs(4, 60, 8, 3, 2);
      const r = await kmeans(small, { k: 4, seed: 1 });
      expect(r.engine).toBe('ts');
      expect(r.fallbacks).toEqual([{ engine: 'wasm-simd', reason: OOM }]);
      expect(Array.from(r.assignments)).toEqual(Array.from(kmeansReference(small, { k: 4, seed: 1 }).assignments));
      // Shards and both kernels fail: four notes, then plain TS.
      const both = await kmeans(big, { ...opts, spawnShard: fakeSpawn(shardLog(), 0), cores: 4 });
      expect(both.engine).toBe('ts');
      expect(both.fallbacks.map((f) => f.engine)).toEqual(['wasm-simd-elkan-sharded', 'wasm-simd-elkan', 'wasm-simd-sharded', 'wasm-simd']);
      expectSame(both, await kmeans(big, { ...opts, engine: 'ts' }));
      await expect(kmeans(small, { k: 4, engine: 'wasm-simd' })).rejects.toThrow(
        "the 'wasm-simd' k-means engine failed: WebAssembly.instantiate(): Out of memory",
      );
    } finally {
      kernel.fail = false;
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it("a kernel with bounds that cannot get its memory: the plain kernel's shards take over", async () => {
    kernel.failBounds = true;
    try {
      const log = shardLog();
      const r = await kmeans(big, { ...opts, spawnShard: fakeSpawn(log), cores: 2 });
      expect(r.engine).toBe('wasm-simd-sharded');
      expect(r.fallbacks).toEqual([
        { engine: 'wasm-simd-elkan-sharded', reason: `k-means shard: ${OOM}` },
        { engine: 'wasm-simd-elkan', reason: OOM },
      ]);
      expect(log.terminated).toBe(log.spawned); // the failed shards are gone
      expectSame(r, await kmeans(big, { ...opts, engine: 'wasm-simd' }));
    } finally {
      kernel.failBounds = false;
    }
  });
});
