import { describe, expect, it } from 'vitest';
import type { Matrix } from '../types';
import { createRng } from '../rng';
import type { ErrorProfiles } from './errorProfile';
import { kmeansGamma, knnGamma, knnNeighbours, oracleGamma, softGamma } from './gamma';

const N = NaN;
const mat = (rows: number, cols: number, values: number[]): Matrix => ({ rows, cols, data: Float32Array.from(values) });

// K = 2 clusters, M = 3 models; psi model-major [h * K + k].
const profiles: ErrorProfiles = {
  k: 2,
  m: 3,
  psi: Float64Array.from([0.75, 0.5, /* h1 */ 0.5, 0.5, /* h2 */ 0.25, 0.25]),
  counts: new Int32Array(6),
  overall: new Float64Array(3),
};

describe('kmeansGamma / softGamma / oracleGamma', () => {
  it('kmeansGamma reads Psi_{k(x)}(h) row by row', () => {
    const g = kmeansGamma(Int32Array.from([1, 0]), profiles);
    expect(Array.from(g)).toEqual([0.5, 0.5, 0.25, 0.75, 0.5, 0.25]);
    expect(() => kmeansGamma(Int32Array.from([2]), profiles)).toThrow('cluster 2 of prompt 0 is outside [0, 2)');
  });

  it('softGamma is Phi(x) . Psi(h) and equals kmeansGamma for one-hot Phi', () => {
    const oneHot = Float64Array.from([0, 1, 1, 0]);
    expect(Array.from(softGamma(oneHot, profiles))).toEqual(Array.from(kmeansGamma(Int32Array.from([1, 0]), profiles)));
    // Phi = (0.25, 0.75): h0 = 0.25*0.75 + 0.75*0.5 = 0.5625, h1 = 0.5, h2 = 0.25
    expect(Array.from(softGamma(Float64Array.from([0.25, 0.75]), profiles))).toEqual([0.5625, 0.5, 0.25]);
    expect(() => softGamma(new Float64Array(3), profiles)).toThrow('not a multiple of K = 2');
  });

  it('oracleGamma is 1 - score and keeps NaN', () => {
    const g = oracleGamma(Float64Array.from([1, 0, 0.25, N]));
    expect(Array.from(g.subarray(0, 3))).toEqual([0, 1, 0.75]);
    expect(g[3]).toBeNaN();
  });
});

