import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import { kmeansGamma, oracleGamma, softGamma } from '../routing/gamma';
import { routeAt } from '../routing/route';
import { knnFallback, knnGammaFromNeighbours } from '../routing/knn';
import { evaluatePool, POOL_METHODS } from './pool';
import { routeLive } from './liveRouting';
import { buildSessionBase } from './session';
import { tinyDataset, tinyEmbeddings, tinyRouter, TINY_SETUP } from './fixture.test-util';
import type { AddedModel, SessionBase, SessionPool } from './types';
import type { MethodName } from '../eval';

/**
 * A random session (n test prompts, m test LLMs, k clusters) built from typed arrays. Dyadic: gamma
 * values in eighths and costs in {1, 2, 3}, so many prompts tie exactly and breakpoints coincide.
 */
function randomBase(rng: Rng, n: number, m: number, k: number, dyadic: boolean): SessionBase {
  const nVal = 4 + rng.int(8);
  const value = () => (dyadic ? rng.int(9) / 8 : rng.next());
  const costs = Array.from({ length: m }, () => (dyadic ? 1 + rng.int(3) : Math.round(rng.next() * 1000) / 100));
  const psi = Float64Array.from({ length: m * k }, value);
  const profiles = { k, m, psi, counts: new Int32Array(m * k), overall: new Float64Array(m).fill(0.5) };
  const testClusters = Int32Array.from({ length: n }, () => rng.int(k));
  const testScores = Float64Array.from({ length: n * m }, () => (rng.next() < 0.3 ? rng.int(5) / 4 : rng.int(2)));
  const testPhi = new Float64Array(n * k);
  for (let p = 0; p < n; p++) testPhi[p * k + rng.int(k)] = dyadic ? 1 : 0.5 + rng.next() / 2;
  const valErrors = Float64Array.from({ length: nVal * m }, () => (rng.next() < 0.1 ? NaN : rng.int(2)));
  const testNeighbours = Int32Array.from({ length: n * 2 }, () => rng.int(nVal));
  const valAccuracy = Array.from({ length: m }, () => 1 - value());
  const zero = new Float64Array(n * m);
  for (let p = 0; p < n; p++) for (let h = 0; h < m; h++) zero[p * m + h] = 1 - valAccuracy[h];
  return {
    k,
    knnK: 2,
    pseudoCount: 1,
    costUnit: 'usd',
    modelNames: costs.map((_, h) => `m${h}`),
    modelCosts: costs,
    trainModels: [],
    testModels: costs.map((_, h) => h),
    counts: { train: 0, val: nVal, test: n, testScored: n },
    dropped: 0,
    testRows: Int32Array.from({ length: n }, (_, p) => p),
    valRows: Int32Array.from({ length: nVal }, (_, i) => n + i),
    valClusters: Int32Array.from({ length: nVal }, () => rng.int(k)),
    promptClusters: testClusters,
    testClusters,
    testPhi,
    testNeighbours,
    neighbourCount: 2,
    profiles,
    testScores,
    valAccuracy,
    gammas: {
      oracle: oracleGamma(testScores),
      'zero-router': zero,
      knn: knnGammaFromNeighbours(testNeighbours, 2, 2, valErrors, m, knnFallback(valErrors, m)),
      'uniroute-kmeans': kmeansGamma(testClusters, profiles),
      'uniroute-learnedmap': softGamma(testPhi, profiles),
    },
    clusters: [],
    qncDenominator: 'max-test-cost',
  };
}

/** An added LLM; `unknown` of its test scores are blank (estimated as 1 - gamma). */
function randomAdded(rng: Rng, base: SessionBase, unknown: number, dyadic: boolean): AddedModel {
  const n = base.testRows.length;
  const psi = Float64Array.from({ length: base.k }, () => (dyadic ? rng.int(9) / 8 : rng.next()));
  return {
    name: `new${rng.int(1000)}`,
    cost: dyadic ? 1 + rng.int(3) : Math.round(rng.next() * 1000) / 100,
    profile: { psi, counts: new Int32Array(base.k), overall: 0.5 },
    valErrors: Float64Array.from(base.valRows, () => rng.int(2)),
    testScores: Float64Array.from({ length: n }, () => (rng.next() < unknown ? NaN : rng.int(2))),
    estimated: unknown > 0,
  };
}

