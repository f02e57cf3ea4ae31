import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTf } from '../core/tf';
import { CHECK_PROBLEM, checkBackends, checkPoints, compareRuns } from './backendCheck';

describe('compareRuns', () => {
  it('counts differing assignments and takes the largest centroid difference; NaN fails', () => {
    const want = { assignments: Int32Array.from([0, 1, 1, 0]), centroids: { rows: 2, cols: 1, data: Float32Array.from([1, 2]) } };
    // One assignment differs; |1.5 - 1| = 0.5 and |2 - 2| = 0 -> max 0.5.
    expect(
      compareRuns({ assignments: Int32Array.from([0, 1, 0, 0]), centroids: { rows: 2, cols: 1, data: Float32Array.from([1.5, 2]) } }, want),
    ).toEqual({ mismatches: 1, maxCentroidDelta: 0.5 });
    expect(
      compareRuns({ assignments: want.assignments, centroids: { rows: 2, cols: 1, data: Float32Array.from([1, Number.NaN]) } }, want)
        .maxCentroidDelta,
    ).toBe(Infinity);
    expect(
      compareRuns({ assignments: want.assignments, centroids: { rows: 1, cols: 1, data: Float32Array.from([1]) } }, want).maxCentroidDelta,
    ).toBe(Infinity);
  });
});

describe('checkPoints', () => {
  it('is a seeded, deterministic blob problem of the stated size', () => {
    const a = checkPoints();
    expect(a.rows).toBe(CHECK_PROBLEM.points);
    expect(a.cols).toBe(CHECK_PROBLEM.dim);
    expect(checkPoints().data).toEqual(a.data);
    expect(checkPoints({ ...CHECK_PROBLEM, seed: 12 }).data).not.toEqual(a.data);
  });
});

describe('checkBackends in Node (cpu and wasm; no WebGL here)', () => {
  beforeAll(async () => {
    await initTf({ prefer: ['cpu'] });
  });

  it('cpu and wasm agree with the reference, webgl is unavailable, and tfjs is back on cpu with no tensor left', async () => {
    const before = tf.memory().numTensors;
    const result = await checkBackends();
    expect(result.rows.map((r) => r.backend)).toEqual(['webgl', 'wasm', 'cpu']);
    const [webgl, wasm, cpu] = result.rows;
    expect(webgl.available).toBe(false);
    expect(webgl.ok).toBe(false);
    expect(webgl.error).toBeTruthy();
    for (const row of [wasm, cpu]) {
      expect(row.available, row.error).toBe(true);
      expect(row.ok, row.error).toBe(true);
      expect(row.mismatches).toBe(0);
      expect(row.maxCentroidDelta).toBeLessThanOrEqual(result.tolerance);
      expect(row.iterations).toBe(result.referenceIterations);
      expect(row.ms).toBeGreaterThanOrEqual(0);
    }
    expect(result.referenceIterations).toBe(12);
    expect(result.restored).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });
});
