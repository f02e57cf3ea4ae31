import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createLloydKernel, lloydLayout } from '../../kernels/lloydKernel';
import { createRng } from '../../rng';
import { initTf, type BackendName } from '../../tf';
import type { Matrix } from '../../types';
import { centrePoints } from '../centre';
import { kmeans, runLloyd, singleEngine } from '../driver';
import { kmeansReference } from '../reference.test-util';
import { buildLloydEngine } from './build';
import { fakeSpawn, shardLog } from './fakeShards.test-util';
import type { LloydEngineKind } from './types';

const m = (rows: number[][]): Matrix => ({ rows: rows.length, cols: rows[0].length, data: Float32Array.from(rows.flat()) });

/** `k` centres 40 apart on average with noise 0.5: every point is far nearer its own centre. */
function separatedBlobs(n: number, dim: number, k: number, seed: number): Matrix {
  const rng = createRng(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: dim }, () => rng.normal() * 20));
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) data[i * dim + j] = centres[i % k][j] + rng.normal() * 0.5;
  return { rows: n, cols: dim, data };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

const ENGINES: Array<{ kind: LloydEngineKind; backend: BackendName }> = [
  { kind: 'wasm-simd', backend: 'cpu' },
  { kind: 'wasm-simd-sharded', backend: 'cpu' },
  { kind: 'wasm-simd-elkan', backend: 'cpu' },
  { kind: 'wasm-simd-elkan-sharded', backend: 'cpu' },
  { kind: 'ts', backend: 'cpu' },
  { kind: 'tfjs', backend: 'cpu' },
  { kind: 'tfjs', backend: 'wasm' },
];

/** Every engine built the same way; the sharded one on fake workers, one shard per row block. */
const build = (points: Matrix, k: number, kind: LloydEngineKind) =>
  buildLloydEngine(kind, points, k, { spawnShard: fakeSpawn(shardLog()), cores: 2 });

describe.each(ENGINES)('Lloyd engine $kind (tfjs on $backend)', ({ kind, backend }) => {
  it('does one hand-worked step on the 4-point fixture', async () => {
    await initTf({ prefer: [backend] });
    const before = tf.memory().numTensors;
    // A=(0,1) B=(1,1) C=(4,-1) D=(5,-1), mu1=(0,1), mu2=(1,1):
    // A->1 (0), B->2 (0), C: 16+4=20 vs 9+4=13 -> 2, D: 25+4=29 vs 16+4=20 -> 2.
    // counts [1,3], sums mu1 (0,1), mu2 (1+4+5, 1-1-1) = (10,-1), inertia 0+0+13+20 = 33.
    const engine = await build(
      m([
        [0, 1],
        [1, 1],
        [4, -1],
        [5, -1],
      ]),
      2,
      kind,
    );
    const step = await engine.step(Float32Array.from([0, 1, 1, 1]));
    expect(Array.from(step.assignments)).toEqual([0, 1, 1, 1]);
    expect(Array.from(step.counts)).toEqual([1, 3]);
    expect(Array.from(step.sums)).toEqual([0, 1, 10, -1]);
    expect(step.inertia).toBe(33);
    // Tie: (1,0) is 1 from both (0,0) and (2,0): the lower index wins. (50,50) stays empty.
    const tie = await build(
      m([
        [0, 0],
        [1, 0],
        [2, 0],
      ]),
      3,
      kind,
    );
    const t = await tie.step(Float32Array.from([0, 0, 50, 50, 2, 0]));
    expect(Array.from(t.assignments)).toEqual([0, 0, 2]);
    expect(Array.from(t.counts)).toEqual([2, 0, 1]);
    await expect(tie.step(new Float32Array(5))).rejects.toThrow('centroids must hold k x dim = 3 x 2 values, got 5');
    engine.dispose();
    tie.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(engine.step(Float32Array.from([0, 1, 1, 1]))).rejects.toThrow('disposed');
  });

  it('matches kmeansReference on separated blobs with odd shapes (N 503, D 7, K 5; N 1201, D 64, K 13)', async () => {
    await initTf({ prefer: [backend] });
    for (const [n, dim, k, seed] of [
      [503, 7, 5, 3],
      [1201, 64, 13, 4],
    ]) {
      const pts = separatedBlobs(n, dim, k, seed);
      const before = tf.memory().numTensors;
      const got = await kmeans(pts, { k, seed, engine: kind, spawnShard: fakeSpawn(shardLog()), cores: 2 });
      expect(tf.memory().numTensors).toBe(before);
      const want = kmeansReference(pts, { k, seed });
      expect(got.engine).toBe(kind);
      expect(got.iterations).toBe(want.iterations);
      expect(got.converged).toBe(want.converged);
      expect(Array.from(got.assignments)).toEqual(Array.from(want.assignments));
      expect(maxDiff(got.centroids.data, want.centroids.data)).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(got.inertia - want.inertia) / want.inertia).toBeLessThan(1e-5);
      got.history.forEach((it, i) => expect(it.changed).toBe(want.history[i].changed));
    }
  });
});

