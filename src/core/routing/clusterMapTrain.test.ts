import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { clusterMapLoss, GAMMA_CLIP } from './clusterMapObjective';
import { clusterMapProbs, type ClusterMap, type ClusterMapEngine, type ClusterMapInput, type ClusterMapOptions } from './clusterMap';
import { initClusterMap } from './clusterMapInit';
import { trainClusterMap as trainOnAnyEngine } from './clusterMapTrain';

/** Both engines run the same tests: the SIMD kernel ('auto' here) and tfjs, the reference. */
const ENGINES: ClusterMapEngine[] = ['wasm-simd', 'tfjs'];

/** trainClusterMap forced onto one engine, checking that the result reports it. */
const trainerOn =
  (engine: ClusterMapEngine) =>
  async (inp: ClusterMapInput, options: ClusterMapOptions = {}) => {
    const r = await trainOnAnyEngine(inp, { ...options, engine });
    expect(r.engine).toBe(engine);
    return r;
  };

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/**
 * Toy set where K-means splits badly. Half the prompts are type A (LLM 0 right, LLM 1 wrong),
 * half type B (the reverse); both LLMs cost the same, so every routing spends the same budget.
 * The type decides only the small-variance coordinate x2 = +-0.3 (noise 0.05), while the
 * large-variance x1 ~ N(-1 for A / +1 for B, 1.5^2) barely depends on it. K-means (K = 2) splits
 * on x1 at 0: its clusters are only ~75% pure (P(x1 < 0 | A) = Phi(1/1.5) = 0.75), so hard
 * K-means routes ~75% right. A map that turns its boundary to x2 = 0 routes ~100% right.
 */
function toySet(n: number, seed: number): { x: Matrix; errors: Float64Array; type: Uint8Array } {
  const rng = createRng(seed);
  const x = new Float32Array(n * 2);
  const errors = new Float64Array(n * 2);
  const type = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = rng.next() < 0.5 ? 1 : 0;
    type[i] = b;
    x[i * 2] = (b ? 1 : -1) + 1.5 * rng.normal();
    x[i * 2 + 1] = (b ? -0.3 : 0.3) + 0.05 * rng.normal();
    errors[i * 2] = b; // LLM 0 errs on type B
    errors[i * 2 + 1] = 1 - b; // LLM 1 errs on type A
  }
  return { x: { rows: n, cols: 2, data: x }, errors, type };
}

/**
 * What Lloyd's K-means converges to on toySet, written by hand: E[x1 | x1 < 0] of the mixture is
 * -1.45 and the left cluster is 75% type A, so E[x2 | left] = 0.3 * (0.75 - 0.25) = 0.15.
 */
const CENTROIDS: Matrix = { rows: 2, cols: 2, data: Float32Array.from([-1.45, 0.15, 1.45, -0.15]) };

