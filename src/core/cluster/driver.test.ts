import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initTf, type BackendName } from '../tf';
import type { Matrix } from '../types';
import {
  EMPTY_INIT,
  EMPTY_POINTS,
  FOUR_CENTROIDS,
  FOUR_HISTORY,
  FOUR_INIT,
  FOUR_POINTS,
  gaussianBlobs,
  toRows,
} from './fixtures.test-util';
import { fakeSpawn, shardLog } from './engines/fakeShards.test-util';
import { assignNearest, kmeans as kmeansAny, type KMeansEngineChoice, type KMeansIteration, type KMeansRunOptions } from './index';
import { kmeansReference } from './reference.test-util';

/**
 * The one driver on every engine, and tfjs on both Node backends (Lloyd in tfjs correct on every
 * backend). With the tfjs backend on wasm, 'auto' resolves to the SIMD kernel (these problems
 * are too small for shards). The sharded engine runs on same-thread fake workers.
 */
const CASES: Array<{ engine: KMeansEngineChoice; backend: BackendName; runs: string }> = [
  { engine: 'tfjs', backend: 'cpu', runs: 'tfjs' },
  { engine: 'tfjs', backend: 'wasm', runs: 'tfjs' },
  { engine: 'wasm-simd', backend: 'cpu', runs: 'wasm-simd' },
  { engine: 'wasm-simd-sharded', backend: 'cpu', runs: 'wasm-simd-sharded' },
  { engine: 'ts', backend: 'cpu', runs: 'ts' },
  { engine: 'auto', backend: 'wasm', runs: 'wasm-simd' },
];

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  expect(worst).toBeLessThanOrEqual(tol);
}