describe('the SIMD kernel', () => {
  it('gives the plain-TS step for odd shapes: tail tiles of points, centroids and dimensions, several chunks', async () => {
    // N = 2 x 1024 + 3 (a third chunk and a 1-point tail tile), D = 37 (padded to 40), K = 16 + 4 + 3
    // (a 16-centroid group, a 4-centroid group and a padded one).
    const pts = separatedBlobs(2051, 37, 23, 9);
    const mu = pts.data.slice(0, 23 * 37);
    const simd = (await createLloydKernel(pts, 23)).step(mu);
    const plain = await (await buildLloydEngine('ts', pts, 23)).step(mu);
    expect(Array.from(simd.assignments)).toEqual(Array.from(plain.assignments));
    expect(Array.from(simd.counts)).toEqual(Array.from(plain.counts));
    expect(maxDiff(simd.sums, plain.sums)).toBeLessThan(1e-3); // float32 partial sums of ~90 points
    expect(Math.abs(simd.inertia - plain.inertia) / plain.inertia).toBeLessThan(1e-6);
    expect(lloydLayout(2051, 37, 23)).toMatchObject({ dp: 40, kp: 24 });
  });
});

describe('Lloyd loop', () => {
  it('yields a macrotask before a step when yieldEveryMs has passed, so a timer can stop it', async () => {
    const pts = separatedBlobs(400, 6, 4, 2);
    const engine = await buildLloydEngine('wasm-simd', pts, 4);
    const lloydOnEngine = (init: Float32Array, o: Parameters<typeof runLloyd>[2]) => runLloyd(singleEngine(engine), init, o);
    // Rows 0, 1, 4, 5 lie in blobs 0, 1, 0, 1 (point i is in blob i % 4): blobs 2 and 3 start
    // without a centroid, so it takes more than one step to converge.
    const init = Float32Array.from([
      ...pts.data.slice(0, 6),
      ...pts.data.slice(6, 12),
      ...pts.data.slice(24, 30),
      ...pts.data.slice(30, 36),
    ]);
    const full = await lloydOnEngine(init.slice(), { maxIterations: 50, threshold: 0 });
    expect(full.iterations).toBeGreaterThan(1);
    // The timer armed in step 1's callback fires in the yield before step 2 (yieldEveryMs 0).
    let stop = false;
    const stopped = await lloydOnEngine(init.slice(), {
      maxIterations: 50,
      threshold: 0,
      yieldEveryMs: 0,
      onIteration: (it) => {
        if (it.iteration === 1) setTimeout(() => (stop = true), 0);
      },
      shouldStop: () => stop,
    });
    expect(stopped).toMatchObject({ iterations: 1, converged: false, engine: 'wasm-simd' });
    // Without yields the same timer never gets a chance: the run goes to convergence.
    stop = false;
    const synchronous = await lloydOnEngine(init.slice(), {
      maxIterations: 50,
      threshold: 0,
      onIteration: (it) => {
        if (it.iteration === 1) setTimeout(() => (stop = true), 0);
      },
      shouldStop: () => stop,
    });
    expect(synchronous.iterations).toBe(full.iterations);
    engine.dispose();
  });

  it('centres the points and computes the shift threshold of options.ts in one pass', () => {
    // Points (0,1), (1,1), (4,-1), (5,-1): mean (2.5, 0); variances 4.25 and 1 -> threshold 2.625 t.
    const pts = m([
      [0, 1],
      [1, 1],
      [4, -1],
      [5, -1],
    ]);
    const { centred, mean, threshold } = centrePoints(pts, 0.1);
    expect(Array.from(mean)).toEqual([2.5, 0]);
    expect(Array.from(centred.data)).toEqual([-2.5, 1, -1.5, 1, 1.5, -1, 2.5, -1]);
    expect(threshold).toBeCloseTo(0.2625, 12);
  });
});