function nearest(x: Matrix, r: number): number {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < CENTROIDS.rows; c++) {
    const d = (x.data[r * 2] - CENTROIDS.data[c * 2]) ** 2 + (x.data[r * 2 + 1] - CENTROIDS.data[c * 2 + 1]) ** 2;
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

/** Psi model-major (H x K): per-cluster mean error of each LLM on the validation prompts. */
function errorProfile(x: Matrix, errors: Float64Array, h: number): Float64Array {
  const k = CENTROIDS.rows;
  const sums = new Float64Array(h * k);
  const counts = new Float64Array(k);
  for (let r = 0; r < x.rows; r++) {
    const c = nearest(x, r);
    counts[c]++;
    for (let m = 0; m < h; m++) sums[m * k + c] += errors[r * h + m];
  }
  return sums.map((s, i) => s / counts[i % k]);
}

/** gamma = Phi . Psi for a n x K Phi. */
function gammaOf(phi: Float64Array, psi: Float64Array, n: number, h: number, k: number): Float64Array {
  const gamma = new Float64Array(n * h);
  for (let r = 0; r < n; r++) {
    for (let m = 0; m < h; m++) {
      for (let c = 0; c < k; c++) gamma[r * h + m] += phi[r * k + c] * psi[m * k + c];
    }
  }
  return gamma;
}

/** Mean BCE of gamma against errors, and accuracy of routing each prompt to argmin gamma (equal costs). */
function score(gamma: Float64Array, errors: Float64Array, n: number, h: number): { bce: number; accuracy: number } {
  let bce = 0;
  let right = 0;
  for (let r = 0; r < n; r++) {
    let chosen = 0;
    for (let m = 0; m < h; m++) {
      const g = Math.min(Math.max(gamma[r * h + m], GAMMA_CLIP), 1 - GAMMA_CLIP);
      const e = errors[r * h + m];
      bce -= e * Math.log(g) + (1 - e) * Math.log(1 - g);
      if (gamma[r * h + m] < gamma[r * h + chosen]) chosen = m;
    }
    right += 1 - errors[r * h + chosen];
  }
  return { bce: bce / (n * h), accuracy: right / n };
}

const train = toySet(600, 1);
const val = toySet(200, 2);
const test = toySet(1000, 3);
const psi = errorProfile(val.x, val.errors, 2);
const input: ClusterMapInput = {
  trainX: train.x,
  trainErrors: train.errors,
  valX: val.x,
  valErrors: val.errors,
  psi,
  centroids: CENTROIDS,
};

function hardKMeans(set: { x: Matrix; errors: Float64Array }): { bce: number; accuracy: number } {
  const phi = new Float64Array(set.x.rows * 2);
  for (let r = 0; r < set.x.rows; r++) phi[r * 2 + nearest(set.x, r)] = 1;
  return score(gammaOf(phi, psi, set.x.rows, 2, 2), set.errors, set.x.rows, 2);
}

function learned(set: { x: Matrix; errors: Float64Array }, map: ClusterMap): { bce: number; accuracy: number } {
  return score(gammaOf(clusterMapProbs(set.x, map), psi, set.x.rows, 2, 2), set.errors, set.x.rows, 2);
}

describe.each(ENGINES)('trainClusterMap (%s) on a toy set K-means splits badly', (engine) => {
  const trainClusterMap = trainerOn(engine);
  // Hard K-means with the same centroids and Psi (checked values: val BCE ~0.60, test accuracy ~0.74).
  const hardVal = hardKMeans(val);
  const hardTest = hardKMeans(test);
  /** The map must beat hard K-means clearly on both counts; fails for a map that did not learn. */
  const beatsKMeans = (map: ClusterMap): boolean =>
    learned(val, map).bce < hardVal.bce - 0.1 && learned(test, map).accuracy > hardTest.accuracy + 0.15;

  it('gets a clearly lower validation BCE and routes better than hard K-means', async () => {
    const { map, history, stopped } = await trainClusterMap(input, { epochs: 100, batchSize: 128 });
    expect(hardTest.accuracy).toBeLessThan(0.8);
    expect(learned(test, map).accuracy).toBeGreaterThan(0.95);
    expect(beatsKMeans(map)).toBe(true);
    expect(history[history.length - 1].trainLoss).toBeLessThan(history[0].trainLoss - 0.1);
    expect(stopped).toBe('max-epochs');
  });

  it('does not pass with epochs = 0 (the soft K-means initialisation)', async () => {
    const { map, history, bestEpoch, stopped } = await trainClusterMap(input, { epochs: 0 });
    expect(beatsKMeans(map)).toBe(false);
    expect(history).toHaveLength(1);
    expect([bestEpoch, stopped]).toEqual([0, 'max-epochs']);
  });

  it('ignores missing labels (NaN) instead of learning from them', async () => {
    // Blank out ~30% of the training labels at random (masked out of the loss, not read as 0).
    const rng = createRng(9);
    const sparse = Float64Array.from(train.errors, (e) => (rng.next() < 0.3 ? NaN : e));
    const { map, history } = await trainClusterMap({ ...input, trainErrors: sparse }, { epochs: 40, batchSize: 64, learningRate: 0.03 });
    expect(history.every((e) => Number.isFinite(e.trainLoss))).toBe(true);
    expect(beatsKMeans(map)).toBe(true);
  });
});

describe.each(ENGINES)('trainClusterMap mechanics (%s)', (engine) => {
  const trainClusterMap = trainerOn(engine);
  it('is deterministic for a seed on cpu, and the seed drives the mini-batch order', async () => {
    const a = await trainClusterMap(input, { seed: 7, epochs: 4, batchSize: 64 });
    const b = await trainClusterMap(input, { seed: 7, epochs: 4, batchSize: 64 });
    const c = await trainClusterMap(input, { seed: 8, epochs: 4, batchSize: 64 });
    expect(b.map.theta).toEqual(a.map.theta);
    expect(b.history).toEqual(a.history);
    expect(c.map.theta).not.toEqual(a.map.theta);
  });

  it('starts from initClusterMap(centroids, tau) and reports epoch 0 with the plain-TS loss', async () => {
    const { map, history } = await trainClusterMap(input, { epochs: 0, tau: 0.5 });
    expect(map.theta).toEqual(initClusterMap(CENTROIDS, 0.5).theta);
    const valData = { x: val.x, errors: val.errors, psi };
    expect(history[0].valLoss).toBeCloseTo(clusterMapLoss(valData, map), 5);
  });

  it('stops early on the validation loss and restores the best epoch', async () => {
    // Validation labels with 40% of prompts swapped: the clean training labels push Phi ever
    // sharper, which helps the noisy validation loss at first and then hurts it (checked: the
    // best epoch is 4 of 9).
    const rng = createRng(5);
    const noisy = Float64Array.from(val.errors);
    for (let r = 0; r < val.x.rows; r++) {
      if (rng.next() < 0.4) [noisy[r * 2], noisy[r * 2 + 1]] = [noisy[r * 2 + 1], noisy[r * 2]];
    }
    const patience = 5;
    const { map, history, bestEpoch, stopped } = await trainClusterMap(
      { ...input, valErrors: noisy },
      { epochs: 300, batchSize: 64, patience, learningRate: 0.05 },
    );
    expect(stopped).toBe('early-stopping');
    const losses = history.map((e) => e.valLoss);
    expect(bestEpoch).toBeGreaterThan(0);
    expect(losses[bestEpoch]).toBe(Math.min(...losses));
    expect(history).toHaveLength(bestEpoch + patience + 1);
    expect(losses[losses.length - 1]).toBeGreaterThan(losses[bestEpoch] + 1e-3);
    // The returned theta is the best epoch's, not the last one's.
    const valData = { x: val.x, errors: noisy, psi };
    expect(clusterMapLoss(valData, map)).toBeCloseTo(losses[bestEpoch], 5);
  });

  it('stops as converged when the train loss stops moving', async () => {
    const { history, stopped } = await trainClusterMap(input, { epochs: 50, tolerance: 1 });
    expect(stopped).toBe('converged');
    expect(history).toHaveLength(2);
  });

  it('cancels through shouldStop, yielding to the event loop between epochs', async () => {
    // The flag is set by a timer, as a worker's cancel message would: it only fires if training
    // yields a macrotask between epochs.
    let stop = false;
    const seen: number[] = [];
    const { history, stopped, bestEpoch } = await trainClusterMap(input, {
      epochs: 50,
      batchSize: 64,
      onEpoch: (e) => {
        seen.push(e.epoch);
        if (e.epoch === 2) setTimeout(() => (stop = true), 0);
      },
      shouldStop: () => stop,
    });
    expect(stopped).toBe('cancelled');
    expect(seen).toEqual([0, 1, 2]);
    expect(history.map((e) => e.epoch)).toEqual([0, 1, 2]);
    expect(bestEpoch).toBeLessThanOrEqual(2);
  });

  it('leaks no tensors, on success, cancel and error', async () => {
    const before = tf.memory().numTensors;
    await trainClusterMap(input, { epochs: 3, batchSize: 100 });
    expect(tf.memory().numTensors).toBe(before);
    await trainClusterMap(input, { epochs: 3, shouldStop: () => true });
    expect(tf.memory().numTensors).toBe(before);
    await expect(trainClusterMap({ ...input, psi: new Float64Array(0) })).rejects.toThrow(
      'the learned map needs at least one training LLM',
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports the train loss on an evenly spaced subset beyond 8,192 training prompts', async () => {
    const big = toySet(9000, 4);
    const before = tf.memory().numTensors;
    const { history } = await trainClusterMap({ ...input, trainX: big.x, trainErrors: big.errors }, { epochs: 1, batchSize: 4096, tau: 1 });
    expect(tf.memory().numTensors).toBe(before);
    // Epoch 0 is the initial map on rows floor(i * 9000 / 8192), i < 8192.
    const rows = Array.from({ length: 8192 }, (_, i) => Math.floor((i * 9000) / 8192));
    const subset = {
      x: { rows: 8192, cols: 2, data: Float32Array.from(rows.flatMap((r) => [big.x.data[2 * r], big.x.data[2 * r + 1]])) },
      errors: Float64Array.from(rows.flatMap((r) => [big.errors[2 * r], big.errors[2 * r + 1]])),
      psi,
    };
    const init = initClusterMap(CENTROIDS, 1);
    expect(history[0].trainLoss).toBeCloseTo(clusterMapLoss(subset, init), 4);
    expect(Math.abs(history[0].trainLoss - clusterMapLoss({ ...big, psi }, init))).toBeLessThan(0.01);
  });

  it('updates only its own variables, not other trainable variables in the engine', async () => {
    const init = tf.tensor1d([1, 2, 3]);
    const other = tf.variable(init);
    init.dispose();
    await trainClusterMap(input, { epochs: 2, batchSize: 64 });
    expect(Array.from(await other.data())).toEqual([1, 2, 3]);
    other.dispose();
  });

  it('refuses inputs it cannot train on, with a clear message', async () => {
    const allMissing = new Float64Array(train.errors.length).fill(NaN);
    await expect(trainClusterMap({ ...input, trainErrors: allMissing })).rejects.toThrow(
      'no training labels: every train error is missing',
    );
    await expect(trainClusterMap({ ...input, valErrors: val.errors.subarray(1) })).rejects.toThrow(
      'valErrors has 399 values, expected 200 x 2',
    );
  });
});

describe('trainClusterMap across engines and backends', () => {
  it('gives the same history on the wasm backend as on cpu', async () => {
    const cpu = await trainOnAnyEngine(input, { epochs: 3, batchSize: 64, engine: 'tfjs' });
    await import('@tensorflow/tfjs-backend-wasm');
    expect(await tf.setBackend('wasm')).toBe(true);
    try {
      const before = tf.memory().numTensors;
      const wasm = await trainOnAnyEngine(input, { epochs: 3, batchSize: 64, engine: 'tfjs' });
      expect(tf.memory().numTensors).toBe(before);
      for (let i = 0; i < cpu.history.length; i++) {
        expect(wasm.history[i].trainLoss).toBeCloseTo(cpu.history[i].trainLoss, 3);
        expect(wasm.history[i].valLoss).toBeCloseTo(cpu.history[i].valLoss, 3);
      }
    } finally {
      await tf.setBackend('cpu');
    }
  });

  it("'auto' trains on the SIMD kernel and gives the tfjs trainer's losses and theta", async () => {
    const opts = { seed: 3, epochs: 5, batchSize: 64, learningRate: 0.03 };
    const before = tf.memory().numTensors;
    const simd = await trainOnAnyEngine(input, opts);
    expect(tf.memory().numTensors).toBe(before);
    const tfjs = await trainOnAnyEngine(input, { ...opts, engine: 'tfjs' });
    expect([simd.engine, tfjs.engine]).toEqual(['wasm-simd', 'tfjs']);
    // Same batches, same Adam: only float32 rounding (different summation orders) separates them.
    expect(simd.history).toHaveLength(6);
    expect(simd.history).toHaveLength(tfjs.history.length);
    simd.history.forEach((e, i) => {
      expect(e.trainLoss).toBeCloseTo(tfjs.history[i].trainLoss, 4);
      expect(e.valLoss).toBeCloseTo(tfjs.history[i].valLoss, 4);
    });
    expect(simd.history[5].trainLoss).toBeLessThan(simd.history[0].trainLoss - 0.05); // it did train
    expect(simd.bestEpoch).toBe(tfjs.bestEpoch);
    let worst = 0;
    simd.map.theta.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - tfjs.map.theta[i]))));
    expect(worst).toBeLessThan(1e-3);
  });

  it('refuses an unknown engine', async () => {
    await expect(trainOnAnyEngine(input, { engine: 'gpu' as ClusterMapEngine })).rejects.toThrow(
      "unknown learned-map engine 'gpu' (expected auto, wasm-simd or tfjs)",
    );
  });
});
