import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  EMPTY_INIT,
  EMPTY_POINTS,
  FOUR_CENTROIDS,
  FOUR_HISTORY,
  FOUR_INIT,
  FOUR_POINTS,
  gaussianBlobs,
  matrix,
  toRows,
} from './fixtures.test-util';
import { centrePoints } from './centre';
import { assignNearest, kmeansPlusPlus } from './index';
import { kmeansReference } from './reference.test-util';

function expectHistory(got: { iteration: number; inertia: number; shift: number; changed: number }[], want: typeof FOUR_HISTORY) {
  expect(got.length).toBe(want.length);
  got.forEach((it, i) => {
    expect(it.iteration).toBe(want[i].iteration);
    expect(it.changed).toBe(want[i].changed);
    expect(it.inertia).toBeCloseTo(want[i].inertia, 10);
    expect(it.shift).toBeCloseTo(want[i].shift, 10);
  });
}

describe('kmeansReference on the 4-point fixture (worked out in fixtures.test-util.ts)', () => {
  it('converges in exactly 3 steps to (0.5, 1) and (4.5, -1)', () => {
    const r = kmeansReference(FOUR_POINTS, { k: 2, initialCentroids: FOUR_INIT });
    expect(toRows(r.centroids)).toEqual(FOUR_CENTROIDS);
    expect(Array.from(r.assignments)).toEqual([0, 0, 1, 1]);
    expect(r).toMatchObject({ k: 2, dim: 2, iterations: 3, converged: true, inertia: 1 });
    expectHistory(r.history, FOUR_HISTORY);
  });

  it('stops at maxIterations unconverged, with assignments and inertia of the returned centroids', () => {
    const r = kmeansReference(FOUR_POINTS, { k: 2, initialCentroids: FOUR_INIT, maxIterations: 2 });
    expect(r).toMatchObject({ iterations: 2, converged: false, inertia: 1 });
    expect(toRows(r.centroids)).toEqual(FOUR_CENTROIDS);
    expect(Array.from(r.assignments)).toEqual([0, 0, 1, 1]);
    expectHistory(r.history, FOUR_HISTORY.slice(0, 2));
  });

  it('stops on the shift tolerance: threshold 2.625 t, step 2 moves 37/18 < 2.625', () => {
    expect(centrePoints(FOUR_POINTS, 1).threshold).toBeCloseTo(2.625, 12);
    const r = kmeansReference(FOUR_POINTS, { k: 2, initialCentroids: FOUR_INIT, tolerance: 1 });
    expect(r).toMatchObject({ iterations: 2, converged: true, inertia: 1 });
    // tolerance 0.5 -> threshold 1.3125 < 37/18: needs the third step (no change).
    expect(kmeansReference(FOUR_POINTS, { k: 2, initialCentroids: FOUR_INIT, tolerance: 0.5 }).iterations).toBe(3);
  });

  it('keeps an empty cluster at its previous centroid and breaks ties to the lower index', () => {
    const r = kmeansReference(EMPTY_POINTS, { k: 3, initialCentroids: EMPTY_INIT });
    expect(toRows(r.centroids)).toEqual([
      [0.5, 0],
      [50, 50],
      [2, 0],
    ]);
    expect(Array.from(r.assignments)).toEqual([0, 0, 2]);
    expect(r).toMatchObject({ iterations: 2, converged: true, inertia: 0.5 });
    expect(r.history.map((h) => [h.inertia, h.shift, h.changed])).toEqual([
      [1, 0.25, 3],
      [0.5, 0, 0],
    ]);
  });
});

describe('assignNearest', () => {
  it('picks the nearest centroid, ties to the lower index', () => {
    const c = matrix([
      [0, 0],
      [2, 0],
    ]);
    expect(
      Array.from(
        assignNearest(
          matrix([
            [-1, 0],
            [1, 0],
            [1.1, 5],
            [3, 0],
          ]),
          c,
        ),
      ),
    ).toEqual([0, 0, 1, 1]);
  });

  it('rejects a width mismatch', () => {
    expect(() => assignNearest(FOUR_POINTS, matrix([[1, 2, 3]]))).toThrow('centroids have 3 columns but the points have 2');
  });
});

