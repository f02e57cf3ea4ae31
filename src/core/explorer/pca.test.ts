import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { pca2d } from './pca';

/** Plain-TS reference: covariance in float64 and cyclic Jacobi eigen-decomposition. */
function referencePca(points: Matrix): { coords: Float64Array; components: Float64Array[]; values: number[] } {
  const { rows: n, cols: d, data } = points;
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let c = 0; c < d; c++) mean[c] += data[r * d + c] / n;
  const a = Array.from({ length: d }, () => new Float64Array(d));
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) {
      const xi = data[r * d + i] - mean[i];
      for (let j = 0; j < d; j++) a[i][j] += (xi * (data[r * d + j] - mean[j])) / (n - 1);
    }
  }
  const v = Array.from({ length: d }, (_, i) => Float64Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p][q] ** 2;
    if (off < 1e-24) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  const components = order.slice(0, 2).map((col) => {
    const u = Float64Array.from({ length: d }, (_, k) => v[k][col]);
    let best = 0;
    for (let i = 1; i < d; i++) if (Math.abs(u[i]) > Math.abs(u[best]) + 1e-12) best = i;
    if (u[best] < 0) for (let i = 0; i < d; i++) u[i] = -u[i];
    return u;
  });
  const coords = new Float64Array(n * 2);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < 2; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (data[r * d + c] - mean[c]) * components[j][c];
      coords[r * 2 + j] = s;
    }
  }
  return { coords, components, values: order.slice(0, 2).map((i) => a[i][i]) };
}

/** n points in D dims with a clear spectrum: independent axes scaled 5, 3, 1, 0.5, ... then rotated. */
function anisotropic(n: number, d: number, seed: number): Matrix {
  const rng = createRng(seed);
  const scales = Array.from({ length: d }, (_, i) => (i === 0 ? 5 : i === 1 ? 3 : 1 / (i + 1)));
  // A random rotation-ish mixing: Householder reflection I - 2 w w^T (orthogonal).
  const w = Float64Array.from({ length: d }, () => rng.normal());
  const wn = Math.hypot(...w);
  for (let i = 0; i < d; i++) w[i] /= wn;
  const data = new Float32Array(n * d);
  for (let r = 0; r < n; r++) {
    const z = scales.map((s) => s * rng.normal() + 0.7);
    const dot = z.reduce((acc, zi, i) => acc + zi * w[i], 0);
    for (let i = 0; i < d; i++) data[r * d + i] = z[i] - 2 * dot * w[i];
  }
  return { rows: n, cols: d, data };
}

describe('pca2d', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('projects 4 hand-checkable points onto their principal axes', async () => {
    // Points (+-2, 0) and (0, +-1): mean 0, C = diag(8/3, 2/3), so axis 1 = x, axis 2 = y
    // (signs positive), coordinates are the points themselves, explained = [0.8, 0.2].
    const points: Matrix = { rows: 4, cols: 2, data: Float32Array.from([2, 0, -2, 0, 0, 1, 0, -1]) };
    const before = tf.memory().numTensors;
    const p = await pca2d(points);
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(p.coords).map((v) => Math.round(v * 1e5) / 1e5 + 0)).toEqual([2, 0, -2, 0, 0, 1, 0, -1]);
    expect(p.variance[0]).toBeCloseTo(8 / 3, 5);
    expect(p.variance[1]).toBeCloseTo(2 / 3, 5);
    expect(p.explained[0]).toBeCloseTo(0.8, 5);
    expect(p.explained[1]).toBeCloseTo(0.2, 5);
  });

  it('matches a float64 Jacobi reference on 300 x 12 points, with the same signs and no tensor leak', async () => {
    const points = anisotropic(300, 12, 7);
    const ref = referencePca(points);
    const before = tf.memory().numTensors;
    const p = await pca2d(points, { seed: 3 });
    expect(tf.memory().numTensors).toBe(before);
    for (let j = 0; j < 2; j++) {
      for (let i = 0; i < 12; i++) expect(p.components[j * 12 + i]).toBeCloseTo(ref.components[j][i], 3);
      expect(p.variance[j] / ref.values[j]).toBeCloseTo(1, 3);
    }
    let maxErr = 0;
    for (let i = 0; i < ref.coords.length; i++) maxErr = Math.max(maxErr, Math.abs(p.coords[i] - ref.coords[i]));
    expect(maxErr).toBeLessThan(1e-2);
  });

  it('does not depend on the starting seed (deterministic sign)', async () => {
    const points = anisotropic(200, 8, 11);
    const a = await pca2d(points, { seed: 1 });
    const b = await pca2d(points, { seed: 99 });
    for (let i = 0; i < a.coords.length; i++) expect(a.coords[i]).toBeCloseTo(b.coords[i], 3);
  });

  it('fits on a strided subset but projects every row', async () => {
    const points = anisotropic(500, 6, 5);
    const p = await pca2d(points, { maxFitRows: 100 });
    expect(p.coords.length).toBe(1000);
    const full = referencePca(points);
    // The subset's axes are close to the full data's (same distribution): |cos| > 0.99.
    let dot = 0;
    for (let i = 0; i < 6; i++) dot += p.components[i] * full.components[0][i];
    expect(Math.abs(dot)).toBeGreaterThan(0.99);
  });

  it('agrees on the wasm backend', async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    try {
      const points = anisotropic(300, 12, 7);
      const ref = referencePca(points);
      const before = tf.memory().numTensors;
      const p = await pca2d(points);
      expect(tf.memory().numTensors).toBe(before);
      for (let i = 0; i < 12; i++) expect(p.components[i]).toBeCloseTo(ref.components[0][i], 3);
    } finally {
      await tf.setBackend('cpu');
    }
  });

  it('handles an empty input and rejects a wrong shape', async () => {
    const empty = await pca2d({ rows: 0, cols: 3, data: new Float32Array(0) });
    expect(empty.coords.length).toBe(0);
    await expect(pca2d({ rows: 2, cols: 3, data: new Float32Array(5) })).rejects.toThrow('points hold 5 values, expected 2 x 3');
  });
});
