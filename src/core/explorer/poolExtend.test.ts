/**
 * evaluatePool with the pool before the last LLM joined (the app's add) must give the pool a full
 * evaluation gives, bit for bit: every method's sweep, curve, front, metrics, live index, singles.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import { kmeansGamma, oracleGamma, softGamma } from '../routing/gamma';
import { knnFallback, knnGammaFromNeighbours } from '../routing/knn';
import { computeErrorProfiles, profileOfModel } from '../routing/errorProfile';
import { evaluatePool } from './pool';
import type { AddedModel, SessionBase } from './types';

/** A random session: n test prompts, m LLMs (two of equal cost), k clusters, a learned map and K-NN lists. */
function randomSession(rng: Rng, n: number, m: number, k: number, nVal: number, knnK: number): SessionBase {
  const skill = Float64Array.from({ length: m * k }, () => 0.1 + 0.8 * rng.next());
  const draw = (rows: number) => {
    const clusters = Int32Array.from({ length: rows }, () => rng.int(k));
    const scores = new Float64Array(rows * m);
    for (let p = 0; p < rows; p++) for (let h = 0; h < m; h++) scores[p * m + h] = rng.next() < skill[h * k + clusters[p]] ? 1 : 0;
    return { clusters, scores };
  };
  const test = draw(n);
  const val = draw(nVal);
  const valErrors = val.scores.map((s) => 1 - s);
  const profiles = computeErrorProfiles(val.clusters, valErrors, m, k, 1);
  const testPhi = new Float64Array(n * k);
  for (let p = 0; p < n; p++) {
    let z = 0;
    for (let c = 0; c < k; c++) z += testPhi[p * k + c] = Math.exp((c === test.clusters[p] ? 3 : 0) + rng.normal());
    for (let c = 0; c < k; c++) testPhi[p * k + c] /= z;
  }
  const testNeighbours = Int32Array.from({ length: n * knnK }, () => rng.int(nVal));
  const costs = Array.from({ length: m }, () => Math.round(100 * 10 ** (2 * rng.next())) / 100);
  costs[m - 1] = costs[0];
  const valAccuracy = Array.from({ length: m }, (_, h) => 1 - profiles.overall[h]);
  const zero = new Float64Array(n * m);
  for (let p = 0; p < n; p++) for (let h = 0; h < m; h++) zero[p * m + h] = 1 - valAccuracy[h];
  return {
    k,
    knnK,
    pseudoCount: 1,
    costUnit: 'usd',
    modelNames: Array.from({ length: m }, (_, h) => `llm-${h}`),
    modelCosts: costs,
    trainModels: [],
    testModels: Array.from({ length: m }, (_, h) => h),
    counts: { train: 0, val: nVal, test: n, testScored: n },
    dropped: 0,
    testRows: Int32Array.from({ length: n }, (_, p) => nVal + p),
    valRows: Int32Array.from({ length: nVal }, (_, i) => i),
    valClusters: val.clusters,
    promptClusters: Int32Array.from([...val.clusters, ...test.clusters]),
    testClusters: test.clusters,
    testPhi,
    testNeighbours,
    neighbourCount: knnK,
    profiles,
    testScores: test.scores,
    valAccuracy,
    gammas: {
      oracle: oracleGamma(test.scores),
      'zero-router': zero,
      knn: knnGammaFromNeighbours(testNeighbours, knnK, knnK, valErrors, m, knnFallback(valErrors, m)),
      'uniroute-kmeans': kmeansGamma(test.clusters, profiles),
      'uniroute-learnedmap': softGamma(testPhi, profiles),
    },
    clusters: Array.from({ length: k }, (_, c) => ({ cluster: c, size: 0, valCount: 0, tasks: [] })),
    qncDenominator: 'max-test-cost',
  };
}

/** An unseen LLM: scores on S_val (some missing) and on S_te (all, or some missing: estimated). */
function newcomer(rng: Rng, base: SessionBase, name: string, cost: number, estimated: boolean): AddedModel {
  const nVal = base.valRows.length;
  const n = base.testRows.length;
  const skill = Float64Array.from({ length: base.k }, () => 0.2 + 0.75 * rng.next());
  const valErrors = Float64Array.from({ length: nVal }, (_, i) =>
    rng.next() < 0.05 ? NaN : rng.next() < skill[base.valClusters[i]] ? 0 : 1,
  );
  const testScores = Float64Array.from({ length: n }, (_, p) =>
    estimated && rng.next() < 0.3 ? NaN : rng.next() < skill[base.testClusters[p]] ? 1 : 0,
  );
  const profile = profileOfModel(base.valClusters, valErrors, base.k, base.pseudoCount);
  return { name, cost, profile, valErrors, testScores, estimated: testScores.some(Number.isNaN) };
}

describe('evaluatePool with the pool before the last LLM joined', () => {
  it('equals the full evaluation, adding LLMs one by one (exact and estimated, cheapest, dearest, equal cost)', () => {
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const base = randomSession(rng, 500, 6, 5, 150, 4);
      const costs = base.modelCosts;
      const joining = [
        newcomer(rng, base, 'mid', (Math.min(...costs) + Math.max(...costs)) / 3, false),
        newcomer(rng, base, 'cheapest', Math.min(...costs) / 2, seed !== 1),
        newcomer(rng, base, 'same-cost', costs[2], false),
        newcomer(rng, base, 'dearest', Math.max(...costs) * 1.5, seed === 2),
      ];
      let pool = evaluatePool(base);
      for (let j = 1; j <= joining.length; j++) {
        const added = joining.slice(0, j);
        const extended = evaluatePool(base, added, pool);
        expect(extended, `seed ${seed}, ${added.map((a) => a.name).join(' + ')}`).toEqual(evaluatePool(base, added));
        pool = extended;
      }
    }
  });

  it('ignores a pool that is not the one before (other LLMs or costs) and evaluates in full', () => {
    const rng = createRng(7);
    const base = randomSession(rng, 200, 5, 4, 80, 3);
    const a = newcomer(rng, base, 'a', 1, false);
    const b = newcomer(rng, base, 'b', 2, false);
    const full = evaluatePool(base, [a, b]);
    expect(evaluatePool(base, [a, b], evaluatePool(base, [b]))).toEqual(full);
    expect(evaluatePool(base, [a, b], evaluatePool(base, [{ ...a, cost: 3 }]))).toEqual(full);
    expect(evaluatePool(base, [a, b], evaluatePool(base))).toEqual(full);
  });
});
