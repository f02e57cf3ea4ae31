import { describe, expect, it } from 'vitest';
import { fitEmbedder, embedTexts } from '../embed';
import { clusterOf, clusterProbs, predictedErrors, routePrompts } from './route';
import { points, tinyLearnedRouter, tinyRouter } from './tinyRouter.testing';

const chosen = (router = tinyRouter(), x = points([1, 0], [9, 0]), lambda?: number) =>
  routePrompts(router, { embeddings: x }, lambda).map((d) => d.chosen);

describe('routePrompts (UniRoute K-means)', () => {
  it('routes by argmin gamma + lambda * c, worked out by hand', () => {
    // (1,0) is in cluster 0: gamma = [.25, .5, .125]; (9,0) in cluster 1: gamma = [.75, .5, .25].
    // lambda = 0: the lowest gamma, big, in both clusters.
    expect(chosen(undefined, undefined, 0)).toEqual(['big', 'big']);
    // lambda = 1/8: cluster 0: cheap .375, mid .75, big .625 -> cheap;
    //               cluster 1: cheap .875, mid .75, big .75 -> tie mid/big, the cheaper mid wins.
    expect(chosen(undefined, undefined, 0.125)).toEqual(['cheap', 'mid']);
    // lambda = 1: cluster 1: cheap 1.75, mid 2.5, big 4.25 -> cheap.
    expect(chosen(undefined, undefined, 1)).toEqual(['cheap', 'cheap']);
  });

  it('reports gamma, cost and the penalised score of every LLM', () => {
    const [d] = routePrompts(tinyRouter(), { embeddings: points([9, 0]) }, 0.125);
    expect(d.cluster).toBe(1);
    expect(d.perModel).toEqual([
      { name: 'cheap', predictedError: 0.75, cost: 1, penalised: 0.875 },
      { name: 'mid', predictedError: 0.5, cost: 2, penalised: 0.75 },
      { name: 'big', predictedError: 0.25, cost: 4, penalised: 0.75 },
    ]);
  });

  it('breaks a tie between equal costs by the earlier LLM', () => {
    const r = tinyRouter();
    const twin = { ...r.models[1], name: 'mid-twin' };
    // mid-twin after mid: same cost, same Psi -> mid; put first -> mid-twin.
    const pool = [...r.pool, 'mid-twin'];
    expect(chosen({ ...r, models: [...r.models, twin], pool }, points([9, 0]), 0.125)).toEqual(['mid']);
    expect(chosen({ ...r, models: [twin, ...r.models], pool }, points([9, 0]), 0.125)).toEqual(['mid-twin']);
  });

  it("uses the router's default cost penalty", () => {
    expect(chosen(tinyRouter({ costPenalty: 1 }), points([9, 0]))).toEqual(['cheap']);
  });

  it('clusterOf is the nearest centroid (ties to the lower index)', () => {
    expect(Array.from(clusterOf(tinyRouter(), { embeddings: points([4.9, 3], [5.1, -3], [5, 0]) }))).toEqual([0, 1, 0]);
  });

  it('refuses bad input with clear messages', () => {
    const r = tinyRouter();
    expect(() => routePrompts(r, { texts: ['hello'] })).toThrow(/external 2-d embeddings/);
    expect(() => routePrompts(r, { embeddings: { rows: 1, cols: 3, data: new Float32Array(3) } })).toThrow(
      'embeddings have 3 columns but this router expects 2',
    );
    expect(() => routePrompts(r, { embeddings: points([NaN, 0]) })).toThrow('embedding 0 has a non-finite value at column 0');
    expect(() => routePrompts(r, {})).toThrow('give exactly one of texts or embeddings');
    expect(() => routePrompts(r, { embeddings: points([0, 0]) }, -1)).toThrow(/costPenalty/);
  });
});

describe('routePrompts (UniRoute LearnedMap)', () => {
  it('uses Phi = softmax(theta [x, 1])', () => {
    const r = tinyLearnedRouter();
    // theta rows [0,0,0] and [1,0,-5]: at x = (5,0) the logits are [0, 0], Phi = [1/2, 1/2].
    expect(Array.from(clusterProbs(r, { embeddings: points([5, 0]) }))).toEqual([0.5, 0.5]);
    // gamma = Phi . Psi: cheap (.25+.75)/2 = .5, mid .5, big (.125+.25)/2 = .1875.
    expect(Array.from(predictedErrors(r, { embeddings: points([5, 0]) }))).toEqual([0.5, 0.5, 0.1875]);
    // lambda = 0 -> big; lambda = 1/8: cheap .625, mid .75, big .6875 -> cheap.
    expect(chosen(r, points([5, 0]), 0)).toEqual(['big']);
    expect(chosen(r, points([5, 0]), 0.125)).toEqual(['cheap']);
    // x = (5 + ln 3, 0): logits [0, ln 3], Phi = [1/4, 3/4].
    const phi = clusterProbs(r, { embeddings: points([5 + Math.log(3), 0]) });
    expect(phi[0]).toBeCloseTo(0.25, 6);
    expect(phi[1]).toBeCloseTo(0.75, 6);
    // byMap picks the most probable cluster; the default stays the nearest centroid.
    expect(clusterOf(r, { embeddings: points([4, 0]) }, true)[0]).toBe(0);
    expect(clusterOf(r, { embeddings: points([5.5, 0]) }, true)[0]).toBe(1);
    expect(clusterOf(r, { embeddings: points([5.5, 0]) })[0]).toBe(1);
  });
});

describe('routePrompts with the built-in embedder', () => {
  it('embeds texts with the router settings (the same vector as embedTexts)', () => {
    const corpus = ['what is the derivative of x^2', 'write a python function that sorts a list', 'translate hello to french'];
    const settings = fitEmbedder(corpus, { dim: 8, buckets: 256 });
    const x = embedTexts(corpus, settings);
    // Centroids = the first two prompts: each routes to its own cluster.
    const r = tinyRouter({ embedder: settings, centroids: { rows: 2, cols: 8, data: x.data.slice(0, 16) } });
    const fromText = routePrompts(r, { texts: corpus });
    const fromVectors = routePrompts(r, { embeddings: x });
    expect(fromText).toEqual(fromVectors);
    expect(fromText[0].cluster).toBe(0);
    expect(fromText[1].cluster).toBe(1);
  });
});
