import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import { computeErrorProfiles } from '../routing/errorProfile';
import { kmeansGamma, oracleGamma } from '../routing/gamma';
import { routeAt, routingSummary } from '../routing/route';
import { accuracyAt, integrateFront, paretoFront, upperConcaveHull, type CurvePoint } from './curve';
import { deferralCurve } from './sweep';
import { SAMPLE_DIR, itShared, loadScores, sharedDir } from '../../testing/datasets.node';

const pt = (cost: number, accuracy: number, costPenalty = 0): CurvePoint => ({ cost, accuracy, costPenalty });

/** The curve point in force at `lambda`: the last one whose costPenalty is <= lambda. */
function pointAt(curve: CurvePoint[], lambda: number): CurvePoint {
  let i = 0;
  while (i + 1 < curve.length && curve[i + 1].costPenalty <= lambda) i++;
  return curve[i];
}

function direct(gamma: Float64Array, scores: Float64Array, m: number, costs: number[], normaliser: number, lambda: number) {
  const s = routingSummary(routeAt(gamma, m, costs, lambda), scores, m, costs);
  return { cost: s.meanCost / normaliser, accuracy: s.accuracy };
}

/** Every pairwise breakpoint of every prompt (a superset of the exact sweep's), sorted, unique. */
function allPairBreakpoints(gamma: Float64Array, m: number, costs: number[]): number[] {
  const out = new Set<number>();
  for (let p = 0; p < gamma.length / m; p++) {
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        if (costs[a] <= costs[b]) continue;
        const l = (gamma[p * m + b] - gamma[p * m + a]) / (costs[a] - costs[b]);
        if (l > 0) out.add(l);
      }
    }
  }
  return [...out].sort((x, y) => x - y);
}

function expectSamePoints(got: { cost: number; accuracy: number }[], want: { cost: number; accuracy: number }[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    expect(g.cost).toBeCloseTo(want[i].cost, 12);
    expect(g.accuracy).toBeCloseTo(want[i].accuracy, 12);
  });
}

