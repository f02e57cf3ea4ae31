import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { clusterMapGradient, clusterMapLoss, clusterMapProbs, resolveClusterMapOptions, type ClusterMapData } from './clusterMap';
import { defaultTau, initClusterMap } from './clusterMapInit';
import { clusterMapGradientTf } from './clusterMapTf';

const matrix = (rows: number, cols: number, values: number[]): Matrix => ({
  rows,
  cols,
  data: Float32Array.from(values),
});

describe('initClusterMap', () => {
  it('sets theta_k = 2 mu_k / tau and bias_k = -|mu_k|^2 / tau', () => {
    // mu_0 = (1, 0), mu_1 = (0, 2), tau = 2: rows [1, 0, -1/2] and [0, 2, -4/2].
    const map = initClusterMap(matrix(2, 2, [1, 0, 0, 2]), 2);
    expect(map.k).toBe(2);
    expect(map.dim).toBe(2);
    expect(Array.from(map.theta)).toEqual([1, 0, -0.5, 0, 2, -2]);
  });

  it('is the soft K-means assignment softmax(-|x - mu|^2 / tau), hard K-means as tau -> 0', () => {
    const rng = createRng(3);
    const centroids = matrix(
      4,
      3,
      Array.from({ length: 12 }, () => rng.normal()),
    );
    const x = matrix(
      200,
      3,
      Array.from({ length: 600 }, () => 1.5 * rng.normal()),
    );
    const soft = clusterMapProbs(x, initClusterMap(centroids, 0.7));
    const hard = clusterMapProbs(x, initClusterMap(centroids, 1e-4));
    let confident = 0;
    for (let r = 0; r < x.rows; r++) {
      const d2 = [0, 1, 2, 3].map((c) => [0, 1, 2].reduce((s, d) => s + (x.data[r * 3 + d] - centroids.data[c * 3 + d]) ** 2, 0));
      const z = d2.map((v) => Math.exp(-(v - Math.min(...d2)) / 0.7));
      const total = z.reduce((a, b) => a + b, 0);
      for (let c = 0; c < 4; c++) expect(soft[r * 4 + c]).toBeCloseTo(z[c] / total, 4);
      const nearest = d2.indexOf(Math.min(...d2));
      const row = Array.from(hard.subarray(r * 4, r * 4 + 4));
      expect(row.indexOf(Math.max(...row))).toBe(nearest);
      if (row[nearest] > 0.999) confident++;
    }
    // Only prompts within ~1e-3 of a Voronoi boundary may stay undecided at tau = 1e-4.
    expect(confident).toBeGreaterThan(195);
  });

  it('rejects a non-positive tau', () => {
    expect(() => initClusterMap(matrix(1, 1, [0]), 0)).toThrow('tau must be a positive number, got 0');
  });
});

describe('resolveClusterMapOptions', () => {
  it('merges over the defaults once, and an undefined option keeps its default', () => {
    const opts = resolveClusterMapOptions({ epochs: undefined, l2: 0, tau: undefined });
    expect(opts.epochs).toBe(100);
    expect(opts.l2).toBe(0);
    expect(opts.tau).toBeUndefined();
    expect(opts.learningRate).toBe(0.01);
  });
});

describe('defaultTau', () => {
  it('is the median nearest/second-nearest squared-distance margin over ln 10', () => {
    // Centroids 0 and 4 on a line; prompts at 1, 1.5, 3: margins (9-1)=8, (6.25-2.25)=4, (9-1)=8.
    const tau = defaultTau(matrix(3, 1, [1, 1.5, 3]), matrix(2, 1, [0, 4]));
    expect(tau).toBeCloseTo(8 / Math.LN10, 10);
  });

  it('falls back to the mean nearest squared distance with one centroid', () => {
    expect(defaultTau(matrix(2, 1, [1, 3]), matrix(1, 1, [0]))).toBeCloseTo(5, 10);
  });
});

describe('clusterMapProbs', () => {
  it('computes softmax(theta [x, 1]) by hand', () => {
    // theta rows (1, 0) and (-1, 0), x = 0.5: logits 0.5 and -0.5 -> sigmoid(1) = 0.7310585786300049.
    const probs = clusterMapProbs(matrix(1, 1, [0.5]), { k: 2, dim: 1, theta: [1, 0, -1, 0] });
    expect(probs[0]).toBeCloseTo(0.7310585786300049, 12);
    expect(probs[1]).toBeCloseTo(0.2689414213699951, 12);
  });

  it('stays finite for huge logits', () => {
    const probs = clusterMapProbs(matrix(1, 1, [1]), { k: 2, dim: 1, theta: [1e5, 0, 1e5 - 1, 0] });
    expect(probs[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(probs[0] + probs[1]).toBeCloseTo(1, 12);
  });

  it('refuses a map of the wrong width', () => {
    expect(() => clusterMapProbs(matrix(1, 2, [0, 0]), { k: 1, dim: 1, theta: [0, 0] })).toThrow(
      'prompts have 2 columns but the map expects 1',
    );
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
