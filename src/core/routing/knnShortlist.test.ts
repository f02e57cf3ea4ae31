import { describe, expect, it } from 'vitest';
import { embedTexts, fitEmbedder } from '../embed';
import { createRng } from '../rng';
import { itShared, sharedDir, loadScores, textsOf } from '../../testing/datasets.node';
import type { Matrix } from '../types';
import { nearestCentroids as plainNearest } from '../cluster/nearest';
import { scanNeighbours } from './knn';
import { nearestCentroids, nearestNeighbours, shortlistNeighbours } from './knnShortlist';

function randomRows(rows: number, cols: number, seed: number, normalise: boolean): Matrix {
  const rng = createRng(seed);
  const data = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    let n = 0;
    for (let j = 0; j < cols; j++) {
      const v = rng.next() * 2 - 1;
      data[r * cols + j] = v;
      n += v * v;
    }
    if (normalise) for (let j = 0; j < cols; j++) data[r * cols + j] /= Math.sqrt(n);
  }
  return { rows, cols, data };
}

const rowsOf = (m: Matrix, idx: number[]): Matrix => {
  const data = new Float32Array(idx.length * m.cols);
  idx.forEach((r, i) => data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols));
  return { rows: idx.length, cols: m.cols, data };
};

describe('the k-NN shortlist', () => {
  it('finds the same neighbours in the same order as the full scan (random rows, odd widths)', () => {
    for (const [nq, nr, d, k] of [
      [37, 101, 5, 3],
      [64, 300, 256, 10],
      [129, 257, 30, 1],
    ]) {
      const q = randomRows(nq, d, nq, d > 100);
      const r = randomRows(nr, d, nr + 1, d > 100);
      const fast = shortlistNeighbours(q, r, k);
      expect(fast).not.toBeNull();
      expect(Array.from(fast!)).toEqual(Array.from(scanNeighbours(q, r, k)));
    }
  });

  it('keeps the lower reference index among exact ties (duplicated rows, a query equal to a reference)', () => {
    const base = randomRows(40, 16, 7, true);
    // Every reference twice (indices r and r + 40 hold the same row), and queries that are references.
    const refs = rowsOf(base, [...Array(40).keys(), ...Array(40).keys()]);
    const queries = rowsOf(base, [3, 3, 17, 39, 0]);
    const fast = shortlistNeighbours(queries, refs, 6)!;
    const scan = scanNeighbours(queries, refs, 6);
    expect(Array.from(fast)).toEqual(Array.from(scan));
    // The query's own row first, then its duplicate.
    expect(Array.from(fast.subarray(0, 2))).toEqual([3, 43]);
  });

  it('matches the full scan where the column blocks and query blocks end, k up to every reference but one', () => {
    for (const [nq, nr, d, k] of [
      [65, 31, 7, 30],
      [130, 33, 12, 1],
      [63, 65, 16, 64],
      [129, 97, 9, 5],
      [3, 100, 40, 99],
    ]) {
      const q = randomRows(nq, d, 3 * nq, false);
      const r = randomRows(nr, d, 5 * nr, false);
      expect(Array.from(shortlistNeighbours(q, r, k)!)).toEqual(Array.from(scanNeighbours(q, r, k)));
    }
  });

  it('breaks exact ties by index across column blocks (integer grid points, copies 32 and 64 apart)', () => {
    const rng = createRng(5);
    const grid: Matrix = { rows: 40, cols: 6, data: Float32Array.from({ length: 240 }, () => rng.int(3)) };
    const refs = rowsOf(
      grid,
      [...Array(100).keys()].map((i) => (i < 40 ? i : (i * 7) % 40)),
    );
    const queries = rowsOf(
      grid,
      [...Array(70).keys()].map((i) => (i * 11) % 40),
    );
    for (const k of [1, 7, 33, 70])
      expect(Array.from(shortlistNeighbours(queries, refs, k)!)).toEqual(Array.from(scanNeighbours(queries, refs, k)));
  });

  it('matches the full scan when one reference is far longer than the others (the per-query slack bound)', () => {
    const q = randomRows(50, 24, 31, true);
    const r = randomRows(90, 24, 32, true);
    for (let j = 0; j < 24; j++) r.data[40 * 24 + j] *= 1e4;
    for (let j = 0; j < 24; j++) r.data[41 * 24 + j] *= 1e-6;
    expect(Array.from(shortlistNeighbours(q, r, 4)!)).toEqual(Array.from(scanNeighbours(q, r, 4)));
  });

  it('leaves non-finite rows to the full scan', () => {
    const q = randomRows(4, 8, 1, false);
    q.data[5] = NaN;
    expect(shortlistNeighbours(q, randomRows(20, 8, 2, false), 3)).toBeNull();
  });

  it('is what nearestNeighbours answers past the size where it takes over', () => {
    const q = randomRows(300, 64, 11, true);
    const r = randomRows(400, 64, 12, true);
    expect(Array.from(nearestNeighbours(q, r, 10))).toEqual(Array.from(scanNeighbours(q, r, 10)));
  });

  it('gives the plain loop nearest centroid, ties to the lower index', () => {
    const points = randomRows(3000, 48, 21, true);
    const centroids = randomRows(40, 48, 22, true);
    centroids.data.copyWithin(48 * 30, 48 * 5, 48 * 6); // centroid 30 duplicates centroid 5
    const fast = nearestCentroids(points, centroids);
    expect(Array.from(fast)).toEqual(Array.from(plainNearest(points, centroids.data, 40).assignments));
    expect(fast.includes(5)).toBe(true);
    expect(fast.includes(30)).toBe(false);
  });

  itShared('routerbench_subset', 'matches the full scan on real prompt embeddings (built-in embedder)', () => {
    const dir = sharedDir('routerbench_subset');
    const texts = textsOf(dir, loadScores(dir).promptIds);
    const e = embedTexts(texts, fitEmbedder(texts));
    const idx = [...Array(e.rows).keys()];
    const q = rowsOf(e, idx.filter((i) => i % 3 === 0).slice(0, 1500));
    const r = rowsOf(e, idx.filter((i) => i % 3 !== 0).slice(0, 2500));
    expect(Array.from(shortlistNeighbours(q, r, 10)!)).toEqual(Array.from(scanNeighbours(q, r, 10)));
  });
});