describe('deferralCurve', () => {
  it('oracle on a tiny example: at penalty 0 the cheapest right LLM, else the cheapest', () => {
    // costs 1, 2, 3; scores per prompt:
    //   p0 [0, 1, 1] -> h1 (cheapest right)    p1 [0, 0, 0] -> h0 (none right: cheapest)
    //   p2 [1, 1, 0] -> h0                      p3 [0, 0, 1] -> h2
    const costs = [1, 2, 3];
    const scores = Float64Array.from([0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1]);
    const gamma = oracleGamma(scores);
    expect(Array.from(routeAt(gamma, 3, costs, 0))).toEqual([1, 0, 0, 2]);
    // Switches: p3 h2 -> h0 at (1 - 0) / (3 - 1) = 0.5 (before h1 at 1/1); p0 h1 -> h0 at 1/1 = 1.
    // lambda 0:   cost (2+1+1+3)/4 = 1.75 -> /3;  accuracy 3/4
    // lambda 0.5: cost (2+1+1+1)/4 = 1.25 -> /3;  accuracy 2/4
    // lambda 1:   cost 1 -> /3;                   accuracy 1/4
    const curve = deferralCurve(gamma, scores, 3, costs, 3);
    expect(curve.map((c) => c.costPenalty)).toEqual([0, 0.5, 1]);
    expectSamePoints(curve, [pt(1.75 / 3, 0.75), pt(1.25 / 3, 0.5), pt(1 / 3, 0.25)]);
  });

  it('prompts switching at the same penalty switch together (one point)', () => {
    // two identical prompts, gamma [0, .5], costs [2, 1]: both switch at .5 / 1 = .5
    const gamma = Float64Array.from([0, 0.5, 0, 0.5]);
    const scores = Float64Array.from([1, 0, 1, 1]);
    const curve = deferralCurve(gamma, scores, 2, [2, 1], 2);
    expect(curve).toEqual([pt(1, 1, 0), pt(0.5, 0.5, 0.5)]);
  });

  it('skips collinear hull points and follows routeAt at the exact breakpoint', () => {
    // gamma (c, g): h0 (3, 0), h1 (2, .25), h2 (1, .5): collinear, all tie at lambda = .25 -> h2
    const gamma = Float64Array.from([0, 0.25, 0.5]);
    const scores = Float64Array.from([0.5, 1, 0]);
    const curve = deferralCurve(gamma, scores, 3, [3, 2, 1], 3);
    expect(curve).toEqual([pt(1, 0.5, 0), pt(1 / 3, 0, 0.25)]);
    expect(Array.from(routeAt(gamma, 3, [3, 2, 1], 0.25))).toEqual([2]);
  });

  it('gives [] for no prompts and rejects missing scores of routed LLMs and a bad normaliser', () => {
    expect(deferralCurve(new Float64Array(0), new Float64Array(0), 2, [1, 2], 2)).toEqual([]);
    expect(() => deferralCurve(Float64Array.from([0, 1]), Float64Array.from([NaN, 1]), 2, [1, 2], 2)).toThrow(
      'prompt 0 has no score for model 0, which it is routed to',
    );
    expect(() => deferralCurve(Float64Array.from([0, 1]), Float64Array.from([1, 1]), 2, [1, 2], 0)).toThrow('normaliser');
  });

  const randomProblem = (rng: Rng, dyadic: boolean) => {
    const m = 1 + rng.int(5);
    const n = 1 + rng.int(6);
    const base = rng.int(2);
    // Dyadic case: gamma in eighths and costs in {b, b+1, b+2}, so every breakpoint and every
    // gamma + lambda * c is exact and routeAt sees the exact ties the sweep resolves.
    const costs = Array.from({ length: m }, () => (dyadic ? base + rng.int(3) : Math.round(rng.next() * 1000) / 100));
    const gamma = Float64Array.from({ length: n * m }, () => (dyadic ? rng.int(9) / 8 : rng.next()));
    const scores = Float64Array.from({ length: n * m }, () => (rng.next() < 0.3 ? rng.next() : rng.int(2)));
    const normaliser = Math.max(...costs) || 1;
    return { m, costs, gamma, scores, normaliser };
  };

  it.each([true, false])('equals a brute-force sweep of routeAt on random small problems (dyadic %s)', (dyadic) => {
    const rng = createRng(dyadic ? 101 : 202);
    for (let trial = 0; trial < 300; trial++) {
      const { m, costs, gamma, scores, normaliser } = randomProblem(rng, dyadic);
      const curve = deferralCurve(gamma, scores, m, costs, normaliser);
      const bps = allPairBreakpoints(gamma, m, costs);
      // Probe 0, the midpoints between candidate breakpoints, far beyond the last one and, when the
      // arithmetic is exact, the breakpoints themselves.
      const probes = [0, ...bps.map((b, i) => (i + 1 < bps.length ? (b + bps[i + 1]) / 2 : 2 * b + 1))];
      if (dyadic) probes.push(...bps);
      const brute = probes.map((l) => ({ ...direct(gamma, scores, m, costs, normaliser, l), costPenalty: l }));
      for (const b of brute) expectSamePoints([pointAt(curve, b.costPenalty)], [b]);
      expectSamePoints(paretoFront(curve), paretoFront(brute));
      // lambda strictly grows along the curve, cost strictly falls
      for (let i = 1; i < curve.length; i++) {
        expect(curve[i].costPenalty).toBeGreaterThan(curve[i - 1].costPenalty);
        expect(curve[i].cost).toBeLessThan(curve[i - 1].cost);
      }
    }
  });

  /** Real data: the oracle curve's two ends, and random penalties on two routers match routeAt. */
  function realCurves(dir: string): void {
    const { scores, costs, modelNames } = loadScores(dir);
    const m = modelNames.length;
    const n = scores.length / m;
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    const maxCost = Math.max(...costs);
    const oracle = deferralCurve(oracleGamma(scores), scores, m, costs, maxCost);
    // lambda = 0: each prompt gets its best score (for 0/1 scores: right when any LLM is right)
    let best = 0;
    for (let p = 0; p < n; p++) best += Math.max(...scores.subarray(p * m, p * m + m));
    expect(oracle[0].accuracy).toBeCloseTo(best / n, 12);
    // the end: every prompt on the cheapest LLM (one LLM is the cheapest in both datasets)
    const cheapest = costs.indexOf(Math.min(...costs));
    expect(costs.filter((c) => c === costs[cheapest])).toHaveLength(1);
    let cheapestAcc = 0;
    for (let p = 0; p < n; p++) cheapestAcc += scores[p * m + cheapest];
    expect(oracle[oracle.length - 1].accuracy).toBeCloseTo(cheapestAcc / n, 12);
    expect(oracle[oracle.length - 1].cost).toBeCloseTo(costs[cheapest] / maxCost, 12);

    // A K-means-style router: random clusters on the first half (validation), routed on the rest.
    const rng = createRng(9);
    const k = 6;
    const half = Math.floor(n / 2);
    const clusters = Int32Array.from({ length: n }, () => rng.int(k));
    const profiles = computeErrorProfiles(
      clusters.subarray(0, half),
      scores.subarray(0, half * m).map((s) => 1 - s),
      m,
      k,
    );
    const testScores = scores.subarray(half * m);
    const gamma = kmeansGamma(clusters.subarray(half), profiles);
    for (const g of [gamma, oracleGamma(testScores)]) {
      const curve = deferralCurve(g, testScores, m, costs, maxCost);
      const top = curve[curve.length - 1].costPenalty;
      for (let i = 0; i < 40; i++) {
        const lambda = top * 2 * rng.next() ** 3;
        expectSamePoints([pointAt(curve, lambda)], [direct(g, testScores, m, costs, maxCost, lambda)]);
      }
      for (const c of curve) expectSamePoints([c], [direct(g, testScores, m, costs, maxCost, c.costPenalty)]);
    }
  }

  it('real data (in-repo LLMRouter sample): oracle ends and random penalties match routeAt', () => realCurves(SAMPLE_DIR));
  itShared('routerbench_subset', 'real data (RouterBench): oracle ends and random penalties match routeAt', () =>
    realCurves(sharedDir('routerbench_subset')),
  );

  it('sweeps 10,000 prompts x 50 LLMs fast', () => {
    const rng = createRng(4);
    const n = 10000;
    const m = 50;
    const costs = Array.from({ length: m }, () => rng.next() * 10);
    const gamma = Float64Array.from({ length: n * m }, () => rng.next());
    const scores = Float64Array.from({ length: n * m }, () => rng.int(2));
    deferralCurve(gamma.subarray(0, 1000 * m), scores.subarray(0, 1000 * m), m, costs, 10); // warm-up
    const t0 = performance.now();
    const curve = deferralCurve(gamma, scores, m, costs, 10);
    const ms = performance.now() - t0;
    expect(curve.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(1000); // a loose bound: it only catches a pathological slowdown
  });
});

describe('paretoFront / accuracyAt / integrateFront / upperConcaveHull', () => {
  const points = [pt(0.75, 0.875), pt(0.25, 0.5), pt(0.625, 0.5), pt(0.5, 0.625), pt(0.5, 0.625), pt(0.25, 0.375)];

  it('drops dominated and duplicate points and sorts by cost', () => {
    // (0.625, .5) is dominated by (0.5, .625); (0.25, .375) by (0.25, .5); one (0.5, .625) stays
    expect(paretoFront(points)).toEqual([pt(0.25, 0.5), pt(0.5, 0.625), pt(0.75, 0.875)]);
  });

  it('reads the front linearly, flat beyond both ends', () => {
    const front = paretoFront(points);
    expect(accuracyAt(front, 0)).toBe(0.5);
    expect(accuracyAt(front, 0.375)).toBe(0.5625);
    expect(accuracyAt(front, 0.625)).toBe(0.75);
    expect(accuracyAt(front, 1)).toBe(0.875);
    expect(accuracyAt([], 0.5)).toBeNaN();
  });

  it('integrates exactly and takes the upper concave hull', () => {
    const front = paretoFront(points);
    // [0, .25] flat .5 = .125; [.25, .5] trapezoid .25 * (.5 + .625) / 2 = .140625
    expect(integrateFront(front, 0, 0.5)).toBe(0.265625);
    // [.3, .4]: values .525 and .575 -> .1 * .55 = .055
    expect(integrateFront(front, 0.3, 0.4)).toBeCloseTo(0.055, 15);
    // (0.5, .625) lies below the chord (0.25, .5) -> (0.75, .875) (which is .6875 at 0.5)
    expect(upperConcaveHull(front)).toEqual([pt(0.25, 0.5), pt(0.75, 0.875)]);
  });
});
