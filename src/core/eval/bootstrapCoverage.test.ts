/**
 * Coverage of the bootstrap interval: on a small problem whose population is known exactly (40
 * prompt types with probabilities), draw a test set, bootstrap it, and count how often the 95%
 * interval holds the population's Area. A fixed router, as in eval: only S_te is random.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { asBlocks } from './blocks';
import { bootstrapSync } from './bootstrap';
import { weightedFront, weightedReplay } from './bootstrapReplay';
import { percentileInterval } from './bootstrapSummary';
import { curveMetrics } from './metrics';
import { buildSweep } from './sweep';

const M = 3;
const COSTS = [1, 3, 10];
const TYPES = 40;

function population(seed: number) {
  const rng = createRng(seed);
  const prob = Float64Array.from({ length: TYPES }, () => 0.2 + rng.next());
  const total = prob.reduce((a, b) => a + b, 0);
  prob.forEach((p, t) => (prob[t] = p / total));
  // Pricier LLMs are right more often; the router's gamma is a noisy guess of each type's error.
  const skill = [0.45, 0.65, 0.85];
  const scores = new Float64Array(TYPES * M);
  const gamma = new Float64Array(TYPES * M);
  for (let t = 0; t < TYPES; t++)
    for (let h = 0; h < M; h++) {
      scores[t * M + h] = rng.next() < skill[h] ? 1 : 0;
      gamma[t * M + h] = Math.min(1, Math.max(0, 1 - scores[t * M + h] * 0.6 - skill[h] * 0.3 + 0.3 * (rng.next() - 0.5)));
    }
  return { prob, scores, gamma };
}

/** The population's Area: every type counted with its probability (the same replay and metric code). */
function trueArea(pop: ReturnType<typeof population>): number {
  const sweep = buildSweep(asBlocks(pop.gamma, M), asBlocks(pop.scores, M), TYPES, COSTS, 10);
  const front = weightedFront(weightedReplay(sweep, asBlocks(pop.scores, M), COSTS), pop.prob, 1, 10);
  return curveMetrics(front, { qncTarget: 1, aiqRange: [0.1, 1] }).area;
}

describe('bootstrap interval coverage', () => {
  it('the 95% interval for Area holds the population Area in 95% +- 4% of repeated test sets', () => {
    const pop = population(11);
    const truth = trueArea(pop);
    const rng = createRng(12);
    const cdf = Array.from(pop.prob).map(
      (
        (s) => (p: number) =>
          (s += p)
      )(0),
    );
    const n = 150;
    const repeats = 400;
    let covered = 0;
    for (let r = 0; r < repeats; r++) {
      const scores = new Float64Array(n * M);
      const gamma = new Float64Array(n * M);
      for (let p = 0; p < n; p++) {
        const u = rng.next();
        let t = cdf.findIndex((c) => u < c);
        if (t < 0) t = TYPES - 1;
        scores.set(pop.scores.subarray(t * M, t * M + M), p * M);
        gamma.set(pop.gamma.subarray(t * M, t * M + M), p * M);
      }
      const sweep = buildSweep(asBlocks(gamma, M), asBlocks(scores, M), n, COSTS, 10);
      const draws = bootstrapSync(
        {
          names: ['a', 'b', 'c'],
          costs: COSTS,
          normaliser: 10,
          qncDenominator: 'max-test-cost',
          n,
          scores: asBlocks(scores, M),
          zeroRouterValAccuracy: null,
          sweeps: { 'uniroute-kmeans': sweep },
        },
        { resamples: 200, seed: r, grid: [] },
      );
      const [lo, hi] = percentileInterval(draws.methods['uniroute-kmeans']!.draws.area, 0.95);
      if (lo! <= truth && truth <= hi!) covered++;
    }
    const coverage = covered / repeats;
    expect(coverage).toBeGreaterThanOrEqual(0.91);
    expect(coverage).toBeLessThanOrEqual(0.99);
  });
});
