import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignNearest } from '../cluster';
import { DEMO_TEST_POOL, generateDemoDataset, isDemoDataset } from '../demo';
import { loadDataset } from '../data';
import { readDatasetDir } from '../data/readDir.node';
import { embedTexts } from '../embed';
import { SAMPLE_DIR, itShared, sharedDir } from '../../testing/datasets.node';
import { splitModels, splitPrompts } from '../eval';
import { createRng } from '../rng';
import type { Dataset } from '../types';
import { parseRouter } from './parse';
import { clusterOf, routePrompts } from './route';
import type { Router } from './schema';
import { serializeRouter } from './serialize';
import { trainRouter, trainSetup } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Trains, checking that no tensor outlives the call. */
async function train(dataset: Dataset, options: Parameters<typeof trainRouter>[1]): Promise<Router> {
  const before = tf.memory().numTensors;
  const router = await trainRouter(dataset, { createdAt: '2025-01-01T00:00:00.000Z', ...options });
  expect(tf.memory().numTensors).toBe(before);
  return router;
}

/** The seeded split trainRouter uses (the first trial of `routelab eval --seed`); on the demo, its fixed test pool. */
function seededSplit(dataset: Dataset, seed: number) {
  const rng = createRng(seed);
  const split = splitPrompts(dataset.prompts.length, rng);
  const drawn = splitModels(dataset.models.length, rng);
  if (!isDemoDataset(dataset)) return { split, ...drawn };
  const testModels = dataset.models.flatMap((h, j) => (DEMO_TEST_POOL.includes(h.name) ? [j] : []));
  return { split, testModels, trainModels: dataset.models.flatMap((_, j) => (testModels.includes(j) ? [] : [j])) };
}

/** Serialise -> parse -> every test prompt routes to the same LLM, with the same numbers, at several lambdas. */
function expectRoundTrip(router: Router, texts: string[]): void {
  const parsed = parseRouter(serializeRouter(router));
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.data).toEqual(router);
  expect(routePrompts(parsed.data, { texts })).toEqual(routePrompts(router, { texts }));
  const x = embedTexts(texts, parsed.data.embedder);
  const maxCost = Math.max(...router.models.map((h) => h.cost));
  for (const lambda of [0.1 / maxCost, 1 / maxCost, 10 / maxCost]) {
    const chosen = routePrompts(router, { embeddings: x }, lambda);
    expect(routePrompts(parsed.data, { embeddings: x }, lambda)).toEqual(chosen);
  }
}

describe('trainSetup: the split and the test pool of a training run', () => {
  const demo = generateDemoDataset({ prompts: 110 });
  const names = (idx: number[]) => idx.map((h) => demo.models[h].name);

  it('on the demo with no pool named: the fixed DEMO_TEST_POOL, with the seeded prompt split', () => {
    const setup = trainSetup(demo, { seed: 4 });
    expect(names(setup.testModels).sort()).toEqual([...DEMO_TEST_POOL].sort());
    expect(names(setup.trainModels).sort()).toEqual(
      demo.models
        .map((h) => h.name)
        .filter((n) => !DEMO_TEST_POOL.includes(n))
        .sort(),
    );
    expect(setup.split).toEqual(splitPrompts(110, createRng(4)));
    expect(setup.seed).toBe(4);
  });

  it('on other data with no pool named: the seeded third of the LLMs, as in `routelab eval`', () => {
    const other = { ...demo, name: 'my benchmark' };
    const rng = createRng(4);
    const split = splitPrompts(110, rng, { train: 0.5, val: 0.2, test: 0.3 });
    expect(trainSetup(other, { seed: 4, fractions: { train: 0.5, val: 0.2, test: 0.3 } })).toEqual({
      split,
      ...splitModels(demo.models.length, rng),
      seed: 4,
    });
  });

  it('named LLMs win on any dataset, in column order; unknown names are refused', () => {
    const setup = trainSetup(demo, { testModels: ['sage-70b', 'pico-chat'] });
    expect(names(setup.testModels)).toEqual(['pico-chat', 'sage-70b']);
    expect(setup.trainModels).toHaveLength(demo.models.length - 2);
    expect(() => trainSetup(demo, { testModels: ['nope', 'pico-chat', 'gpt-9'] })).toThrow(
      'the test pool names LLMs the dataset does not have: nope, gpt-9',
    );
  });
});

