import { describe, expect, it } from 'vitest';
import { computeErrorProfiles } from './errorProfile';
import { kmeansGamma } from './gamma';
import { routeAt, routingSummary } from './route';

const N = NaN;

// A 2-cluster x 3-LLM UniRoute (K-means) router. LLMs A, B, C with costs 1, 2, 4.
// 8 validation prompts, p0..p3 in cluster 0 and p4..p7 in cluster 1; errors (pseudo-count 0):
//   cluster 0: A 1,1,1,0 (3/4)  B 1,1,0,0 (2/4)  C 1,0,0,0 (1/4)
//   cluster 1: A 1,1,0,0 (2/4)  B 1,0,1,0 (2/4)  C 0,0,0,1 (1/4)
// so Psi(A) = (.75, .5), Psi(B) = (.5, .5), Psi(C) = (.25, .25).
const costs = [1, 2, 4];
const valClusters = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
const valErrors = Float64Array.from([
  1,
  1,
  1,
  /**/ 1,
  1,
  0,
  /**/ 1,
  0,
  0,
  /**/ 0,
  0,
  0, // cluster 0
  1,
  1,
  0,
  /**/ 1,
  0,
  0,
  /**/ 0,
  1,
  0,
  /**/ 0,
  0,
  1, // cluster 1
]);
const profiles = computeErrorProfiles(valClusters, valErrors, 3, 2, 0);
// Two test prompts: x0 in cluster 0, x1 in cluster 1.
const gamma = kmeansGamma(Int32Array.from([0, 1]), profiles);

describe('routeAt on a 2-cluster x 3-LLM router', () => {
  it('has the hand-derived profiles', () => {
    expect(Array.from(profiles.psi)).toEqual([0.75, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  // Cluster 0: A .75 + l, B .5 + 2l, C .25 + 4l -> C on [0, 1/8), B on [1/8, 1/4), A from 1/4
  //   (C = B at l = 1/8, B = A at l = 1/4; C = A at 1/6 is never reached while B is better).
  // Cluster 1: A .5 + l, B .5 + 2l, C .25 + 4l -> C on [0, 1/12), then A (B never: A <= B always).
  it.each([
    [0, [2, 2]],
    [0.08, [2, 2]],
    [0.09, [2, 0]],
    [0.1, [2, 0]],
    [0.125, [1, 0]], // exact tie B = C = .75 in cluster 0 -> the cheaper B
    [0.2, [1, 0]],
    [0.25, [0, 0]], // exact tie A = B = 1.0 -> the cheaper A
    [1, [0, 0]],
    [Infinity, [0, 0]],
  ])('at costPenalty %s routes to %j', (lambda, want) => {
    expect(Array.from(routeAt(gamma, 3, costs, lambda))).toEqual(want);
  });

  it('breaks exact ties by lower cost, then by earlier column', () => {
    // all gammas equal: at 0 the cheapest wins; equal cost and gamma -> earlier column
    const g = Float64Array.from([0.5, 0.5, 0.5]);
    expect(Array.from(routeAt(g, 3, [2, 1, 1], 0))).toEqual([1]);
    expect(Array.from(routeAt(g, 3, [1, 1, 1], 0.3))).toEqual([0]);
    // lambda = infinity: cheapest, ties to the lower gamma, then earlier column
    expect(Array.from(routeAt(Float64Array.from([0.9, 0.4, 0.4, 0.1]), 4, [1, 1, 1, 2], Infinity))).toEqual([1]);
  });

  it('never picks a NaN gamma while another LLM has a number', () => {
    const g = Float64Array.from([N, 0.5, 0.25, /**/ N, N, N]);
    expect(Array.from(routeAt(g, 3, costs, 0))).toEqual([2, 0]); // all NaN -> cheapest
    expect(Array.from(routeAt(g, 3, costs, 10))).toEqual([1, 0]); // B beats C, A has no estimate
    expect(Array.from(routeAt(g, 3, costs, Infinity))).toEqual([1, 0]);
  });

  it('rejects bad penalties and costs', () => {
    expect(() => routeAt(gamma, 3, costs, -1)).toThrow('costPenalty must be >= 0, got -1');
    expect(() => routeAt(gamma, 3, costs, NaN)).toThrow('costPenalty must be >= 0, got NaN');
    expect(() => routeAt(gamma, 3, [1, -2, 3], 0)).toThrow('cost of model 1 must be a finite number >= 0, got -2');
    expect(() => routeAt(gamma, 3, [1, 2], 0)).toThrow('costs has 2 values, expected one per model (3)');
    expect(() => routeAt(gamma, 4, [1, 2, 3, 4], 0)).toThrow('gamma has 6 values, not a multiple of 4 models');
  });
});

describe('routingSummary', () => {
  // test scores: x0 [A 0, B 1, C 1], x1 [A 1, B 0, C 1]
  const scores = Float64Array.from([0, 1, 1, 1, 0, 1]);

  it('gives share, mean cost and accuracy of a routing', () => {
    // at 1/8: x0 -> B (cost 2, score 1), x1 -> A (cost 1, score 1)
    const s = routingSummary(routeAt(gamma, 3, costs, 0.125), scores, 3, costs);
    expect(Array.from(s.share)).toEqual([0.5, 0.5, 0]);
    expect(s.meanCost).toBe(1.5);
    expect(s.accuracy).toBe(1);
    // at 0.1: x0 -> C (4, 1), x1 -> A (1, 1); at 0.3: both A: accuracy (0 + 1) / 2
    expect(routingSummary(routeAt(gamma, 3, costs, 0.1), scores, 3, costs).meanCost).toBe(2.5);
    expect(routingSummary(routeAt(gamma, 3, costs, 0.3), scores, 3, costs).accuracy).toBe(0.5);
  });

  it('refuses a routing to an unscored model and an empty routing is NaN', () => {
    expect(() => routingSummary(Int32Array.from([0, 1]), Float64Array.from([N, 1, 1, 1, 0, 1]), 3, costs)).toThrow(
      'prompt 0 has no score for its chosen model 0',
    );
    const empty = routingSummary(new Int32Array(0), new Float64Array(0), 3, costs);
    expect(empty.meanCost).toBeNaN();
    expect(Array.from(empty.share)).toEqual([0, 0, 0]);
  });
});