describe('knnNeighbours', () => {
  // 1-D refs: r0 = 0, r1 = 2, r2 = -2, r3 = 1, r4 = 1 (a duplicate of r3).
  const refs = mat(5, 1, [0, 2, -2, 1, 1]);

  it('orders by distance, equal distances by lower ref index', () => {
    // query 1: squared distances r0 1, r1 1, r2 9, r3 0, r4 0 -> r3, r4, r0, r1, r2
    // query 0.5: r0 .25, r1 2.25, r2 6.25, r3 .25, r4 .25 -> r0, r3, r4 (three-way tie), r1, r2
    const q = mat(2, 1, [1, 0.5]);
    expect(Array.from(knnNeighbours(q, refs, 3))).toEqual([3, 4, 0, 0, 3, 4]);
    expect(Array.from(knnNeighbours(q, refs, 4))).toEqual([3, 4, 0, 1, 0, 3, 4, 1]);
    expect(Array.from(knnNeighbours(q, refs, 9))).toEqual([3, 4, 0, 1, 2, 0, 3, 4, 1, 2]);
  });

  it('is Euclidean in several dimensions (ties from different directions)', () => {
    // (0,0) to (3,4), (5,0), (0,-5) are all 5 away; (1,1) is sqrt(2) away.
    const r = mat(4, 2, [3, 4, 5, 0, 0, -5, 1, 1]);
    expect(Array.from(knnNeighbours(mat(1, 2, [0, 0]), r, 3))).toEqual([3, 0, 1]);
  });

  it('matches a brute-force sort on random data with many ties (blocks of 4 queries x 2 refs)', () => {
    const rng = createRng(11);
    for (const [nQ, nR, d, k] of [
      [7, 5, 3, 3],
      [9, 13, 5, 4],
      [4, 2, 1, 2],
      [1, 1, 2, 1],
      [10, 31, 6, 31],
    ]) {
      // small integer coordinates make exact distance ties common
      const q = mat(
        nQ,
        d,
        Array.from({ length: nQ * d }, () => rng.int(3)),
      );
      const r = mat(
        nR,
        d,
        Array.from({ length: nR * d }, () => rng.int(3)),
      );
      const got = knnNeighbours(q, r, k);
      for (let i = 0; i < nQ; i++) {
        const dist = Array.from({ length: nR }, (_, j) => {
          let s = 0;
          for (let x = 0; x < d; x++) s += (q.data[i * d + x] - r.data[j * d + x]) ** 2;
          return s;
        });
        const want = dist
          .map((_, j) => j)
          .sort((a, b) => dist[a] - dist[b] || a - b)
          .slice(0, k);
        expect(Array.from(got.subarray(i * k, i * k + k))).toEqual(want);
      }
    }
  });

  it('rejects bad k and mismatched widths', () => {
    expect(() => knnNeighbours(mat(1, 1, [0]), refs, 0)).toThrow('k must be a positive integer, got 0');
    expect(() => knnNeighbours(mat(1, 2, [0, 0]), refs, 1)).toThrow('queries have 2 columns but refs have 1');
  });

  it('handles 2,000 queries x 2,000 refs x 256 dims quickly', () => {
    const rng = createRng(5);
    const big = (rows: number): Matrix =>
      mat(
        rows,
        256,
        Array.from({ length: rows * 256 }, () => rng.normal()),
      );
    const q = big(2000);
    const r = big(2000);
    const t0 = performance.now();
    const nb = knnNeighbours(q, r, 10);
    const ms = performance.now() - t0;
    expect(nb.length).toBe(20000);
    expect(ms).toBeLessThan(4000); // a loose bound: it only catches a pathological slowdown
  });
});

describe('knnGamma', () => {
  const refs = mat(5, 1, [0, 2, -2, 1, 1]);
  // errors of M = 3 models on the 5 refs (model 2 never scored):
  //   r0 [1, .25, N], r1 [0, .5, N], r2 [1, 1, N], r3 [0, N, N], r4 [1, N, N]
  const refErrors = Float64Array.from([1, 0.25, N, 0, 0.5, N, 1, 1, N, 0, N, N, 1, N, N]);
  // model 1's mean over all scored refs: (.25 + .5 + 1) / 3 = 0.58333..
  const fallback1 = 1.75 / 3;

  it('averages the scored neighbours, falls back to the model mean, then to 0.5', () => {
    // query 1, k = 2 -> [r3, r4]: model 0 (0 + 1)/2 = .5; model 1 no score -> fallback; model 2 -> 0.5
    const g2 = knnGamma(mat(1, 1, [1]), refs, refErrors, 3, 2);
    expect(g2[0]).toBe(0.5);
    expect(g2[1]).toBeCloseTo(fallback1, 15);
    expect(g2[2]).toBe(0.5);
    // query 1, k = 3 -> [r3, r4, r0]: model 0 2/3; model 1 only r0 -> .25
    const g3 = knnGamma(mat(1, 1, [1]), refs, refErrors, 3, 3);
    expect(g3[0]).toBeCloseTo(2 / 3, 15);
    expect(g3[1]).toBe(0.25);
    // query .5, k = 2 -> [r0, r3] (tie with r4 broken by index): model 0 .5, model 1 .25
    const gt = knnGamma(mat(1, 1, [0.5]), refs, refErrors, 3, 2);
    expect(Array.from(gt.subarray(0, 2))).toEqual([0.5, 0.25]);
    // k beyond the refs uses all 5: model 0 3/5
    const gAll = knnGamma(mat(1, 1, [0.5]), refs, refErrors, 3, 10);
    expect(gAll[0]).toBeCloseTo(0.6, 15);
    expect(gAll[1]).toBeCloseTo(fallback1, 15);
  });

  it('checks the error matrix shape', () => {
    expect(() => knnGamma(mat(1, 1, [0]), refs, new Float64Array(4), 1, 1)).toThrow('refErrors has 4 values, expected 5 refs x 1 models');
  });
});
