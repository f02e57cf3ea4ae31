/**
 * One decision everywhere, in the core: the Routing view's choice for every test prompt
 * (routeLive over the session's pool) equals what the exported router file chooses for that
 * prompt's text (routePrompts, as `routelab route`, the module and the server call it), for every
 * method a file can carry, at several cost penalties, with an LLM added after training.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoNewcomerFor, generateDemoDataset, newcomerScoresFile } from '../demo';
import { splitModels, splitPrompts, type MethodName, type TrialSetup } from '../eval';
import { DEFAULT_K_GRID, DEFAULT_KNN_K_GRID, datasetEmbeddings, runTrial } from '../eval/pipeline';
import { createRng } from '../rng';
import { addModel, datasetHash, exportOperatingPoint, exportRouter, parseRouter, routePrompts, type Router } from '../routerFile';
import type { Dataset } from '../types';
import { addModelFromScores } from './addModel';
import { sessionRouterFromRouter } from './fromRouter';
import { routeLive } from './liveRouting';
import { evaluatePool } from './pool';
import { buildSessionBase } from './session';

async function session(dataset: Dataset) {
  const rng = createRng(4);
  const setup: TrialSetup = { split: splitPrompts(dataset.prompts.length, rng), ...splitModels(dataset.models.length, rng), seed: 4 };
  const { embeddings, settings } = datasetEmbeddings(dataset);
  const trial = await runTrial(dataset, embeddings, setup, {
    k: 6,
    knnK: 10,
    kGrid: DEFAULT_K_GRID,
    knnKGrid: DEFAULT_KNN_K_GRID,
    pseudoCount: 1,
    methods: ['oracle', 'zero-router', 'knn', 'uniroute-kmeans', 'uniroute-learnedmap'],
    qncDenominator: 'max-test-cost',
    clusterMap: { epochs: 5 },
    maxIterations: 30,
  });
  const router = exportRouter(dataset, setup, trial, { method: 'learnedmap', embedder: settings, pseudoCount: 1, createdAt: 'fixed' });
  const sr = sessionRouterFromRouter(router, dataset);
  if (!sr.ok) throw new Error('router does not fit the dataset');
  return { router, base: buildSessionBase(dataset, embeddings, setup, sr.data) };
}

describe('the exported operating point routes like the Routing view', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('every test prompt, four methods, several lambdas, with the demo newcomer added', async () => {
    const dataset = generateDemoDataset({ prompts: 600 });
    const { router: trained, base } = await session(dataset);
    const newcomer = demoNewcomerFor(dataset)!;
    const file = newcomerScoresFile(dataset, newcomer, [...base.valRows]);
    const added = addModelFromScores(
      base,
      trained,
      dataset.prompts.map((p) => p.id),
      { name: newcomer.name, cost: newcomer.cost, file: file.name, text: file.text },
    );
    if (!added.ok) throw new Error(added.issues[0].message);
    const pool = evaluatePool(base, [added.data.model]);
    expect(pool.names[pool.names.length - 1]).toBe(newcomer.name);
    const texts = Array.from(base.testRows, (r) => dataset.prompts[r].text);
    const identity = { name: dataset.name, hash: datasetHash(dataset) };
    const seen = new Set<string>();
    for (const method of ['uniroute-kmeans', 'uniroute-learnedmap', 'knn', 'zero-router'] as MethodName[]) {
      for (const costPenalty of [0, 0.002, 0.006, 0.02, 0.08]) {
        const choice = new Int32Array(pool.n);
        routeLive(pool, method, costPenalty, choice);
        const view = Array.from(choice, (h) => pool.names[h]);
        const point = { costPenalty, pool: pool.names, method, costUnit: dataset.costUnit, dataset: identity };
        const exported = exportOperatingPoint(added.data.router, point);
        if (!exported.ok) throw new Error(exported.issues[0].message);
        // The file as the CLI reads it: parse the text, route at the file's own lambda and pool.
        const loaded = parseRouter(exported.data.text);
        if (!loaded.ok) throw new Error(loaded.issues[0].message);
        expect(loaded.data.pool).toEqual(pool.names);
        expect(loaded.data.costPenalty).toBe(costPenalty);
        const fromFile = routePrompts(loaded.data, { texts }).map((d) => d.chosen);
        expect(fromFile, `${method} at ${costPenalty}`).toEqual(view);
        view.forEach((name) => seen.add(name));
      }
    }
    // The comparison covered the newcomer and most of the pool, not one LLM everywhere.
    expect(seen.has(newcomer.name)).toBe(true);
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('refuses what a file cannot carry, with a reason', async () => {
    const dataset = generateDemoDataset({ prompts: 300 });
    const { router } = await session(dataset);
    const point = {
      costPenalty: 0.01,
      pool: router.pool,
      method: 'uniroute-kmeans' as MethodName,
      costUnit: dataset.costUnit,
      dataset: { name: dataset.name, hash: datasetHash(dataset) },
    };
    const message = (p: Partial<typeof point> & Record<string, unknown>) => {
      const res = exportOperatingPoint(router, { ...point, ...p });
      return res.ok ? 'ok' : res.issues[0].message;
    };
    expect(message({})).toBe('ok');
    expect(message({ method: 'oracle' })).toMatch(/^the oracle is not a router/);
    expect(message({ costPenalty: Infinity })).toBe('the cost penalty must be a finite number >= 0, got Infinity');
    expect(message({ costUnit: 'USD per call' })).toBe(
      `the cost penalty is in "USD per call" but the router's costs are in "${dataset.costUnit}"`,
    );
    expect(message({ dataset: { name: 'routerbench_subset', hash: '0123456789abcdef' } })).toMatch(
      /^the router was trained on other data \(".*", hash [0-9a-f]{16}\), not on the loaded "routerbench_subset" \(hash 0123456789abcdef\)$/,
    );
    expect(message({ pool: ['gpt-9'] })).toBe('the pool names LLMs the router does not have: "gpt-9"');
    expect(message({ pool: [] })).toBe('the routing pool is empty');
    // A router an older session kept (no version-2 fields) still exports, its added LLM as validation-only.
    const added = addModel(router, { name: 'late', cost: 1, scores: Object.fromEntries(router.validationPrompts.map((p) => [p.id, 1])) });
    if (!added.ok) throw new Error('add');
    const stale = {
      ...added.data,
      pool: undefined,
      validationEmbeddings: undefined,
      models: added.data.models.map(({ validationScores: _, added: __, ...h }) => h),
    } as unknown as Router;
    const old = exportOperatingPoint(stale, { ...point, pool: [...router.pool, 'late'] });
    if (!old.ok) throw new Error(old.issues[0].message);
    expect(old.data.router.models.at(-1)!.added).toEqual({ how: 'validation-only', scoresFile: '', testScores: {} });
    expect(old.data.router.pool).toEqual([...router.pool, 'late']);
    const kmeansOnly = { ...router, clusterMap: null, method: 'kmeans' as const };
    expect(exportOperatingPoint(kmeansOnly, { ...point, method: 'uniroute-learnedmap' })).toMatchObject({
      ok: false,
      issues: [{ message: 'this router has no learned map (it was trained with K-means): train with the learned map to export it' }],
    });
  });
});
