/**
 * routePrompts honours the operating point: the pool (or every LLM with allModels), the file's
 * lambda (or an override), and the K-NN and ZeroRouter methods, all worked out by hand on the
 * tiny router (tinyRouter.testing.ts).
 */
import { describe, expect, it } from 'vitest';
import { embedTexts, fitEmbedder } from '../embed';
import { clusterMapProbs, type ClusterMap } from '../routing/clusterMap';
import { knnGamma } from '../routing/knn';
import { routeResponse } from './response';
import { clusterProbs, predictedErrors, routePrompts, routedModels } from './route';
import type { Router } from './schema';
import { points, tinyLearnedRouter, tinyRouter } from './tinyRouter.testing';

const chosen = (r: Router, x: ReturnType<typeof points>, o: Parameters<typeof routePrompts>[2] = {}) =>
  routePrompts(r, { embeddings: x }, o).map((d) => d.chosen);

/** v1..v4 at (0,0), (1,0), (10,0), (9,0); K-NN with k = 2. */
function knnRouter(overrides: Partial<Router> = {}): Router {
  const r = tinyRouter({ method: 'knn', ...overrides });
  return {
    ...r,
    validationEmbeddings: points([0, 0], [1, 0], [10, 0], [9, 0]),
    provenance: { ...r.provenance, knnK: 2 },
  };
}

describe('the routing pool and the operating point', () => {
  it('routes among the pool by default and among every LLM with allModels', () => {
    // Cluster 1 at lambda 0: cheap .75, mid .5, big .25.
    const r = tinyRouter({ pool: ['cheap', 'mid'] });
    expect(chosen(r, points([9, 0]))).toEqual(['mid']);
    expect(chosen(r, points([9, 0]), { allModels: true })).toEqual(['big']);
    const [d] = routePrompts(r, { embeddings: points([9, 0]) });
    expect(d.perModel.map((s) => s.name)).toEqual(['cheap', 'mid']);
    // Pool order does not matter: LLMs are listed in the file's order.
    expect(routedModels(tinyRouter({ pool: ['big', 'cheap'] }))).toEqual([0, 2]);
  });

  it("uses the file's lambda unless overridden (a number is lambda)", () => {
    // Cluster 0 at lambda 1/8: cheap .375, mid .75, big .625; at 0: big .125.
    const r = tinyRouter({ costPenalty: 0.125 });
    expect(chosen(r, points([0, 0]))).toEqual(['cheap']);
    expect(chosen(r, points([0, 0]), { costPenalty: 0 })).toEqual(['big']);
    expect(chosen(r, points([0, 0]), 0)).toEqual(['big']);
    expect(routeResponse(r, { embeddings: points([0, 0]) }).costPenalty).toBe(0.125);
  });

  it('a router object without a pool (kept by an older session) routes among every LLM', () => {
    const r = { ...tinyRouter({ pool: ['cheap'] }), pool: undefined } as unknown as Router;
    expect(chosen(r, points([9, 0]))).toEqual(['big']);
    expect(() => chosen(tinyRouter({ pool: ['gone'] }), points([9, 0]))).toThrow("the routing pool names none of the router's LLMs");
  });
});

describe('K-NN and ZeroRouter in a router file', () => {
  it('K-NN: mean error over the k nearest validation prompts', () => {
    // (9.4, 0): nearest v4 then v3. cheap errors .5, 1 -> .75; mid .5; big .25, .25 -> .25.
    // lambda 1/8: cheap .875, mid .75, big .75 -> tie, the cheaper mid.
    const r = knnRouter();
    expect(Array.from(predictedErrors(r, { embeddings: points([9.4, 0]) }))).toEqual([0.75, 0.5, 0.25]);
    expect(chosen(r, points([9.4, 0]))).toEqual(['big']);
    expect(chosen(r, points([9.4, 0]), 0.125)).toEqual(['mid']);
    // (0.4, 0): v1, v2. cheap 0, .5 -> .25; big 0, .25 -> .125; lambda 1/8: cheap .375 wins.
    expect(chosen(r, points([0.4, 0]), 0.125)).toEqual(['cheap']);
    // The reported cluster is the nearest centroid.
    expect(routePrompts(r, { embeddings: points([9.4, 0], [0.4, 0]) }).map((d) => d.cluster)).toEqual([1, 0]);
  });

  it('K-NN skips unscored neighbours, and falls back to the overall error when none is scored', () => {
    const r = knnRouter();
    const mid = r.models[1];
    const models = [r.models[0], { ...mid, validationScores: Float64Array.from([1, 0, NaN, NaN]) }, r.models[2]];
    // mid at (9.4, 0): v4 and v3 unscored -> its mean error over v1, v2 = (0 + 1) / 2.
    expect(predictedErrors({ ...r, models }, { embeddings: points([9.4, 0]) })[1]).toBe(0.5);
    const some = [r.models[0], { ...mid, validationScores: Float64Array.from([1, 0, 0, NaN]) }, r.models[2]];
    expect(predictedErrors({ ...r, models: some }, { embeddings: points([9.4, 0]) })[1]).toBe(1);
  });

  it('K-NN on the built-in embedder embeds the validation texts like the explorer does', () => {
    const texts = ['Prove that sqrt(2) is irrational.', 'Write a poem about the sea.', 'Integrate x^2 dx.', 'A haiku on rain.'];
    const embedder = fitEmbedder(texts, { dim: 16, buckets: 256 });
    const base = tinyRouter();
    const r: Router = {
      ...base,
      method: 'knn',
      embedder,
      centroids: { rows: 2, cols: 16, data: new Float32Array(32) },
      validationPrompts: base.validationPrompts.map((p, i) => ({ ...p, text: texts[i] })),
      provenance: { ...base.provenance, knnK: 2 },
    };
    const queries = ['Prove that sqrt(5) is irrational.', 'A poem about the rain.'];
    const refErrors = Float64Array.from({ length: 12 }, (_, i) => 1 - r.models[i % 3].validationScores![Math.floor(i / 3)]);
    const want = knnGamma(embedTexts(queries, embedder), embedTexts(texts, embedder), refErrors, 3, 2);
    expect(Array.from(predictedErrors(r, { texts: queries }))).toEqual(Array.from(want));
    // An external embedder without the validation vectors cannot route K-NN.
    expect(() => routePrompts(tinyRouter({ method: 'knn' }), { embeddings: points([0, 0]) })).toThrow(
      "K-NN with an external embedder needs the validation prompts' embeddings, and this router has none",
    );
  });

  it("ZeroRouter: every prompt gets each LLM's overall validation error", () => {
    // overall: cheap .5, mid .5, big .1875. lambda 0 -> big; 1/8: cheap .625, mid .75, big .6875 -> cheap.
    const r = tinyRouter({ method: 'zero-router' });
    expect(Array.from(predictedErrors(r, { embeddings: points([0, 0]) }))).toEqual([0.5, 0.5, 0.1875]);
    expect(chosen(r, points([0, 0], [9, 0]))).toEqual(['big', 'big']);
    expect(chosen(r, points([0, 0], [9, 0]), 0.125)).toEqual(['cheap', 'cheap']);
  });
});

describe("the file's cluster map", () => {
  it("is the trainer's ClusterMap type and gives the trainer's Phi", () => {
    const r = tinyLearnedRouter();
    const map: ClusterMap = r.clusterMap!;
    const x = points([5, 0], [2, 1], [7, -3]);
    expect(Array.from(clusterProbs(r, { embeddings: x }))).toEqual(Array.from(clusterMapProbs(x, map)));
  });
});
