import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { Matrix } from '../types';
import { createKnnScoreKernel, float32AtOrAbove } from './knnKernel';

function randomRows(rows: number, cols: number, seed: number): Matrix {
  const rng = createRng(seed);
  return { rows, cols, data: Float32Array.from({ length: rows * cols }, () => rng.next() * 2 - 1) };
}

/**
 * The score the kernel's lane computes, in float32 step by step: |r|^2 (a float64 sum stored in
 * float32), then each product (-2 r_j) q_j added in column order. Math.fround of a float64 sum or
 * product of two float32 values is the float32 result (double rounding is innocuous there).
 */
function laneScore(q: Matrix, qi: number, r: Matrix, ri: number): number {
  let norm = 0;
  for (let j = 0; j < r.cols; j++) norm += r.data[ri * r.cols + j] ** 2;
  let a = Math.fround(norm);
  for (let j = 0; j < r.cols; j++) a = Math.fround(a + Math.fround(q.data[qi * q.cols + j] * (-2 * r.data[ri * r.cols + j])));
  return a;
}

describe('the k-NN score kernel', () => {
  it('gives every pair the same float32 sum whatever the reference count around its column blocks', () => {
    // Column blocks of 32 references, 16 and then 4 at a time inside: counts on each side of those edges.
    for (const [nRefs, nQueries, d] of [
      [1, 3, 5],
      [3, 1, 8],
      [31, 5, 12],
      [32, 4, 7],
      [33, 7, 16],
      [47, 2, 9],
      [67, 9, 33],
      [100, 64, 20],
    ]) {
      const refs = randomRows(nRefs, d, nRefs);
      const queries = randomRows(nQueries, d, 1000 + nQueries);
      const kernel = createKnnScoreKernel(refs, 64)!;
      const scores = kernel.scores(queries, 0, nQueries);
      for (let i = 0; i < nQueries; i++)
        for (let r = 0; r < nRefs; r++) expect(scores[i * kernel.stride + r]).toBe(laneScore(queries, i, refs, r));
    }
  });

  it('lists the kk lowest scores in order, ties to the lower reference, across vectors of four', () => {
    // References 1, 6 and 9 equal (the lowest score), 3 and 12 equal (the next): one of each tie in another vector.
    const rows = [5, 0, 4, 1, 3, 2, 0, 6, 7, 0, 8, 9, 1].map((v) => [v, 0, 0]);
    const refs: Matrix = { rows: rows.length, cols: 3, data: Float32Array.from(rows.flat()) };
    const kernel = createKnnScoreKernel(refs, 4)!;
    kernel.scores({ rows: 1, cols: 3, data: Float32Array.from([0, 0, 0]) }, 0, 1);
    const top = kernel.lowest(0, 6);
    expect(Array.from(top.index)).toEqual([1, 6, 9, 3, 12, 5]);
    expect(Array.from(top.score)).toEqual([0, 0, 0, 1, 1, 4]);
    expect(Array.from(kernel.lowest(0, 13).index)).toEqual([1, 6, 9, 3, 12, 5, 4, 2, 0, 7, 8, 10, 11]);
    expect(() => kernel.lowest(1, 2)).toThrow('row 1 is not one of');
  });

  it('keeps every score not above the limit, NaN scores included, and gives their float64 distances', () => {
    const refs: Matrix = { rows: 6, cols: 2, data: Float32Array.from([1, 0, 0, 2, 3, 0, 0, 0.5, 2, 2, 0.25, 0]) };
    const kernel = createKnnScoreKernel(refs, 2)!;
    const queries: Matrix = { rows: 1, cols: 2, data: Float32Array.from([0, 0]) };
    kernel.scores(queries, 0, 1); // the scores are |r|^2: 1, 4, 9, 0.25, 8, 0.0625
    expect(Array.from(kernel.notAbove(0, 4))).toEqual([0, 1, 3, 5]);
    expect(Array.from(kernel.notAbove(0, 3.9))).toEqual([0, 3, 5]);
    expect(Array.from(kernel.notAbove(0, 3.9999999))).toEqual([0, 1, 3, 5]); // 4 is the float32 at or above the limit
    const near = kernel.notAbove(0, 8.5);
    expect(Array.from(near)).toEqual([0, 1, 3, 4, 5]);
    near[0] = 4; // the caller may rewrite the list before asking for distances
    expect(Array.from(kernel.exact(0, 2))).toEqual([8, 4]);
    expect(Array.from(kernel.notAbove(0, NaN))).toEqual([0, 1, 2, 3, 4, 5]);
    // A reference whose float32 score overflows keeps its place on the list: NaN is never ruled out.
    const huge: Matrix = { rows: 2, cols: 1, data: Float32Array.from([3e38, -1e-30]) };
    const k2 = createKnnScoreKernel(huge, 1)!;
    k2.scores({ rows: 1, cols: 1, data: Float32Array.from([3e38]) }, 0, 1);
    expect(Array.from(k2.notAbove(0, 0))).toEqual([0]);
  });

  it('rounds a limit up to the nearest float32, so no score at or below it is ruled out', () => {
    for (const x of [0, -0, 1, 1 / 3, -1 / 3, 1e-45, -1e-45, 1e-300, -1e-300, 3.4028235677973366e38, -1e39, 0.1 + 0.2])
      expect(float32AtOrAbove(x) >= x && Math.fround(float32AtOrAbove(x)) === float32AtOrAbove(x)).toBe(true);
    expect(float32AtOrAbove(1 + 2 ** -30)).toBe(1 + 2 ** -23);
    expect(float32AtOrAbove(-1 + 2 ** -30)).toBe(-1 + 2 ** -24);
    expect(float32AtOrAbove(-1 - 2 ** -30)).toBe(-1);
    expect(float32AtOrAbove(-1e39)).toBe(-3.4028234663852886e38);
    expect(float32AtOrAbove(1e-300)).toBe(2 ** -149);
    expect(float32AtOrAbove(-1e-300)).toBe(-0);
    expect(float32AtOrAbove(0.5)).toBe(0.5);
  });
});