describe.each(CASES)('kmeans on engine $engine (tfjs backend $backend)', ({ engine, backend, runs }) => {
  const kmeans = async (points: Matrix, options: KMeansRunOptions) => {
    const log = shardLog();
    const r = await kmeansAny(points, { ...options, engine, spawnShard: fakeSpawn(log), cores: 2 });
    expect(r.engine).toBe(runs);
    expect(r.probes).toEqual([]);
    expect(r.fallbacks).toEqual([]);
    expect(log.terminated).toBe(log.spawned);
    return r;
  };

  it('reproduces the hand-worked 4-point fixture exactly', async () => {
    await initTf({ prefer: [backend] });
    const before = tf.memory().numTensors;
    const seen: KMeansIteration[] = [];
    const r = await kmeans(FOUR_POINTS, { k: 2, initialCentroids: FOUR_INIT, onIteration: (it) => seen.push(it) });
    expect(tf.memory().numTensors).toBe(before);
    expect(toRows(r.centroids)).toEqual(FOUR_CENTROIDS);
    expect(Array.from(r.assignments)).toEqual([0, 0, 1, 1]);
    expect(r).toMatchObject({ k: 2, dim: 2, iterations: 3, converged: true });
    expect(r.inertia).toBeCloseTo(1, 5);
    expect(seen).toEqual(r.history);
    r.history.forEach((it, i) => {
      expect(it.iteration).toBe(FOUR_HISTORY[i].iteration);
      expect(it.changed).toBe(FOUR_HISTORY[i].changed);
      expect(it.inertia).toBeCloseTo(FOUR_HISTORY[i].inertia, 4);
      expect(it.shift).toBeCloseTo(FOUR_HISTORY[i].shift, 4);
    });
    const capped = await kmeans(FOUR_POINTS, { k: 2, initialCentroids: FOUR_INIT, maxIterations: 2 });
    expect(capped).toMatchObject({ iterations: 2, converged: false });
    expect(capped.inertia).toBeCloseTo(1, 5);
    expect(Array.from(capped.assignments)).toEqual([0, 0, 1, 1]);
    expect((await kmeans(FOUR_POINTS, { k: 2, initialCentroids: FOUR_INIT, tolerance: 1 })).iterations).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps an empty cluster in place and breaks the tie to the lower index', async () => {
    await initTf({ prefer: [backend] });
    const r = await kmeans(EMPTY_POINTS, { k: 3, initialCentroids: EMPTY_INIT });
    expect(toRows(r.centroids)).toEqual([
      [0.5, 0],
      [50, 50],
      [2, 0],
    ]);
    expect(Array.from(r.assignments)).toEqual([0, 0, 2]);
    expect(r.iterations).toBe(2);
  });

  it('agrees with kmeansReference on 504 seeded Gaussian-blob points (same k-means++ init)', async () => {
    await initTf({ prefer: [backend] });
    // Overlapping blobs so that several steps move points (a test that passes after one step proves little).
    const pts = gaussianBlobs(6, 84, 8, 4, 21); // 504 points, 7-11 steps per seed
    for (const seed of [0, 1, 2]) {
      const before = tf.memory().numTensors;
      const got = await kmeans(pts, { k: 6, seed });
      expect(tf.memory().numTensors).toBe(before);
      const want = kmeansReference(pts, { k: 6, seed });
      expect(want.iterations).toBeGreaterThan(3);
      expect(got.iterations).toBe(want.iterations);
      expect(got.converged).toBe(want.converged);
      expect(Array.from(got.assignments)).toEqual(Array.from(want.assignments));
      expectClose(got.centroids.data, want.centroids.data, 1e-4);
      expect(Math.abs(got.inertia - want.inertia) / want.inertia).toBeLessThan(1e-5);
      got.history.forEach((it, i) => {
        expect(it.changed).toBe(want.history[i].changed);
        expect(Math.abs(it.inertia - want.history[i].inertia) / want.history[i].inertia).toBeLessThan(1e-5);
        if (i > 0) expect(it.inertia).toBeLessThanOrEqual(got.history[i - 1].inertia * (1 + 1e-6));
      });
    }
  });

  it('agrees with kmeansReference on blobs far from the origin (centred before the norm expansion)', async () => {
    await initTf({ prefer: [backend] });
    // Every coordinate offset by 300: |mu|^2 ~ 1.4e6, so the float32 rounding of |mu|^2 - 2 x.mu
    // exceeds the gaps between a boundary point's distances unless the points are centred first
    // (checked: the SIMD kernel on the raw points assigns 6 of these 500 points differently).
    const blobs = gaussianBlobs(5, 100, 16, 2, 31);
    const pts = { ...blobs, data: blobs.data.map((v) => v + 300) };
    const got = await kmeans(pts, { k: 5, seed: 2 });
    const want = kmeansReference(pts, { k: 5, seed: 2 });
    expect(want.iterations).toBeGreaterThan(3);
    expect(got.iterations).toBe(want.iterations);
    expect(Array.from(got.assignments)).toEqual(Array.from(want.assignments));
    expectClose(got.centroids.data, want.centroids.data, 2e-4); // float32 ulp at 300 is 3e-5
    expect(Math.abs(got.inertia - want.inertia) / want.inertia).toBeLessThan(1e-4);
  });

  it('stops when asked, and frees everything when the progress callback throws', async () => {
    await initTf({ prefer: [backend] });
    const pts = gaussianBlobs(4, 50, 3, 2, 8);
    const before = tf.memory().numTensors;
    // shouldStop after one step: unconverged, assignments match the returned centroids.
    let calls = 0;
    const stopped = await kmeans(pts, { k: 4, seed: 5, shouldStop: () => calls++ >= 1 });
    expect(stopped).toMatchObject({ iterations: 1, converged: false });
    expect(Array.from(stopped.assignments)).toEqual(Array.from(assignNearest(pts, stopped.centroids)));
    expect(tf.memory().numTensors).toBe(before);

    // A throwing progress callback propagates and still frees everything.
    await expect(
      kmeans(pts, {
        k: 4,
        onIteration: () => {
          throw new Error('boom');
        },
      }),
    ).rejects.toThrow('boom');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad k and width mismatches before touching the backend', async () => {
    await initTf({ prefer: [backend] });
    const before = tf.memory().numTensors;
    await expect(kmeans(FOUR_POINTS, { k: 0 })).rejects.toThrow('k must be an integer >= 1, got 0');
    await expect(kmeans(FOUR_POINTS, { k: 5 })).rejects.toThrow('k = 5 exceeds the number of points (4)');
    await expect(kmeans(FOUR_POINTS, { k: 2, initialCentroids: { rows: 2, cols: 3, data: new Float32Array(6) } })).rejects.toThrow(
      'initialCentroids must be k x dim = 2 x 2, got 2 x 3',
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a non-finite value, naming it (the mean pass finds it), with nothing left allocated', async () => {
    await initTf({ prefer: [backend] });
    const before = tf.memory().numTensors;
    const bad: Matrix = { ...FOUR_POINTS, data: FOUR_POINTS.data.slice() };
    bad.data[5] = Number.NaN;
    await expect(kmeans(bad, { k: 2 })).rejects.toThrow('points contain a non-finite value at row 2, column 1');
    expect(tf.memory().numTensors).toBe(before);
  });
});
