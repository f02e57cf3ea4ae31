import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { exactKnn } from './knn';
import { rpForestKnn } from './rpForest';

/** Points around `centres` well-separated centres in `dim` dimensions (seeded). */
function blobs(n: number, centres: number, dim: number, seed: number) {
  const rng = createRng(seed);
  const c = Array.from({ length: centres }, () => Array.from({ length: dim }, () => rng.normal() * 5));
  const label = Int32Array.from({ length: n }, (_, i) => i % centres);
  const data = Float32Array.from({ length: n * dim }, (_, j) => c[label[Math.floor(j / dim)]][j % dim] + rng.normal());
  return { m: { rows: n, cols: dim, data }, label };
}

describe('neighbours by a random-projection forest', () => {
  const base = blobs(1200, 20, 32, 1);
  const queries = blobs(300, 20, 32, 1);
  // Same centres (same seed), other points: take queries from a second draw of the generator.
  const q = { rows: 300, cols: 32, data: queries.m.data.map((v, j) => v + Math.sin(j) * 0.3) };

  it('finds most exact neighbours (recall), always k of them, ascending, and the same for a seed', async () => {
    const search = rpForestKnn(7);
    const got = (await search(q, base.m, 10))!;
    const want = exactKnn(q, base.m, 10);
    let hit = 0;
    for (let i = 0; i < 300; i++) {
      const truth = new Set(want.rows.subarray(i * 10, i * 10 + 10));
      for (let j = 0; j < 10; j++) if (truth.has(got.rows[i * 10 + j])) hit++;
      for (let j = 1; j < 10; j++) expect(got.distances[i * 10 + j]).toBeGreaterThanOrEqual(got.distances[i * 10 + j - 1]);
    }
    expect(hit / 3000).toBeGreaterThan(0.8);
    expect(got.rows.every((r) => r >= 0 && r < 1200)).toBe(true);
    const again = (await rpForestKnn(7)(q, base.m, 10))!;
    expect(Array.from(again.rows)).toEqual(Array.from(got.rows));
    // Every neighbour found is in the query's own blob.
    let same = 0;
    for (let i = 0; i < 300; i++) for (let j = 0; j < 10; j++) same += base.label[got.rows[i * 10 + j]] === queries.label[i] ? 1 : 0;
    expect(same).toBe(3000);
  });

  it('a base smaller than a leaf is searched whole (exact), and it stops when asked', async () => {
    const small = { rows: 20, cols: 32, data: base.m.data.subarray(0, 20 * 32) };
    const got = (await rpForestKnn(1)(q, small, 5))!;
    expect(Array.from(got.rows)).toEqual(Array.from(exactKnn(q, small, 5).rows));
    expect(await rpForestKnn(1)(q, base.m, 5, { shouldStop: () => true })).toBeNull();
  });
});
