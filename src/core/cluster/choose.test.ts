import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { embedTexts, fitEmbedder } from '../embed';
import { SAMPLE_DIR, itShared, readPrompts, sharedDir } from '../../testing/datasets.node';
import { initTf } from '../tf';
import type { Matrix } from '../types';
import { fakeSpawn, shardLog } from './engines/fakeShards.test-util';
import { gaussianBlobs } from './fixtures.test-util';
import { autoOrder, ELKAN_MIN_DIM, kmeans, planKMeansEngines, SHARD_MIN_WORK, type KMeansEngineChoice } from './index';
import { kmeansReference } from './reference.test-util';

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('the one engine policy (autoOrder, planKMeansEngines)', () => {
  const pts = gaussianBlobs(4, 100, 16, 2, 3);
  const spawnShard = fakeSpawn(shardLog());
  const big = { n: SHARD_MIN_WORK / (32 * 256), dim: 256, k: 32 };
  const small = { n: 400, dim: 16, k: 4 };

  it('orders the kernel with bounds (sharded, single), the plain kernel (sharded, single), tfjs where it beats plain TS, then TS', async () => {
    await initTf({ prefer: ['cpu'] });
    const cpu = { name: 'cpu', softwareRenderer: false };
    expect(autoOrder(big, { tfBackend: cpu, spawnShard, cores: 2 })).toEqual({
      order: ['wasm-simd-elkan-sharded', 'wasm-simd-elkan', 'wasm-simd-sharded', 'wasm-simd', 'ts'],
      gpu: false,
    });
    // Shards need a spawner, two cores and a step of at least SHARD_MIN_WORK multiply-adds.
    const single = ['wasm-simd-elkan', 'wasm-simd', 'ts'];
    expect(autoOrder(big, { tfBackend: cpu, cores: 8 }).order).toEqual(single);
    expect(autoOrder(big, { tfBackend: cpu, spawnShard, cores: 1 }).order).toEqual(single);
    expect(autoOrder({ ...big, n: big.n - 1 }, { tfBackend: cpu, spawnShard, cores: 2 }).order).toEqual(single);
    // Bounds from ELKAN_MIN_DIM dimensions.
    expect(autoOrder({ n: 1000, dim: ELKAN_MIN_DIM, k: 8 }, { tfBackend: cpu }).order).toEqual(single);
    expect(autoOrder({ n: 1000, dim: ELKAN_MIN_DIM - 1, k: 8 }, { tfBackend: cpu }).order).toEqual(['wasm-simd', 'ts']);
    // tfjs only on a GPU (then probed); a software WebGL renderer or tfjs wasm/cpu stay out.
    expect(autoOrder(small, { tfBackend: { name: 'webgl', softwareRenderer: false } })).toEqual({
      order: ['wasm-simd', 'tfjs', 'ts'],
      gpu: true,
    });
    expect(autoOrder(small, { tfBackend: { name: 'webgl', softwareRenderer: true } }).order).toEqual(['wasm-simd', 'ts']);
    expect(autoOrder(small, { tfBackend: { name: 'wasm', softwareRenderer: false } }).order).toEqual(['wasm-simd', 'ts']);
    expect(autoOrder(small).order).toEqual(['wasm-simd', 'ts']); // reads tf.getBackend(): cpu
  });

  it('runs a forced engine alone, without probing, and refuses an unknown one', async () => {
    for (const kind of ['wasm-simd-elkan', 'wasm-simd-elkan-sharded', 'wasm-simd', 'wasm-simd-sharded', 'tfjs', 'ts'] as const)
      expect(await planKMeansEngines(pts, 4, kind)).toEqual({ order: [kind], probes: [] });
    await expect(planKMeansEngines(pts, 4, 'gpu' as KMeansEngineChoice)).rejects.toThrow(
      "unknown k-means engine 'gpu' (expected one of auto, wasm-simd-elkan, wasm-simd, tfjs, ts, wasm-simd-elkan-sharded, wasm-simd-sharded)",
    );
    await expect(kmeans(pts, { k: 4, engine: 'gpu' as KMeansEngineChoice })).rejects.toThrow("unknown k-means engine 'gpu'");
  });

  it('times the kernel against tfjs only on a GPU, and puts the faster first', async () => {
    await initTf({ prefer: ['cpu'] });
    const before = tf.memory().numTensors;
    expect(await planKMeansEngines(pts, 4, 'auto', { tfBackend: { name: 'wasm', softwareRenderer: false } })).toEqual({
      order: ['wasm-simd', 'ts'],
      probes: [],
    });
    // tfjs runs on cpu here, standing in for webgl: both are timed.
    const gpu = await planKMeansEngines(pts, 4, 'auto', { tfBackend: { name: 'webgl', softwareRenderer: false } });
    expect(gpu.probes.map((p) => p.kind).sort()).toEqual(['tfjs', 'wasm-simd']);
    for (const p of gpu.probes) expect(p.ms).toBeGreaterThanOrEqual(0);
    expect(gpu.probes[0].ms).toBeLessThanOrEqual(gpu.probes[1].ms ?? Infinity);
    expect(gpu.order[0]).toBe(gpu.probes[0].kind);
    expect([...gpu.order].sort()).toEqual(['tfjs', 'ts', 'wasm-simd']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('kmeans reports the probe and the engine that won, with the same result as the reference', async () => {
    await initTf({ prefer: ['cpu'] });
    const r = await kmeans(pts, { k: 4, seed: 1, tfBackend: { name: 'webgl', softwareRenderer: false } });
    expect(r.probes).toHaveLength(2);
    expect(r.engine).toBe(r.probes[0].kind);
    expect(r.fallbacks).toEqual([]);
    const want = kmeansReference(pts, { k: 4, seed: 1 });
    expect(Array.from(r.assignments)).toEqual(Array.from(want.assignments));
    expect(r.iterations).toBe(want.iterations);
  });

  it('yields to the event loop while the SIMD kernel runs, so a timer can cancel it', async () => {
    // 30,000 x 64 overlapping points, K = 64: 5-20 ms a step here and 27 steps to converge from
    // this seed (checked). A timer due in 30 ms fires only when kmeans yields a macrotask (after
    // 50 ms of work); without the yields the run would end first and `stop` would still be false.
    const big = gaussianBlobs(64, 470, 64, 6, 5);
    let stop = false;
    const timer = setTimeout(() => (stop = true), 30);
    const r = await kmeans(big, { k: 64, seed: 0, maxIterations: 500, tolerance: 0, shouldStop: () => stop });
    clearTimeout(timer);
    expect(r.engine).toBe('wasm-simd-elkan');
    expect(stop).toBe(true);
    expect(r.converged).toBe(false);
    expect(r.iterations).toBeLessThan(500);
  });
});

/** The first `n` prompts of a dataset folder, embedded with the built-in embedder (256-d). */
function realEmbeddings(dir: string, n: number): Matrix {
  const texts = readPrompts(dir)
    .slice(0, n)
    .map((r) => r.text);
  return embedTexts(texts, fitEmbedder(texts));
}

/** Every engine gives the float64 reference's clusters on `n` real prompts. */
async function referenceOnEveryEngine(dir: string, n: number): Promise<void> {
  await initTf({ prefer: ['wasm'] });
  const x = realEmbeddings(dir, n);
  expect([x.rows, x.cols]).toEqual([n, 256]);
  const want = kmeansReference(x, { k: 12, seed: 4 });
  expect(want.iterations).toBeGreaterThan(5);
  for (const engine of ['auto', 'wasm-simd-elkan', 'wasm-simd-elkan-sharded', 'wasm-simd', 'wasm-simd-sharded', 'tfjs', 'ts'] as const) {
    const before = tf.memory().numTensors;
    const got = await kmeans(x, { k: 12, seed: 4, engine, spawnShard: fakeSpawn(shardLog()), cores: 2 });
    expect(tf.memory().numTensors).toBe(before);
    expect(got.engine).toBe(engine === 'auto' ? 'wasm-simd-elkan' : engine);
    expect(got.iterations).toBe(want.iterations);
    expect(got.converged).toBe(want.converged);
    expect(Array.from(got.assignments)).toEqual(Array.from(want.assignments));
    expect(maxDiff(got.centroids.data, want.centroids.data)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(got.inertia - want.inertia) / want.inertia).toBeLessThan(1e-5);
    got.history.forEach((it, i) => expect(it.changed).toBe(want.history[i].changed));
  }
}

describe('k-means on real prompt embeddings (LLMRouter)', () => {
  const title = 'gives the reference result on every engine (D = 256, K = 12)';
  it(`${title}: the in-repo sample, 1,200 prompts`, () => referenceOnEveryEngine(SAMPLE_DIR, 1200));
  itShared('llmrouter_nim9', `${title}: 2,000 prompts`, () => referenceOnEveryEngine(sharedDir('llmrouter_nim9'), 2000));
});