/** The routing at lambda by routeAt over the dense gamma: counts, prompts on an estimated cell, mean cost and accuracy. */
function direct(pool: SessionPool, method: MethodName, lambda: number) {
  const view = pool.methods[method]!;
  const m = pool.costs.length;
  const choice = routeAt(view.gamma, m, pool.costs, lambda);
  const counts = new Int32Array(m);
  let estimated = 0;
  let cost = 0;
  let accuracy = 0;
  choice.forEach((h, p) => {
    counts[h]++;
    if (pool.unknownScore?.[p * m + h] === 1) estimated++;
    cost += pool.costs[h];
    accuracy += view.scores[p * m + h];
  });
  return { choice, counts, estimated, meanCost: cost / pool.n, accuracy: accuracy / pool.n };
}

describe('routeLive replays the exact sweep', () => {
  it('gives the direct pass (routeAt) choices, counts, estimated prompts, cost and accuracy at every lambda', () => {
    const rng = createRng(77);
    let compared = 0;
    for (let trial = 0; trial < 120; trial++) {
      const dyadic = trial % 2 === 0;
      const base = randomBase(rng, 1 + rng.int(40), 1 + rng.int(6), 1 + rng.int(4), dyadic);
      const added = Array.from({ length: rng.int(3) }, () => randomAdded(rng, base, rng.next() < 0.5 ? 0 : 0.3, dyadic));
      const pool = evaluatePool(base, added);
      for (const method of POOL_METHODS) {
        const view = pool.methods[method];
        if (!view) continue;
        expect(view.live, method).not.toBeNull();
        // Probes: 0, every breakpoint (and just below / above it), midpoints, far beyond and +infinity.
        const bps = view.live!.penalties;
        const probes = [
          0,
          ...Array.from(bps).flatMap((b, i) => [
            b,
            b * (1 - 1e-12),
            b * (1 + 1e-12),
            i + 1 < bps.length ? (b + bps[i + 1]) / 2 : 2 * b + 1,
          ]),
          Infinity,
        ];
        for (const lambda of probes) {
          const choice = new Int32Array(pool.n);
          const fast = routeLive(pool, method, lambda, choice);
          const want = direct(pool, method, lambda);
          expect(Array.from(choice), `${method} at ${lambda}`).toEqual(Array.from(want.choice));
          expect(Array.from(fast.counts)).toEqual(Array.from(want.counts));
          expect(fast.estimatedPrompts).toBe(want.estimated);
          expect(fast.meanCost).toBeCloseTo(want.meanCost, 12);
          expect(fast.accuracy).toBeCloseTo(want.accuracy, 12);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it('matches routeAt on the hand-checked session, exact ties included (lambda = 1/54 and 1/48)', () => {
    // tinyRouter: A prompts switch strong -> cheap at 1/54; B prompts strong -> spec at 1/48 (a tie
    // that goes to the cheaper spec), spec -> cheap at 2/3. Test prompts 6..9 alternate A, B.
    const base = buildSessionBase(tinyDataset(), tinyEmbeddings(), TINY_SETUP, tinyRouter());
    const pool = evaluatePool(base);
    const gamma = pool.methods['uniroute-kmeans']!.gamma;
    for (const lambda of [0, 1 / 54, 0.019, 1 / 48, 0.5, 2 / 3, 1]) {
      const chosen = routeAt(gamma, 3, pool.costs, lambda);
      const want = [0, 0, 0].map((_, h) => chosen.filter((c) => c === h).length);
      expect(Array.from(routeLive(pool, 'uniroute-kmeans', lambda).counts), `lambda ${lambda}`).toEqual(want);
    }
    expect(Array.from(routeLive(pool, 'uniroute-kmeans', 1 / 48).counts)).toEqual([2, 0, 2]);
  });
});
