import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chooseKMeansEngine } from '../cluster/engine';
import { kmeans } from '../cluster/lloyd';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { buildLloydEngine } from './lloydEngine';
import { createParallelLloydEngine, type LloydShardPort } from './lloydParallel';
import { createLloydShardHandler, type LloydShardReply, type LloydShardRequest } from './lloydShard';

const m = (rows: number[][]): Matrix => ({ rows: rows.length, cols: rows[0].length, data: Float32Array.from(rows.flat()) });

/**
 * A worker stand-in on the same thread: messages cross a macrotask each way and are copied by
 * structuredClone (transferred buffers are detached on the sender, as postMessage does).
 */
function fakeSpawn(log: { spawned: number; terminated: number; rows: number[] }) {
  return (): LloydShardPort => {
    log.spawned++;
    let alive = true;
    const port: LloydShardPort = {
      onmessage: null,
      postMessage(message: LloydShardRequest, transfer: Transferable[] = []) {
        if (message.type === 'init') log.rows.push(message.rows);
        const copy = structuredClone(message, { transfer });
        setTimeout(() => void handle(copy), 0);
      },
      terminate() {
        alive = false;
        log.terminated++;
      },
    };
    const handle = createLloydShardHandler((reply: LloydShardReply, transfer) => {
      const copy = structuredClone(reply, { transfer });
      setTimeout(() => alive && port.onmessage?.({ data: copy }), 0);
    });
    return port;
  };
}

describe("Lloyd engine 'wasm-simd-x2' (rows split across shards)", () => {
  it('adds up the shards of the hand-worked 4-point step', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const log = { spawned: 0, terminated: 0, rows: [] as number[] };
    // A=(0,1) B=(1,1) | C=(4,-1) D=(5,-1), mu1=(0,1), mu2=(1,1): shard 1 holds A, B; shard 2 C, D.
    // A->1 (0), B->2 (0), C: 16+4=20 vs 9+4=13 -> 2, D: 29 vs 20 -> 2.
    // Shard 1: counts [1,1], sums (0,1 | 1,1), inertia 0; shard 2: counts [0,2], sums (0,0 | 9,-2), inertia 33.
    // Total: counts [1,3], sums (0,1 | 10,-1), inertia 33.
    const engine = await createParallelLloydEngine(
      m([
        [0, 1],
        [1, 1],
        [4, -1],
        [5, -1],
      ]),
      2,
      fakeSpawn(log),
    );
    expect(log.rows).toEqual([2, 2]);
    expect(engine.kind).toBe('wasm-simd-x2');
    const step = await engine.step(Float32Array.from([0, 1, 1, 1]));
    expect(Array.from(step.assignments)).toEqual([0, 1, 1, 1]);
    expect(Array.from(step.counts)).toEqual([1, 3]);
    expect(Array.from(step.sums)).toEqual([0, 1, 10, -1]);
    expect(step.inertia).toBe(33);
    // Second step on new centroids mu1=(0,1), mu2=(10/3,-1/3) -> 0.5-ish split: B moves to 1.
    const again = await engine.step(Float32Array.from([0, 1, 10 / 3, -1 / 3]));
    expect(Array.from(again.assignments)).toEqual([0, 0, 1, 1]);
    expect(Array.from(again.counts)).toEqual([2, 2]);
    await expect(engine.step(new Float32Array(3))).rejects.toThrow('k x dim = 2 x 2');
    engine.dispose();
    expect(log.terminated).toBe(2);
    await expect(engine.step(Float32Array.from([0, 1, 1, 1]))).rejects.toThrow('disposed');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('splits an odd row count into contiguous blocks and a 1-row problem into one shard', async () => {
    const log = { spawned: 0, terminated: 0, rows: [] as number[] };
    const one = await createParallelLloydEngine(m([[1, 2]]), 1, fakeSpawn(log));
    expect(log.rows).toEqual([1]);
    one.dispose();
    log.rows.length = 0;
    const three = await createParallelLloydEngine(m([[0], [1], [10]]), 2, fakeSpawn(log), { shards: 2 });
    expect(log.rows).toEqual([2, 1]); // round(3/2) = 2 rows, then 1
    const s = await three.step(Float32Array.from([0, 10]));
    expect(Array.from(s.assignments)).toEqual([0, 0, 1]);
    expect(s.inertia).toBe(1);
    three.dispose();
  });

  it('gives the single-kernel k-means result on 6000 random points, and auto only picks it when probed faster', async () => {
    await tf.setBackend('cpu');
    const rng = createRng(7);
    const n = 6000;
    const d = 16;
    const points: Matrix = { rows: n, cols: d, data: Float32Array.from({ length: n * d }, () => rng.normal()) };
    const before = tf.memory().numTensors;
    const log = { spawned: 0, terminated: 0, rows: [] as number[] };
    const spawnShard = fakeSpawn(log);
    const single = await kmeans(points, { k: 8, seed: 3, maxIterations: 15, tolerance: 0, engine: 'wasm-simd' });
    const split = await kmeans(points, { k: 8, seed: 3, maxIterations: 15, tolerance: 0, engine: 'wasm-simd-x2', spawnShard });
    expect(split.engine).toBe('wasm-simd-x2');
    expect(log.terminated).toBe(log.spawned);
    expect(split.iterations).toBe(single.iterations);
    expect(Array.from(split.assignments)).toEqual(Array.from(single.assignments));
    // Float32 partial sums restart at the block boundary: the totals differ only by rounding.
    expect(Math.abs(split.inertia - single.inertia) / single.inertia).toBeLessThan(1e-6);
    for (let j = 0; j < split.centroids.data.length; j++) expect(split.centroids.data[j]).toBeCloseTo(single.centroids.data[j], 5);
    // 'auto' with shards on a non-webgl backend probes both kernels and keeps the faster one.
    const chosen = await chooseKMeansEngine(points, 8, 'auto', { name: 'cpu', softwareRenderer: false }, spawnShard);
    expect(chosen.probes.map((p) => p.kind).sort()).toEqual(['wasm-simd', 'wasm-simd-x2']);
    expect(chosen.kind).toBe(chosen.probes[0].kind);
    // Without shards nothing is probed: the single kernel.
    expect(await chooseKMeansEngine(points, 8, 'auto', { name: 'cpu', softwareRenderer: false })).toEqual({
      kind: 'wasm-simd',
      probes: [],
    });
    expect(log.terminated).toBe(log.spawned);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fails clearly without a spawner, and passes a shard error on (workers terminated)', async () => {
    await expect(buildLloydEngine(m([[0]]), 1, 'wasm-simd-x2')).rejects.toThrow('needs workers');
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
    await expect(createParallelLloydEngine(m([[0], [1]]), 1, failing)).rejects.toThrow('k-means shard: no SIMD here');
    expect(terminated).toBe(2);
  });
});
