import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { asBlocks } from './blocks';
import { bootstrap, bootstrapSync, type BootstrapEvidence } from './bootstrap';
import { weightedFront, weightedReplay } from './bootstrapReplay';
import { percentileInterval, quantileSorted, summariseBootstrap } from './bootstrapSummary';
import { paretoFront } from './curve';
import { curveMetrics } from './metrics';
import { poolMetricOptions } from './poolMetrics';
import { buildSweep, deferralCurve, sweepPoints } from './sweep';

/** n prompts in k clusters, scores drawn from per-(cluster, LLM) skills; gamma = the cluster's true error rates. */
export function planted(n: number, seed: number) {
  const rng = createRng(seed);
  const m = 3;
  const costs = [1, 2, 10];
  // LLM 0 is good on cluster 0 only, LLM 1 on cluster 1 only, the dear LLM 2 fairly good everywhere.
  const skill = [
    [0.9, 0.2, 0.8],
    [0.2, 0.9, 0.8],
  ];
  const cluster = Int32Array.from({ length: n }, () => rng.int(2));
  const scores = new Float64Array(n * m);
  const informed = new Float64Array(n * m);
  const blind = new Float64Array(n * m);
  for (let p = 0; p < n; p++)
    for (let h = 0; h < m; h++) {
      scores[p * m + h] = rng.next() < skill[cluster[p]][h] ? 1 : 0;
      informed[p * m + h] = 1 - skill[cluster[p]][h];
      blind[p * m + h] = 1 - (skill[0][h] + skill[1][h]) / 2;
    }
  return { n, m, costs, cluster, scores, informed, blind };
}

function evidence(
  p: { n: number; m: number; costs: number[]; scores: Float64Array },
  gammas: Record<string, Float64Array>,
): BootstrapEvidence {
  const normaliser = Math.max(...p.costs);
  const sweeps = Object.fromEntries(
    Object.entries(gammas).map(([k, g]) => [k, buildSweep(asBlocks(g, p.m), asBlocks(p.scores, p.m), p.n, p.costs, normaliser)]),
  );
  return {
    names: p.costs.map((_, h) => `llm${h}`),
    costs: p.costs,
    normaliser,
    qncDenominator: 'max-test-cost',
    n: p.n,
    scores: asBlocks(p.scores, p.m),
    zeroRouterValAccuracy: null,
    sweeps,
  };
}

describe('weighted replay of a sweep', () => {
  it('with unit weights gives the front of the sweep points, per prompt and in groups', () => {
    const rng = createRng(1);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + rng.int(200);
      const m = 1 + rng.int(6);
      const costs = Array.from({ length: m }, () => 1 + rng.int(5));
      const cluster = Int32Array.from({ length: n }, () => rng.int(4));
      const psi = Float64Array.from({ length: 4 * m }, () => rng.int(9) / 8);
      const gamma = Float64Array.from({ length: n * m }, (_, i) => psi[cluster[Math.floor(i / m)] * m + (i % m)]);
      const scores = Float64Array.from({ length: n * m }, () => rng.int(2));
      const normaliser = Math.max(...costs);
      for (const groups of [undefined, { of: cluster, count: 4 }]) {
        const sweep = buildSweep(asBlocks(gamma, m), asBlocks(scores, m), n, costs, normaliser, groups);
        const got = weightedFront(weightedReplay(sweep, asBlocks(scores, m), costs), new Float64Array(n).fill(1), n, normaliser);
        const want = paretoFront(sweepPoints(sweep));
        expect(got.length).toBe(want.length);
        got.forEach((pt, i) => {
          expect(pt.cost).toBeCloseTo(want[i].cost, 12);
          expect(pt.accuracy).toBeCloseTo(want[i].accuracy, 12);
        });
      }
    }
  });

  it('with weights (2, 0) gives the curve of the first prompt alone', () => {
    // Prompt 0: gamma (0.1, 0.5), scores (1, 0); prompt 1: gamma (0.2, 0.3), scores (0, 1); costs (4, 1).
    const gamma = Float64Array.of(0.1, 0.5, 0.2, 0.3);
    const scores = Float64Array.of(1, 0, 0, 1);
    const costs = [4, 1];
    const sweep = buildSweep(asBlocks(gamma, 2), asBlocks(scores, 2), 2, costs, 4);
    const r = weightedReplay(sweep, asBlocks(scores, 2), costs);
    // Alone, prompt 0 goes to LLM 0 (cost 1 normalised, right) until lambda = 0.4 / 3, then LLM 1 (0.25, wrong).
    expect(weightedFront(r, [2, 0], 2, 4)).toEqual([
      { cost: 0.25, accuracy: 0, costPenalty: 0 },
      { cost: 1, accuracy: 1, costPenalty: 0 },
    ]);
    const alone = deferralCurve(Float64Array.of(0.1, 0.5), Float64Array.of(1, 0), 2, costs, 4);
    expect(paretoFront(alone).map((q) => [q.cost, q.accuracy])).toEqual([
      [0.25, 0],
      [1, 1],
    ]);
  });

  it('keeps the paretoFront rule where zero weights leave points at equal cost', () => {
    // Three prompts on LLMs of cost (4, 2, 1); prompt 1 (weight 0) switches between prompt 0's two switches.
    const gamma = Float64Array.of(0.1, 0.3, 0.9, 0.1, 0.2, 0.95, 0.5, 0.6, 0.7);
    const scores = Float64Array.of(1, 1, 0, 1, 0, 0, 0, 1, 1);
    const costs = [4, 2, 1];
    const sweep = buildSweep(asBlocks(gamma, 3), asBlocks(scores, 3), 3, costs, 4);
    const weights = [1, 0, 1];
    const got = weightedFront(weightedReplay(sweep, asBlocks(scores, 3), costs), weights, 2, 4);
    // The same curve from the sweep of prompts 0 and 2 alone.
    const keep = [0, 2];
    const pick = (a: Float64Array) => Float64Array.from(keep.flatMap((p) => [a[p * 3], a[p * 3 + 1], a[p * 3 + 2]]));
    const want = paretoFront(deferralCurve(pick(gamma), pick(scores), 3, costs, 4));
    expect(got.map((q) => [q.cost, q.accuracy])).toEqual(want.map((q) => [q.cost, q.accuracy]));
  });
});

