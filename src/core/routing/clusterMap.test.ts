import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { clusterMapProbs, resolveClusterMapOptions } from './clusterMap';
import { defaultTau, initClusterMap } from './clusterMapInit';

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
