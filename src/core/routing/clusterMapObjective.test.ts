import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import type { ClusterMapInput } from './clusterMap';
import { clusterMapGradient, clusterMapLoss, GAMMA_CLIP, labelLoss, labelLossGradient, type ClusterMapData } from './clusterMapObjective';
import { clusterMapGradientTf } from './clusterMapTf';
import type { MapTrainer } from './clusterMapTrain';
import { createSimdMapTrainer } from './clusterMapTrainSimd';
import { createTfMapTrainer } from './clusterMapTrainTf';

const matrix = (rows: number, cols: number, values: number[]): Matrix => ({
  rows,
  cols,
  data: Float32Array.from(values),
});

describe('labelLoss and labelLossGradient (one observed label)', () => {
  it('are the BCE at the clipped gamma and its derivative, 0 where clipped', () => {
    expect(labelLoss(0.4, 1)).toBeCloseTo(-Math.log(0.4), 15);
    expect(labelLoss(0.4, 0)).toBeCloseTo(-Math.log(0.6), 15);
    expect(labelLoss(0.4, 0.25)).toBeCloseTo(-(0.25 * Math.log(0.4) + 0.75 * Math.log(0.6)), 15);
    expect(labelLoss(0, 1)).toBeCloseTo(-Math.log(GAMMA_CLIP), 9);
    expect(labelLoss(1, 0)).toBeCloseTo(-Math.log(GAMMA_CLIP), 6);
    expect(labelLossGradient(0.4, 1)).toBeCloseTo(-2.5, 12);
    expect(labelLossGradient(0.4, 0)).toBeCloseTo(1 / 0.6, 12);
    expect(labelLossGradient(GAMMA_CLIP / 2, 1)).toBe(0);
    expect(labelLossGradient(1 - GAMMA_CLIP / 2, 0)).toBe(0);
  });
});

describe('clusterMapLoss', () => {
  // One prompt, theta = 0 so Phi = (1/2, 1/2); Psi rows (0.2, 0.6), (0.9, 0.7), (0.1, 0.3)
  // give gamma = 0.4, 0.8, 0.2. Errors 1, NaN (masked), 0: mean of -log 0.4 and -log 0.8.
  const data: ClusterMapData = {
    x: matrix(1, 1, [3]),
    errors: Float64Array.from([1, NaN, 0]),
    psi: Float64Array.from([0.2, 0.6, 0.9, 0.7, 0.1, 0.3]),
  };
  const zero = { k: 2, dim: 1, theta: [0, 0, 0, 0] };

  it('is the mean BCE over observed labels', () => {
    expect(clusterMapLoss(data, zero)).toBeCloseTo((0.916290731874155 + 0.2231435513142098) / 2, 12);
  });

  it('adds l2 * sum(theta^2)', () => {
    // theta = 1 everywhere keeps both logits equal (Phi unchanged) and adds 0.1 * 4.
    const ones = { k: 2, dim: 1, theta: [1, 1, 1, 1] };
    expect(clusterMapLoss(data, ones, 0.1)).toBeCloseTo(0.5697171415941824 + 0.4, 12);
  });

  it('clips gamma to [1e-6, 1 - 1e-6]', () => {
    const sure = { x: matrix(1, 1, [0]), errors: Float64Array.from([1]), psi: Float64Array.from([0]) };
    expect(clusterMapLoss(sure, { k: 1, dim: 1, theta: [0, 0] })).toBeCloseTo(-Math.log(1e-6), 9);
  });
});

/** A random tiny problem (N=5, D=3, K=2, H=3) with a soft score and a missing label. */
function tinyProblem(): { data: ClusterMapData; theta: Float64Array } {
  const rng = createRng(11);
  const x = matrix(
    5,
    3,
    Array.from({ length: 15 }, () => rng.normal()),
  );
  const errors = Float64Array.from({ length: 15 }, () => (rng.next() < 0.5 ? 1 : 0));
  errors[4] = 0.3;
  errors[7] = NaN;
  const psi = Float64Array.from({ length: 6 }, () => 0.1 + 0.8 * rng.next());
  const theta = Float64Array.from({ length: 8 }, () => rng.normal());
  return { data: { x, errors, psi }, theta };
}

function finiteDifferences(data: ClusterMapData, theta: Float64Array, l2: number): Float64Array {
  const eps = 1e-6;
  return Float64Array.from(theta, (_, i) => {
    const plus = Float64Array.from(theta);
    const minus = Float64Array.from(theta);
    plus[i] += eps;
    minus[i] -= eps;
    const f = (t: Float64Array) => clusterMapLoss(data, { k: 2, dim: 3, theta: t }, l2);
    return (f(plus) - f(minus)) / (2 * eps);
  });
}

function relativeError(a: Float64Array, b: Float64Array): number {
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    norm = Math.max(norm, a[i] ** 2, b[i] ** 2);
  }
  return Math.sqrt(diff) / Math.sqrt(norm);
}

describe('clusterMapGradient', () => {
  it('agrees with central finite differences (float64)', () => {
    const { data, theta } = tinyProblem();
    for (const l2 of [0, 0.05]) {
      const { loss, gradient } = clusterMapGradient(data, { k: 2, dim: 3, theta }, l2);
      expect(loss).toBeCloseTo(clusterMapLoss(data, { k: 2, dim: 3, theta }, l2), 12);
      const fd = finiteDifferences(data, theta, l2);
      expect(relativeError(gradient, fd)).toBeLessThan(1e-6);
      expect(Math.max(...fd.map(Math.abs))).toBeGreaterThan(1e-3); // not a trivially zero gradient
    }
  });
});