describe('percentile intervals', () => {
  it('are type-7 quantiles; never reached (NaN) counts as +infinity', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(percentileInterval([3, 1, 2, 5, 4], 0.5)).toEqual([2, 4]);
    const [lo, hi] = percentileInterval([0.3, NaN, 0.2, NaN], 0.95);
    expect(lo).toBeCloseTo(0.2075, 12);
    expect(hi).toBeNull();
  });
});

describe('bootstrapSync', () => {
  it('identical prompts give degenerate intervals at the point estimate', () => {
    const n = 50;
    const scores = new Float64Array(n * 2);
    const gamma = new Float64Array(n * 2);
    for (let p = 0; p < n; p++) {
      scores.set([1, 0], p * 2);
      gamma.set([0.2, 0.6], p * 2);
    }
    const e = evidence({ n, m: 2, costs: [2, 1], scores }, { 'uniroute-kmeans': gamma });
    const d = bootstrapSync(e, { resamples: 20 });
    const s = summariseBootstrap([d]);
    const pt = d.methods['uniroute-kmeans']!.point;
    // Front (0.5, 0) -> (1, 1): flat at 0 up to c~ = 0.5, then a straight rise to 1: Area = 0.5 * 0.5 * 1 = 0.25.
    expect(pt.area).toBeCloseTo(0.25, 12);
    expect(s.methods['uniroute-kmeans']!.ci.area).toEqual([pt.area, pt.area]);
    expect(s.methods['uniroute-kmeans']!.saving).toEqual({ value: 0, ci: [0, 0] });
  });

  it('is seeded: same seed, same draws; another seed, other draws', () => {
    const d = planted(150, 2);
    const e = evidence(d, { 'uniroute-kmeans': d.informed });
    const a = bootstrapSync(e, { resamples: 30, seed: 7 });
    const b = bootstrapSync(e, { resamples: 30, seed: 7 });
    const c = bootstrapSync(e, { resamples: 30, seed: 8 });
    expect(a.methods['uniroute-kmeans']!.draws.area).toEqual(b.methods['uniroute-kmeans']!.draws.area);
    expect(a.methods['uniroute-kmeans']!.draws.area).not.toEqual(c.methods['uniroute-kmeans']!.draws.area);
  });

  it('point estimates equal curveMetrics of the sweep', () => {
    const d = planted(300, 3);
    const e = evidence(d, { 'uniroute-kmeans': d.informed, knn: d.blind });
    const draws = bootstrapSync(e, { resamples: 5 });
    const singles = [0, 1, 2].map((h) => d.scores.filter((_, i) => i % 3 === h).reduce((a, b) => a + b, 0) / d.n);
    const options = poolMetricOptions(singles, d.costs, 10, 'max-test-cost');
    for (const [name, g] of [
      ['uniroute-kmeans', d.informed],
      ['knn', d.blind],
    ] as const) {
      const want = curveMetrics(deferralCurve(g, d.scores, 3, d.costs, 10), options);
      const got = draws.methods[name]!.point;
      expect(got.area).toBeCloseTo(want.area, 12);
      expect(got.area50).toBeCloseTo(want.area50, 12);
      expect(got.aiq).toBeCloseTo(want.aiq, 12);
      expect(got.peakAccuracy).toBeCloseTo(want.peakAccuracy, 12);
      expect(got.qnc === null).toBe(want.qnc === null);
      if (got.qnc !== null) expect(got.qnc).toBeCloseTo(want.qnc!, 12);
    }
    expect(draws.best.name).toBe('llm2');
  });

  it('planted winner: the informed router is better than the blind one and than the best single LLM; identical routers tie', () => {
    const d = planted(400, 4);
    const e = evidence(d, { 'uniroute-kmeans': d.informed, 'uniroute-learnedmap': d.informed.slice(), knn: d.blind });
    const s = summariseBootstrap([bootstrapSync(e, { resamples: 200, seed: 1 })]);
    const find = (a: string, b: string) => s.comparisons.find((c) => c.a === a && c.b === b)!;
    const knn = find('uniroute-kmeans', 'knn');
    expect(knn.verdict).toBe('better');
    expect(knn.ci[0]).toBeGreaterThan(0);
    expect(knn.winShare).toBe(1);
    expect(find('uniroute-kmeans', 'best-single')).toMatchObject({ verdict: 'better', bModels: ['llm2'] });
    // Two routers with the same gamma: every resample's difference is exactly 0.
    const same = s.comparisons.filter((c) => c.a === 'uniroute-learnedmap' && c.b === 'knn')[0];
    expect(same.deltaArea).toBe(knn.deltaArea);
    const kmeansVsLearned = summariseBootstrap([
      bootstrapSync(evidence(d, { 'uniroute-kmeans': d.informed, knn: d.informed.slice() }), { resamples: 50 }),
    ]).comparisons.find((c) => c.b === 'knn')!;
    expect(kmeansVsLearned).toMatchObject({ deltaArea: 0, ci: [0, 0], winShare: 0.5, verdict: 'tied' });
    // The blind router routed as UniRoute loses to the informed one as K-NN.
    const worse = summariseBootstrap([
      bootstrapSync(evidence(d, { 'uniroute-kmeans': d.blind, knn: d.informed }), { resamples: 100 }),
    ]).comparisons.find((c) => c.b === 'knn')!;
    expect(worse.verdict).toBe('worse');
    expect(worse.winShare).toBe(0);
  });

  it('the interval holds the point estimate and the band holds the curve', () => {
    const d = planted(300, 5);
    const draws = bootstrapSync(evidence(d, { 'uniroute-kmeans': d.informed }), { resamples: 100, grid: [0, 0.25, 0.5, 1] });
    const s = summariseBootstrap([draws]).methods['uniroute-kmeans']!;
    const pt = draws.methods['uniroute-kmeans']!.point;
    expect(s.ci.area[0]).toBeLessThan(pt.area);
    expect(s.ci.area[1]).toBeGreaterThan(pt.area);
    expect(s.band.cost).toEqual([0, 0.25, 0.5, 1]);
    s.band.lo.forEach((lo, g) => expect(lo).toBeLessThanOrEqual(s.band.hi[g]));
  });

  it('several trials combine resample by resample (the same trial twice gives the one-trial summary)', () => {
    const d = planted(120, 6);
    const one = bootstrapSync(evidence(d, { 'uniroute-kmeans': d.informed, knn: d.blind }), { resamples: 40 });
    const a = summariseBootstrap([one]);
    const b = summariseBootstrap([one, one]);
    expect(b.trials).toBe(2);
    expect(b.methods['uniroute-kmeans']!.ci.area[0]).toBeCloseTo(a.methods['uniroute-kmeans']!.ci.area[0], 12);
    expect(b.comparisons.map((c) => c.verdict)).toEqual(a.comparisons.map((c) => c.verdict));
  });

  it('reports progress and stops when asked, keeping the resamples done', async () => {
    const d = planted(100, 7);
    const seen: number[] = [];
    const draws = await bootstrap(evidence(d, { 'uniroute-kmeans': d.informed }), {
      resamples: 50,
      onProgress: (done) => seen.push(done),
      shouldStop: () => seen.length >= 3,
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(draws.completed).toBe(3);
    expect(summariseBootstrap([draws]).completed).toBe(3);
  });
});
