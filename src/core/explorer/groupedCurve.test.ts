import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { deferralCurve } from '../eval/curve';
import { groupedDeferralCurve } from './groupedCurve';

/** n prompts in K clusters; gamma rows shared within a cluster (UniRoute K-means), random 0/1 scores. */
function clustered(n: number, m: number, k: number, seed: number) {
  const rng = createRng(seed);
  const psi = Float64Array.from({ length: k * m }, () => Math.round(rng.next() * 20) / 20);
  const groupOf = Int32Array.from({ length: n }, () => rng.int(k));
  const gamma = new Float64Array(n * m);
  for (let p = 0; p < n; p++) for (let h = 0; h < m; h++) gamma[p * m + h] = psi[groupOf[p] * m + h];
  const scores = Float64Array.from({ length: n * m }, () => (rng.next() < 0.6 ? 1 : 0));
  const costs = Array.from({ length: m }, () => Math.round(rng.next() * 100) / 10);
  return { gamma, scores, costs, groupOf };
}

describe('groupedDeferralCurve', () => {
  it('gives the core deferralCurve points (to rounding) with one path per cluster', () => {
    for (const seed of [1, 2, 3]) {
      const { gamma, scores, costs, groupOf } = clustered(500, 7, 6, seed);
      const normaliser = Math.max(...costs);
      const want = deferralCurve(gamma, scores, 7, costs, normaliser);
      const got = groupedDeferralCurve(gamma, scores, 7, costs, normaliser, groupOf, 6);
      expect(got.length).toBe(want.length);
      got.forEach((p, i) => {
        expect(p.cost).toBeCloseTo(want[i].cost, 12);
        expect(p.accuracy).toBeCloseTo(want[i].accuracy, 12);
        expect(p.costPenalty).toBe(want[i].costPenalty);
      });
    }
  });

  it('skips empty groups, refuses a chosen LLM without a score and a bad group id', () => {
    const gamma = Float64Array.from([0.1, 0.5, 0.1, 0.5]);
    // Two prompts of group 1 (group 0 empty); LLM 0 (cost 2) is better, LLM 1 (cost 1) cheaper:
    // switch at lambda = 0.4. Scores: LLM 0 right on both, LLM 1 right on one.
    const curve = groupedDeferralCurve(gamma, Float64Array.from([1, 1, 1, 0]), 2, [2, 1], 2, Int32Array.from([1, 1]), 2);
    expect(curve.map((p) => [p.cost, p.accuracy])).toEqual([
      [1, 1],
      [0.5, 0.5],
    ]);
    expect(curve[1].costPenalty).toBeCloseTo(0.4, 12);
    expect(() => groupedDeferralCurve(gamma, Float64Array.from([NaN, 1, 1, 0]), 2, [2, 1], 2, Int32Array.from([1, 1]), 2)).toThrow(
      'no score for model 0',
    );
    expect(() => groupedDeferralCurve(gamma, Float64Array.from([1, 1, 1, 0]), 2, [2, 1], 2, Int32Array.from([1, 2]), 2)).toThrow(
      'group 2 of prompt 1 is outside [0, 2)',
    );
  });
});