describe.each(['cpu', 'wasm'])('clusterMapGradientTf on %s', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
  });

  it('matches the plain-TS loss and finite differences, without leaking tensors', async () => {
    const { data, theta } = tinyProblem();
    const before = tf.memory().numTensors;
    const { loss, gradient } = await clusterMapGradientTf(data, { k: 2, dim: 3, theta }, 0.05);
    expect(tf.memory().numTensors).toBe(before);
    // float32 on the device: theta itself is rounded, hence the 1e-5 tolerance.
    expect(Math.abs(loss - clusterMapLoss(data, { k: 2, dim: 3, theta }, 0.05))).toBeLessThan(1e-5);
    expect(relativeError(gradient, finiteDifferences(data, theta, 0.05))).toBeLessThan(1e-3);
  });
});

/** A random problem with fractional scores, missing labels and cells where gamma falls below the clip. */
function trainerProblem(): { input: ClusterMapInput; theta: Float32Array; k: number; h: number } {
  const rng = createRng(23);
  const [n, nVal, d, k, h] = [40, 12, 6, 3, 4];
  const points = (rows: number): Matrix =>
    matrix(
      rows,
      d,
      Array.from({ length: rows * d }, () => rng.normal()),
    );
  const labels = (rows: number) =>
    Float64Array.from({ length: rows * h }, () => {
      const u = rng.next();
      return u < 0.1 ? NaN : u < 0.5 ? 1 : u < 0.9 ? 0 : rng.next();
    });
  const psi = Float64Array.from({ length: h * k }, () => 0.05 + 0.9 * rng.next());
  psi[0] = 0; // LLM 0 never errs in clusters 0 and 1: its gamma can fall below the clip
  psi[1] = 0;
  const input = { trainX: points(n), trainErrors: labels(n), valX: points(nVal), valErrors: labels(nVal), psi, centroids: points(k) };
  const theta = Float32Array.from({ length: k * (d + 1) }, () => rng.normal() * 0.8);
  return { input, theta, k, h };
}

const TRAINERS: Array<{ name: string; backend?: string; make: (p: ReturnType<typeof trainerProblem>) => Promise<MapTrainer> }> = [
  {
    name: 'SIMD kernel',
    make: (p) => createSimdMapTrainer(p.input, { k: p.k, dim: 6, theta: p.theta }, { learningRate: 0.05, l2: 1e-3, batchSize: 16 }),
  },
  ...['cpu', 'wasm'].map((backend) => ({
    name: 'tfjs',
    backend,
    make: async (p: ReturnType<typeof trainerProblem>) => {
      await tf.setBackend(backend);
      return createTfMapTrainer(p.input, p.h, { k: p.k, dim: 6, theta: p.theta }, { learningRate: 0.05, l2: 1e-3 });
    },
  })),
];

describe.each(TRAINERS)('the $name trainer $backend follows the one objective', ({ make }) => {
  it('reports its losses and takes Adam steps exactly as clusterMapLoss / clusterMapGradient + Adam in float64', async () => {
    const p = trainerProblem();
    const before = tf.memory().numTensors;
    const trainer = await make(p);
    const { k } = p;
    const dim = 6;
    const train: ClusterMapData = { x: p.input.trainX, errors: p.input.trainErrors, psi: p.input.psi };
    const val: ClusterMapData = { x: p.input.valX, errors: p.input.valErrors, psi: p.input.psi };
    const start = await trainer.losses();
    expect(start.trainLoss).toBeCloseTo(clusterMapLoss(train, { k, dim, theta: p.theta }), 5);
    expect(start.valLoss).toBeCloseTo(clusterMapLoss(val, { k, dim, theta: p.theta }), 5);
    // Three mini-batches of a shuffled order: 16, 16, 8 prompts.
    const order = Array.from({ length: 40 }, (_, i) => (i * 7) % 40);
    const theta = Float64Array.from(p.theta);
    const m1 = new Float64Array(theta.length);
    const m2 = new Float64Array(theta.length);
    for (const [t, [s, e]] of [
      [0, 16],
      [16, 32],
      [32, 40],
    ].entries()) {
      await trainer.step(order, s, e);
      const rows = order.slice(s, e);
      const batch: ClusterMapData = {
        x: matrix(
          rows.length,
          dim,
          rows.flatMap((r) => Array.from(train.x.data.subarray(r * dim, (r + 1) * dim))),
        ),
        errors: Float64Array.from(rows.flatMap((r) => Array.from(train.errors.subarray(r * p.h, (r + 1) * p.h)))),
        psi: train.psi,
      };
      const { gradient } = clusterMapGradient(batch, { k, dim, theta }, 1e-3);
      for (let q = 0; q < theta.length; q++) {
        m1[q] = 0.9 * m1[q] + 0.1 * gradient[q];
        m2[q] = 0.999 * m2[q] + 0.001 * gradient[q] ** 2;
        theta[q] -= (0.05 * (m1[q] / (1 - 0.9 ** (t + 1)))) / (Math.sqrt(m2[q] / (1 - 0.999 ** (t + 1))) + 1e-7);
      }
    }
    const got = await trainer.theta();
    let worst = 0;
    for (let q = 0; q < theta.length; q++) worst = Math.max(worst, Math.abs(got[q] - theta[q]));
    expect(worst).toBeLessThan(1e-4);
    expect(worst).toBeLessThan(0.01 * Math.max(...theta.map((v, q) => Math.abs(v - p.theta[q])))); // it did move
    const after = await trainer.losses();
    expect(after.valLoss).toBeCloseTo(clusterMapLoss(val, { k, dim, theta }), 4);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