describe('trainRouter on the synthetic demo dataset', () => {
  const dataset = generateDemoDataset({ prompts: 300 });
  const seed = 3;

  it('UniRoute (K-means): every LLM, Psi from S_val, provenance, and an exact round trip', async () => {
    const router = await train(dataset, { method: 'kmeans', k: 4, seed });
    const { split, trainModels, testModels } = seededSplit(dataset, seed);
    expect(router.method).toBe('kmeans');
    expect(router.centroids.rows).toBe(4);
    expect(router.clusterMap).toBeNull();
    expect(router.models.map((h) => h.name)).toEqual(dataset.models.map((h) => h.name));
    expect(router.models.every((h) => !h.addedAfterTraining)).toBe(true);
    expect(router.validationPrompts.map((p) => p.id)).toEqual(split.val.map((i) => dataset.prompts[i].id));
    expect(router.provenance.split).toEqual({
      train: 180,
      val: 30,
      test: 90,
      trainModels: trainModels.map((h) => dataset.models[h].name),
      testModels: testModels.map((h) => dataset.models[h].name),
    });
    expect(router.provenance.dataHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(router.provenance.metricsAtTraining).sort()).toEqual(['knn', 'oracle', 'uniroute-kmeans', 'zero-router']);

    // The validation prompts' clusters are their nearest centroids, and the counts behind Psi add up.
    const valX = embedTexts(
      router.validationPrompts.map((p) => p.text),
      router.embedder,
    );
    expect(Array.from(clusterOf(router, { embeddings: valX }))).toEqual(router.validationPrompts.map((p) => p.cluster));
    for (let h = 0; h < router.models.length; h++) {
      const scored = split.val.filter((i) => !Number.isNaN(dataset.scores[i * dataset.models.length + h])).length;
      expect(router.models[h].counts.reduce((a, b) => a + b, 0)).toBe(scored);
    }

    // The router's clusters are the pipeline's assignNearest on the test prompts.
    const testTexts = split.test.map((i) => dataset.prompts[i].text);
    const testX = embedTexts(testTexts, router.embedder);
    expect(Array.from(clusterOf(router, { embeddings: testX }))).toEqual(Array.from(assignNearest(testX, router.centroids)));
    // The routing pool is the unseen test pool; every LLM's validation scores are the dataset's.
    expect(router.pool).toEqual(testModels.map((h) => dataset.models[h].name));
    router.models.forEach((h, j) => {
      expect(h.added).toBeNull();
      expect(Array.from(h.validationScores!)).toEqual(split.val.map((i) => dataset.scores[i * dataset.models.length + j]));
    });
    // gamma(x, h) = Psi_{k(x)}(h) exactly.
    const d = routePrompts(router, { texts: testTexts.slice(0, 5) }, { allModels: true });
    d.forEach((decision) => decision.perModel.forEach((s, h) => expect(s.predictedError).toBe(router.models[h].psi[decision.cluster])));

    expectRoundTrip(router, testTexts);
  });

  it('is deterministic for a seed', async () => {
    const a = await train(dataset, { method: 'kmeans', k: 3, seed: 5 });
    const b = await train(dataset, { method: 'kmeans', k: 3, seed: 5 });
    expect(serializeRouter(a)).toBe(serializeRouter(b));
  });

  it('UniRoute (LearnedMap): theta K x (D+1) and an exact round trip', async () => {
    const router = await train(dataset, { method: 'learnedmap', k: 3, seed, clusterMap: { epochs: 3 } });
    expect(router.method).toBe('learnedmap');
    expect(router.clusterMap?.theta.length).toBe(3 * (router.centroids.cols + 1));
    expect(router.provenance.metricsAtTraining['uniroute-learnedmap']).toBeDefined();
    const { split } = seededSplit(dataset, seed);
    const texts = split.test.map((i) => dataset.prompts[i].text);
    expectRoundTrip(router, texts);
    const sums = routePrompts(router, { texts: texts.slice(0, 3) }).map((dec) => dec.perModel[0].predictedError);
    sums.forEach((g) => expect(g).toBeGreaterThan(0));
  });

  it('refuses learnedmap without a training LLM', async () => {
    const one: Dataset = {
      ...dataset,
      models: dataset.models.slice(0, 1),
      scores: dataset.scores.filter((_, i) => i % dataset.models.length === 0),
    };
    await expect(trainRouter(one, { method: 'learnedmap', k: 3, seed })).rejects.toThrow(
      'method learnedmap needs at least one training LLM with labels, and this split has none (1 LLM, all in the test pool): use --method kmeans or more LLMs',
    );
  });
});

/** Trains on a real dataset folder; every test prompt routes to the same LLM after serialise -> parse. */
async function realRoundTrip(dir: string, models: number, validation: number): Promise<void> {
  const loaded = loadDataset(readDatasetDir(dir));
  if (!loaded.ok) throw new Error(loaded.issues[0].message);
  const dataset = loaded.data;
  const router = await train(dataset, { method: 'kmeans', k: 5, seed: 0 });
  expect(router.models.length).toBe(models);
  expect(router.validationPrompts.length).toBe(validation);
  const { split } = seededSplit(dataset, 0);
  const texts = split.test.map((i) => dataset.prompts[i].text);
  expectRoundTrip(router, texts);
  // The router's clusters match the pipeline's assignNearest on the test prompts' embeddings.
  const x = embedTexts(texts, router.embedder);
  expect(Array.from(clusterOf(router, { embeddings: x }))).toEqual(Array.from(assignNearest(x, router.centroids)));
}

describe('trainRouter on real data', () => {
  const title = 'round trip: every test prompt routes to the same LLM after serialise -> parse';
  it(`${title} (in-repo LLMRouter sample)`, () => realRoundTrip(SAMPLE_DIR, 9, 120));
  itShared('routerbench_subset', `${title} (RouterBench)`, () => realRoundTrip(sharedDir('routerbench_subset'), 11, 315));
});