describe('kmeansPlusPlus', () => {
  const blobs = gaussianBlobs(5, 40, 6, 1, 11);

  it('is deterministic per seed and picks rows of the points', () => {
    const a = kmeansPlusPlus(blobs, 5, createRng(3));
    expect(kmeansPlusPlus(blobs, 5, createRng(3)).data).toEqual(a.data);
    expect(kmeansPlusPlus(blobs, 5, createRng(4)).data).not.toEqual(a.data);
    const rows = new Set(toRows(blobs).map((r) => r.join()));
    for (const c of toRows(a)) expect(rows.has(c.join())).toBe(true);
  });

  it('samples by D^2: a point equal to a chosen centre is never picked while others remain', () => {
    // Three copies of (0,0) and one (10,0): whichever comes first, the second has D^2 > 0 only
    // at the other location, so every seed gives both locations.
    const pts = matrix([
      [0, 0],
      [0, 0],
      [10, 0],
      [0, 0],
    ]);
    for (let seed = 0; seed < 20; seed++) {
      const c = toRows(kmeansPlusPlus(pts, 2, createRng(seed)))
        .map((r) => r.join())
        .sort();
      expect(c).toEqual(['0,0', '10,0']);
    }
    // All D^2 = 0 (k = n with duplicates): falls back to uniform draws, still k rows.
    expect(
      kmeansPlusPlus(
        matrix([
          [1, 1],
          [1, 1],
        ]),
        2,
        createRng(0),
      ).rows,
    ).toBe(2);
  });

  it('spreads the centres over well-separated blobs', () => {
    const r = kmeansReference(blobs, { k: 5, seed: 1 });
    expect(new Set(r.assignments).size).toBe(5);
  });
});

describe('kmeansReference on Gaussian blobs', () => {
  it('has non-increasing inertia and is deterministic per seed', () => {
    const pts = gaussianBlobs(6, 80, 5, 2.5, 5);
    const r = kmeansReference(pts, { k: 6, seed: 2 });
    expect(r.iterations).toBeGreaterThan(2);
    for (let i = 1; i < r.history.length; i++) expect(r.history[i].inertia).toBeLessThanOrEqual(r.history[i - 1].inertia);
    expect(r.inertia).toBeLessThanOrEqual(r.history[r.history.length - 1].inertia);
    expect(kmeansReference(pts, { k: 6, seed: 2 })).toEqual(r);
    expect(Array.from(r.assignments)).toEqual(Array.from(assignNearest(pts, r.centroids)));
  });
});

describe('errors', () => {
  it('rejects bad k, widths and options with clear messages', () => {
    expect(() => kmeansReference(FOUR_POINTS, { k: 0 })).toThrow('k must be an integer >= 1, got 0');
    expect(() => kmeansReference(FOUR_POINTS, { k: 1.5 })).toThrow('k must be an integer >= 1, got 1.5');
    expect(() => kmeansReference(FOUR_POINTS, { k: 5 })).toThrow('k = 5 exceeds the number of points (4)');
    expect(() =>
      kmeansReference(FOUR_POINTS, {
        k: 2,
        initialCentroids: matrix([
          [0, 1, 2],
          [1, 1, 2],
        ]),
      }),
    ).toThrow('initialCentroids must be k x dim = 2 x 2, got 2 x 3');
    expect(() => kmeansReference(FOUR_POINTS, { k: 2, maxIterations: 0 })).toThrow('maxIterations must be an integer >= 1');
    expect(() => kmeansReference(FOUR_POINTS, { k: 2, tolerance: -1 })).toThrow('tolerance must be a number >= 0');
    expect(() => kmeansReference({ rows: 2, cols: 2, data: new Float32Array(3) }, { k: 1 })).toThrow(
      'points hold 3 values, expected 2 x 2 = 4',
    );
    expect(() => kmeansReference(matrix([[0, Number.NaN]]), { k: 1 })).toThrow('points contain a non-finite value at row 0, column 1');
    expect(() => kmeansPlusPlus(FOUR_POINTS, 0, createRng(0))).toThrow('k must be an integer >= 1, got 0');
  });
});
