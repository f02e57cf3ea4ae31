import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { generateDemoDataset } from '../demo';
import { splitModels, splitPrompts } from '../eval';
import { datasetEmbeddings, runTrial, type TrialSetup, DEFAULT_K_GRID, DEFAULT_KNN_K_GRID } from '../eval/pipeline';
import { loadDataset } from '../data';
import { readDatasetDir } from '../data/readDir.node';
import { SAMPLE_DIR, itShared, sharedDir } from '../../testing/datasets.node';
import { createRng } from '../rng';
import { exportRouter } from '../routerFile';
import { routeAt, routingSummary } from '../routing/route';
import type { Dataset } from '../types';
import { buildSessionBase } from './session';
import { evaluatePool, POOL_METHODS } from './pool';
import { routeLive } from './liveRouting';
import { reproduceSetup, sessionRouterFromRouter } from './fromRouter';

async function trainSession(dataset: Dataset, method: 'kmeans' | 'learnedmap', k: number) {
  const rng = createRng(3);
  const setup: TrialSetup = { split: splitPrompts(dataset.prompts.length, rng), ...splitModels(dataset.models.length, rng), seed: 3 };
  const { embeddings, settings } = datasetEmbeddings(dataset);
  const methods = [
    'oracle',
    'zero-router',
    'knn',
    'uniroute-kmeans',
    ...(method === 'learnedmap' ? (['uniroute-learnedmap'] as const) : []),
  ] as const;
  const trial = await runTrial(dataset, embeddings, setup, {
    k,
    knnK: 10,
    kGrid: DEFAULT_K_GRID,
    knnKGrid: DEFAULT_KNN_K_GRID,
    pseudoCount: 1,
    methods,
    qncDenominator: 'max-test-cost',
    clusterMap: { epochs: 5 },
    maxIterations: 30,
  });
  const router = exportRouter(dataset, setup, trial, { method, embedder: settings, pseudoCount: 1, createdAt: 'fixed' });
  const sr = sessionRouterFromRouter(router, dataset);
  if (!sr.ok) throw new Error('router does not fit the dataset');
  const base = buildSessionBase(dataset, embeddings, setup, sr.data);
  return { setup, trial, router, base, pool: evaluatePool(base) };
}

describe('a session on the demo dataset', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('reproduces runTrial metrics exactly, and live routing matches the core routeAt + routingSummary', async () => {
    const dataset = generateDemoDataset({ prompts: 600 });
    const { setup, trial, router, base, pool } = await trainSession(dataset, 'learnedmap', 6);
    for (const method of POOL_METHODS) {
      const want = trial.methods[method]!;
      const got = pool.methods[method]!;
      if (method === 'uniroute-kmeans') {
        // One path per cluster (groupedDeferralCurve): the same points, summed in another order.
        expect(got.metrics.area).toBeCloseTo(want.area, 12);
        expect(got.metrics.qnc ?? NaN).toBeCloseTo(want.qnc ?? NaN, 12);
        expect(got.front.length).toBe(want.curve.length);
        got.front.forEach((p, i) => {
          expect(p.cost).toBeCloseTo(want.curve[i][0], 12);
          expect(p.accuracy).toBeCloseTo(want.curve[i][1], 12);
        });
        continue;
      }
      expect(got.metrics.area).toBe(want.area);
      expect(got.metrics.qnc).toBe(want.qnc);
      expect(got.front.map((p) => [p.cost, p.accuracy])).toEqual(want.curve);
    }
    expect(Object.fromEntries(pool.singles.map((s) => [s.name, { cost: s.cost, accuracy: s.accuracy }]))).toEqual(trial.singles);
    const m = pool.names.length;
    for (const lambda of [0, 1e-4, 1e-3, 0.01, 0.1, 1]) {
      const gamma = pool.methods['uniroute-learnedmap']!.gamma;
      const want = routingSummary(routeAt(gamma, m, pool.costs, lambda), base.testScores, m, pool.costs);
      const got = routeLive(pool, 'uniroute-learnedmap', lambda);
      expect(Array.from(got.share)).toEqual(Array.from(want.share));
      expect(got.accuracy).toBeCloseTo(want.accuracy, 12);
      expect(got.meanCost).toBeCloseTo(want.meanCost, 12);
    }
    // Every prompt has a cluster; the cluster sizes add up to the dataset.
    expect(base.clusters.reduce((s, c) => s + c.size, 0)).toBe(600);
    // The router reproduces its own split from the data hash and seed (what a router import relies on).
    const again = reproduceSetup(router, dataset);
    if (!again.ok) throw new Error(again.issues[0].message);
    expect(again.data).toEqual(setup);
    const other = reproduceSetup(router, generateDemoDataset({ prompts: 600, seed: 1 }));
    expect(other.ok).toBe(false);
  });

  /** The session's pool metrics equal runTrial's on the first `n` prompts of a real benchmark. */
  async function reproducesTrial(dir: string, n: number): Promise<void> {
    const loaded = loadDataset(readDatasetDir(dir));
    if (!loaded.ok) throw new Error(loaded.issues[0].message);
    // A prefix keeps the test fast (k-means over the whole set on the cpu backend is slow).
    const full = loaded.data;
    expect(full.prompts.length).toBeGreaterThanOrEqual(n);
    const m = full.models.length;
    const subset: Dataset = { ...full, prompts: full.prompts.slice(0, n), scores: full.scores.slice(0, n * m) };
    const { trial, pool } = await trainSession(subset, 'kmeans', 10);
    for (const method of ['oracle', 'zero-router', 'knn', 'uniroute-kmeans'] as const) {
      expect(pool.methods[method]!.metrics.area).toBeCloseTo(trial.methods[method]!.area, 12);
    }
    // Sanity on real data: the oracle bounds every router.
    expect(pool.methods.oracle!.metrics.area).toBeGreaterThan(pool.methods['uniroute-kmeans']!.metrics.area);
  }

  it('reproduces runTrial on a real benchmark (the in-repo LLMRouter sample, K-means)', () => reproducesTrial(SAMPLE_DIR, 1200));
  itShared('routerdc_7b', 'reproduces runTrial on a real benchmark (first 1,500 prompts of routerdc_7b, K-means)', () =>
    reproducesTrial(sharedDir('routerdc_7b'), 1500),
  );
});
