import { describe, expect, it } from 'vitest';
import { asBlocks, buildSweep, type BootstrapEvidence } from '../eval';
import { routingPays } from './paying';

/*
 * Four test prompts, LLMs a (cost 1), b (2), c (4); normalised costs .25, .5, 1.
 * Scores: p0 (1,1,1), p1 (0,1,1), p2 (0,0,1), p3 (1,0,1): accuracies a .5, b .5, c 1.
 * The router's gamma is 1 - score (it knows), so at lambda = 0 each prompt goes to the cheapest
 * right LLM: p0 a, p1 b, p2 c, p3 a: cost (1 + 2 + 4 + 1) / 4 / 4 = .5, accuracy 1.
 */
const scores = Float64Array.of(1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1);
const gamma = scores.map((s) => 1 - s);
const costs = [1, 2, 4];
const evidence: BootstrapEvidence = {
  names: ['a', 'b', 'c'],
  costs,
  normaliser: 4,
  qncDenominator: 'max-test-cost',
  n: 4,
  scores: asBlocks(scores, 3),
  // ZeroRouter's hull on these validation accuracies: a and c (b is as accurate as a and dearer).
  zeroRouterValAccuracy: [0.5, 0.5, 1],
  sweeps: {
    'uniroute-kmeans': buildSweep(asBlocks(gamma, 3), asBlocks(scores, 3), 4, costs, 4),
    oracle: buildSweep(asBlocks(gamma, 3), asBlocks(scores, 3), 4, costs, 4),
  },
};

describe('routingPays', () => {
  it('at lambda = 0: against the best LLM within cost, the cost-matched mix and the oracle, by hand', () => {
    const r = routingPays(evidence, 'uniroute-kmeans', 0, { tasks: ['x', 'x', 'y', undefined], clusters: [1, 0, 1, 0] });
    expect(r.router).toEqual({ cost: 0.5, costRaw: 2, accuracy: 1 });
    // a (.25) and b (.5) both cost no more than .5 and are right half the time: the cheaper a.
    expect(r.bestSingleWithinCost).toEqual({ name: 'a', cost: 0.25, accuracy: 0.5, accuracyGain: 0.5 });
    // ZeroRouter mixes a (.25, .5) and c (1, 1): at .5 it reaches .5 + (.25 / .75) * .5 = 2/3.
    expect(r.zeroRouterAtCost!.accuracy).toBeCloseTo(2 / 3, 12);
    expect(r.zeroRouterAtCost!.accuracyGain).toBeCloseTo(1 / 3, 12);
    expect(r.oracleAtCost).toEqual({ accuracy: 1, gapToOracle: 0 });
    // c's accuracy (1) is first reached at cost .5, half of c's cost.
    expect(r.saving).toMatchObject({ model: 'c', modelCost: 1, modelAccuracy: 1, reachCost: 0.5, value: 0.5, interval: null });
    expect(r.saving.sentence).toBe('saves 50.0% of cost at the accuracy of c');
    expect(r.shares).toEqual([
      { name: 'a', count: 2, share: 0.5 },
      { name: 'b', count: 1, share: 0.25 },
      { name: 'c', count: 1, share: 0.25 },
    ]);
    expect(r.collapse).toEqual({ model: 'a', share: 0.5, warning: false, threshold: 0.9, reason: null, advice: null });
    expect(r.byTask).toEqual({
      groups: ['(no task)', 'x', 'y'],
      counts: [
        [1, 0, 0],
        [1, 1, 0],
        [0, 0, 1],
      ],
    });
    expect(r.byCluster).toEqual({
      groups: [0, 1],
      counts: [
        [1, 1, 0],
        [1, 0, 1],
      ],
    });
  });

  it('at a huge lambda everything goes to a: collapse is flagged, the interval is quoted', () => {
    const r = routingPays(evidence, 'uniroute-kmeans', 1e9, { savingInterval: [0.25, null] });
    expect(r.router).toEqual({ cost: 0.25, costRaw: 1, accuracy: 0.5 });
    expect(r.bestSingleWithinCost).toMatchObject({ name: 'a', accuracyGain: 0 });
    expect(r.collapse).toMatchObject({ model: 'a', share: 1, warning: true, threshold: 0.9, reason: 'cheapest' });
    expect(r.collapse.advice).toContain('Lower λ');
    expect(r.saving.sentence).toBe('saves 50.0% of cost at the accuracy of c (95% interval 25.0% to not reached)');
    expect(r.byTask).toBeNull();
  });

  it('says why routing collapsed: onto the most accurate LLM, onto another, onto one both cheapest and most accurate', () => {
    // gamma 0 for one LLM and 0.5 for the others: at lambda = 0 every prompt goes to it.
    const onto = (h: number) => Float64Array.from({ length: 12 }, (_, i) => (i % 3 === h ? 0 : 0.5));
    const e = (g: Float64Array, s = scores) => ({
      ...evidence,
      scores: asBlocks(s, 3),
      sweeps: { knn: buildSweep(asBlocks(g, 3), asBlocks(s, 3), 4, costs, 4) },
    });
    const toC = routingPays(e(onto(2)), 'knn', 0).collapse;
    expect(toC).toMatchObject({ model: 'c', warning: true, reason: 'most-accurate' });
    expect(toC.advice).toContain('Raise λ');
    expect(routingPays(e(onto(1)), 'knn', 0).collapse).toMatchObject({ model: 'b', reason: 'other' });
    // a right on every prompt: the cheapest LLM is also the most accurate.
    const aBest = Float64Array.of(1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0);
    const both = routingPays(e(onto(0), aBest), 'knn', 0).collapse;
    expect(both).toMatchObject({ model: 'a', reason: 'cheapest-and-most-accurate' });
    expect(both.advice).toContain('put other LLMs in the test pool');
  });

  it('says when the curve never reaches the best LLM, and refuses a method it has no sweep for', () => {
    const blind = Float64Array.of(0.5, 0.1, 0.9, 0.5, 0.1, 0.9, 0.5, 0.1, 0.9, 0.5, 0.1, 0.9);
    const e = { ...evidence, sweeps: { knn: buildSweep(asBlocks(blind, 3), asBlocks(scores, 3), 4, costs, 4) } };
    const r = routingPays(e, 'knn', 0);
    expect(r.saving).toMatchObject({ reachCost: null, value: null, sentence: 'does not reach the accuracy of c (1.0000)' });
    expect(r.oracleAtCost).toBeNull();
    expect(() => routingPays(e, 'uniroute-kmeans', 0)).toThrow('no uniroute-kmeans sweep');
  });
});
