import { describe, expect, it } from 'vitest';
import { buildSessionBase } from './session';
import { evaluatePool } from './pool';
import { routeLive } from './liveRouting';
import type { CurvePoint } from '../eval';
import { explainPrompt } from './explain';
import { penaltyForAccuracy, penaltyForBudget } from './target';
import { tinyDataset, tinyEmbeddings, tinyRouter, TINY_SETUP } from './fixture.test-util';

function tinyPool() {
  const base = buildSessionBase(tinyDataset(), tinyEmbeddings(), TINY_SETUP, tinyRouter());
  return { base, pool: evaluatePool(base) };
}

describe('buildSessionBase on the hand-checked fixture', () => {
  it('assigns clusters, summarises them and computes Psi-based gamma', () => {
    const { base } = tinyPool();
    expect(Array.from(base.promptClusters)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(Array.from(base.testRows)).toEqual([6, 7, 8, 9]);
    expect(base.clusters).toEqual([
      { cluster: 0, size: 5, valCount: 2, tasks: [{ task: 'alpha', count: 5 }] },
      { cluster: 1, size: 5, valCount: 2, tasks: [{ task: 'beta', count: 5 }] },
    ]);
    // K-means gamma of test prompt 6 (cluster A): cheap 1/6, strong 0, spec 5/6.
    const g = base.gammas['uniroute-kmeans']!;
    expect(g[0]).toBeCloseTo(1 / 6, 12);
    expect(g[1]).toBe(0);
    expect(g[2]).toBeCloseTo(5 / 6, 12);
    // Validation accuracy: cheap 0.5, strong 1, spec 0.5.
    expect(base.valAccuracy).toEqual([0.5, 1, 0.5]);
    // K-NN with k = 1: the nearest validation prompt of test 6 is val 2 (index 0; ties to the lower index).
    expect(Array.from(base.testNeighbours)).toEqual([0, 1, 0, 1]);
  });

  it('gives the deferral curve worked out in the fixture comments', () => {
    const { pool } = tinyPool();
    const km = pool.methods['uniroute-kmeans']!;
    expect(pool.normaliser).toBe(10);
    const pts = km.points.map((p) => [p.cost, p.accuracy, p.costPenalty]);
    expect(pts.length).toBe(4);
    expect(pts[0]).toEqual([1, 1, 0]);
    expect(pts[1][0]).toBeCloseTo(0.55, 12);
    expect(pts[1][2]).toBeCloseTo(1 / 54, 12);
    expect(pts[2][0]).toBeCloseTo(0.15, 12);
    expect(pts[2][2]).toBeCloseTo(1 / 48, 12);
    expect(pts[3][0]).toBeCloseTo(0.1, 12);
    expect(pts[3][1]).toBe(0.5);
    expect(pts[3][2]).toBeCloseTo(2 / 3, 12);
    // Front (0.1, 0.5) - (0.15, 1): Area = 0.1 * 0.5 + 0.05 * 0.75 + 0.85 * 1 = 0.9375,
    // Area(50%) = 0.05 + 0.0375 + 0.35 = 0.4375, QNC = 0.15 (reaches strong's accuracy 1 there).
    expect(km.metrics.area).toBeCloseTo(0.9375, 12);
    expect(km.metrics.area50).toBeCloseTo(0.4375, 12);
    expect(km.metrics.qnc).toBeCloseTo(0.15, 12);
    expect(pool.singles.map((s) => [s.name, s.cost, s.accuracy])).toEqual([
      ['cheap', 0.1, 0.5],
      ['strong', 1, 1],
      ['spec', 0.2, 0.5],
    ]);
    // Oracle: cheap on A, spec on B at lambda 0 (cost 0.15, accuracy 1); all cheap from lambda 1.
    const oracle = pool.methods.oracle!.points.map((p) => [p.cost, p.accuracy, p.costPenalty]);
    expect(oracle[0][0]).toBeCloseTo(0.15, 12);
    expect(oracle[0][1]).toBe(1);
    expect(oracle[1]).toEqual([0.1, 0.5, 1]);
  });
});

/** The curve point in force at lambda: the last whose costPenalty <= lambda (points hold on [costPenalty, next)). */
function pointInForce(points: readonly CurvePoint[], lambda: number): CurvePoint {
  let i = 0;
  while (i + 1 < points.length && points[i + 1].costPenalty <= lambda) i++;
  return points[i];
}

describe('routeLive', () => {
  it('routes A prompts to cheap and B prompts to strong at lambda = 0.02', () => {
    const { pool } = tinyPool();
    const choice = new Int32Array(4);
    const live = routeLive(pool, 'uniroute-kmeans', 0.02, choice);
    expect(Array.from(choice)).toEqual([0, 1, 0, 1]);
    expect(Array.from(live.share)).toEqual([0.5, 0.5, 0]);
    expect(live.meanCost).toBe(5.5);
    expect(live.meanCostNormalised).toBeCloseTo(0.55, 12);
    expect(live.accuracy).toBe(1);
    expect(live.estimatedPrompts).toBe(0);
  });

  it('sends everything to the cheapest LLM at lambda = Infinity and rejects a negative lambda', () => {
    const { pool } = tinyPool();
    expect(Array.from(routeLive(pool, 'uniroute-kmeans', Infinity).share)).toEqual([1, 0, 0]);
    expect(() => routeLive(pool, 'uniroute-kmeans', -1)).toThrow('costPenalty must be >= 0, got -1');
    expect(() => routeLive(pool, 'uniroute-learnedmap', 0)).toThrow('method uniroute-learnedmap is not available in this session');
  });

  it('lands on the curve point in force at every lambda, for every method', () => {
    const { pool } = tinyPool();
    for (const method of ['uniroute-kmeans', 'knn', 'oracle', 'zero-router'] as const) {
      const view = pool.methods[method]!;
      for (const lambda of [0, 0.001, 1 / 54, 0.019, 1 / 48, 0.1, 2 / 3, 0.9, 1, 5]) {
        const live = routeLive(pool, method, lambda);
        const pt = pointInForce(view.points, lambda);
        expect(live.operatingPoint.cost).toBeCloseTo(pt.cost, 12);
        expect(live.operatingPoint.accuracy).toBeCloseTo(pt.accuracy, 12);
      }
    }
  });
});

describe('explainPrompt', () => {
  it('lists predicted error, penalty and total for a B prompt and picks strong at lambda = 0.02', () => {
    const { pool } = tinyPool();
    const e = explainPrompt(pool, 'uniroute-kmeans', 1, 0.02);
    // cheap 5/6 + 0.02, strong 0 + 0.2, spec 1/6 + 0.04 = 0.20667: strong wins.
    expect(e.models.map((m) => m.name)).toEqual(['cheap', 'strong', 'spec']);
    expect(e.models[0].total).toBeCloseTo(5 / 6 + 0.02, 12);
    expect(e.models[1].penalty).toBeCloseTo(0.2, 12);
    expect(e.models[2].total).toBeCloseTo(1 / 6 + 0.04, 12);
    expect(e.winner).toBe(1);
    expect(e.models.filter((m) => m.winner).map((m) => m.name)).toEqual(['strong']);
    expect(e.models[2].trueScore).toBe(1);
    // An exact tie goes to the cheaper LLM (routeAt's rule): at lambda 1/48 strong and spec tie on B.
    const choice = new Int32Array(4);
    routeLive(pool, 'uniroute-kmeans', 1 / 48, choice);
    expect(explainPrompt(pool, 'uniroute-kmeans', 1, 1 / 48).winner).toBe(choice[1]);
    expect(() => explainPrompt(pool, 'uniroute-kmeans', 4, 0)).toThrow('test prompt 4 is outside [0, 4)');
  });
});

describe('penalty for a target', () => {
  it('finds the cheapest lambda reaching an accuracy and the best accuracy under a budget', () => {
    const { pool } = tinyPool();
    const pts = pool.methods['uniroute-kmeans']!.points;
    const acc = penaltyForAccuracy(pts, 0.9)!;
    // Cheapest point with accuracy >= 0.9 is (0.15, 1), held on [1/48, 2/3): geometric mean sqrt(1/72).
    expect(acc.point.cost).toBeCloseTo(0.15, 12);
    expect(acc.from).toBeCloseTo(1 / 48, 12);
    expect(acc.to).toBeCloseTo(2 / 3, 12);
    expect(acc.costPenalty).toBeCloseTo(Math.sqrt(1 / 72), 12);
    expect(routeLive(pool, 'uniroute-kmeans', acc.costPenalty).operatingPoint.cost).toBeCloseTo(0.15, 12);
    // Budget 0.12: only (0.1, 0.5) fits, held from 2/3 to infinity: lambda = 4/3.
    const bud = penaltyForBudget(pts, 0.12)!;
    expect(bud.point.accuracy).toBe(0.5);
    expect(bud.costPenalty).toBeCloseTo(4 / 3, 12);
    // Budget 0.6 allows (0.55, 1) and (0.15, 1): same accuracy, the cheaper wins.
    expect(penaltyForBudget(pts, 0.6)!.point.cost).toBeCloseTo(0.15, 12);
    // Accuracy 1 at lambda 0 point when the target asks for everything; unreachable targets give null.
    expect(penaltyForAccuracy(pts, 1.01)).toBeNull();
    expect(penaltyForBudget(pts, 0.05)).toBeNull();
  });
});

describe('datasetSummary', () => {
  it('counts prompts, tasks and blank cells and averages each LLM over its scored prompts', async () => {
    const { datasetSummary } = await import('./summary');
    const d = tinyDataset();
    d.scores[0] = NaN; // cheap loses its score on q0 (was 1): 4 right of 9 -> 4/9
    const s = datasetSummary(d);
    expect(s.prompts).toBe(10);
    expect(s.blank).toBe(1);
    expect(s.tasks).toEqual([
      { task: 'alpha', count: 5 },
      { task: 'beta', count: 5 },
    ]);
    expect(s.models[0]).toEqual({ name: 'cheap', cost: 1, accuracy: 4 / 9, scored: 9 });
    expect(s.models[1].accuracy).toBe(1);
  });
});
