/**
 * A synthetic explorer session at the targets' size (10,000 test prompts x 50 test LLMs, K = 50,
 * K-NN k = 10) built straight from typed arrays (no training), for timing the session maths
 * (evaluatePool, routeLive, adding an unseen LLM) in Node and in the bench page alike.
 */
import type { AddedModel, SessionBase } from '../src/core/explorer';
import { createRng } from '../src/core/rng';
import { kmeansGamma, oracleGamma, softGamma } from '../src/core/routing/gamma';
import { knnFallback, knnGammaFromNeighbours } from '../src/core/routing/knn';

export interface SessionProblem {
  base: SessionBase;
  /** An unseen LLM scored on every validation and test prompt (exact test accuracy). */
  added: AddedModel;
}

/** Seeded session: cluster skills per LLM, costs spread over two decades, 0/1 scores drawn from them. */
export function sessionProblem(nTest = 10_000, m = 50, k = 50, nVal = 3_334, knnK = 10, seed = 5): SessionProblem {
  const rng = createRng(seed);
  // Per (LLM, cluster) error rates; pricier LLMs are better on average.
  const costs = Array.from({ length: m + 1 }, (_, h) => 0.01 * 100 ** (h / m) * (0.8 + 0.4 * rng.next()));
  const skill = Float64Array.from({ length: (m + 1) * k }, (_, i) =>
    Math.min(0.95, Math.max(0.02, 0.55 - 0.3 * (Math.floor(i / k) / m) + 0.35 * (rng.next() - 0.5))),
  );
  const draw = (rows: number) => {
    const clusters = Int32Array.from({ length: rows }, () => rng.int(k));
    const scores = new Float64Array(rows * (m + 1));
    for (let p = 0; p < rows; p++) for (let h = 0; h <= m; h++) scores[p * (m + 1) + h] = rng.next() < skill[h * k + clusters[p]] ? 0 : 1;
    return { clusters, scores };
  };
  const test = draw(nTest);
  const val = draw(nVal);
  const column = (s: Float64Array, rows: number, h: number) => Float64Array.from({ length: rows }, (_, p) => s[p * (m + 1) + h]);
  const block = (s: Float64Array, rows: number) => {
    const out = new Float64Array(rows * m);
    for (let p = 0; p < rows; p++) out.set(s.subarray(p * (m + 1), p * (m + 1) + m), p * m);
    return out;
  };
  const testScores = block(test.scores, nTest);
  const valErrors = block(val.scores, nVal).map((s) => 1 - s);
  // Psi from the validation prompts with pseudo-count 1 (what computeErrorProfiles does).
  const profileOf = (errors: (i: number) => number) => {
    const sum = new Float64Array(k);
    const cnt = new Int32Array(k);
    let all = 0;
    for (let i = 0; i < nVal; i++) {
      sum[val.clusters[i]] += errors(i);
      cnt[val.clusters[i]]++;
      all += errors(i);
    }
    const overall = all / nVal;
    return { psi: Float64Array.from(sum, (s, c) => (s + overall) / (cnt[c] + 1)), counts: cnt, overall };
  };
  const psi = new Float64Array(m * k);
  const counts = new Int32Array(m * k);
  const overall = new Float64Array(m);
  for (let h = 0; h < m; h++) {
    const pr = profileOf((i) => valErrors[i * m + h]);
    psi.set(pr.psi, h * k);
    counts.set(pr.counts, h * k);
    overall[h] = pr.overall;
  }
  const profiles = { k, m, psi, counts, overall };
  // Learned map Phi: a softmax peaked on the prompt's cluster.
  const testPhi = new Float64Array(nTest * k);
  for (let p = 0; p < nTest; p++) {
    let z = 0;
    for (let c = 0; c < k; c++) z += testPhi[p * k + c] = Math.exp((c === test.clusters[p] ? 4 : 0) + rng.normal());
    for (let c = 0; c < k; c++) testPhi[p * k + c] /= z;
  }
  // K-NN: neighbours drawn among validation prompts of the same cluster (or any, 1 in 5).
  const byCluster = Array.from({ length: k }, () => [] as number[]);
  val.clusters.forEach((c, i) => byCluster[c].push(i));
  const testNeighbours = new Int32Array(nTest * knnK);
  for (let p = 0; p < nTest; p++) {
    const own = byCluster[test.clusters[p]];
    for (let j = 0; j < knnK; j++)
      testNeighbours[p * knnK + j] = own.length > 0 && rng.next() < 0.8 ? own[rng.int(own.length)] : rng.int(nVal);
  }
  const valAccuracy = Array.from({ length: m }, (_, h) => 1 - overall[h]);
  const zero = new Float64Array(nTest * m);
  for (let p = 0; p < nTest; p++) for (let h = 0; h < m; h++) zero[p * m + h] = 1 - valAccuracy[h];
  const names = Array.from({ length: m + 1 }, (_, h) => `llm-${h}`);
  const base: SessionBase = {
    k,
    knnK,
    pseudoCount: 1,
    costUnit: 'usd',
    modelNames: names.slice(0, m),
    modelCosts: costs.slice(0, m),
    trainModels: [],
    testModels: Array.from({ length: m }, (_, h) => h),
    counts: { train: 0, val: nVal, test: nTest, testScored: nTest },
    dropped: 0,
    testRows: Int32Array.from({ length: nTest }, (_, p) => nVal + p),
    valRows: Int32Array.from({ length: nVal }, (_, i) => i),
    valClusters: val.clusters,
    promptClusters: Int32Array.from([...val.clusters, ...test.clusters]),
    testClusters: test.clusters,
    testPhi,
    testNeighbours,
    neighbourCount: knnK,
    profiles,
    testScores,
    valAccuracy,
    gammas: {
      oracle: oracleGamma(testScores),
      'zero-router': zero,
      knn: knnGammaFromNeighbours(testNeighbours, knnK, knnK, valErrors, m, knnFallback(valErrors, m)),
      'uniroute-kmeans': kmeansGamma(test.clusters, profiles),
      'uniroute-learnedmap': softGamma(testPhi, profiles),
    },
    clusters: Array.from({ length: k }, (_, c) => ({ cluster: c, size: 0, valCount: 0, tasks: [] })),
    qncDenominator: 'max-test-cost',
  };
  const newValErrors = Float64Array.from({ length: nVal }, (_, i) => 1 - val.scores[i * (m + 1) + m]);
  const pr = profileOf((i) => newValErrors[i]);
  const added: AddedModel = {
    name: names[m],
    cost: costs[m] * 0.3,
    profile: { psi: pr.psi, counts: pr.counts, overall: pr.overall },
    valErrors: newValErrors,
    testScores: column(test.scores, nTest, m),
    estimated: false,
  };
  return { base, added };
}
