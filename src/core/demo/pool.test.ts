/**
 * The demo's default test pool and held-out newcomer: identification of the demo, the newcomer's
 * scores (deterministic, not in the dataset, excellent on its two families), its scores file, and
 * a full session on the default pool where UniRoute clearly beats ZeroRouter and K-NN.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../types';
import { createRng } from '../rng';
import { splitPrompts } from '../eval';
import { datasetEmbeddings, runTrial, type TrialSetup, DEFAULT_K_GRID, DEFAULT_KNN_K_GRID } from '../eval/pipeline';
import { exportRouter } from '../routerFile';
import { addModelFromScores, evaluatePool, routeLive, sessionRouterFromRouter } from '../explorer';
import { buildSessionBase } from '../explorer/session';
import { generateDemoDataset, generateDemoDetailed, generateDemoLatent } from './generate';
import { DEMO_MODELS, DEMO_NEWCOMER } from './models';
import { DEMO_TEST_POOL, defaultTestPool, demoNewcomerFor, isDemoDataset, newcomerScoresFile } from './pool';

const demo = generateDemoDetailed();
const M = demo.dataset.models.length;

/** Mean of `score(i)` over the prompts of `task`. */
function familyAccuracy(ds: Dataset, task: string, score: (i: number) => number): number {
  let s = 0;
  let n = 0;
  ds.prompts.forEach((p, i) => {
    if (p.task !== task) return;
    s += score(i);
    n++;
  });
  return s / n;
}

describe('isDemoDataset and defaultTestPool', () => {
  it('recognise the demo (any size or seed) and nothing else', () => {
    expect(isDemoDataset(demo.dataset)).toBe(true);
    expect(isDemoDataset(generateDemoDataset({ prompts: 50, seed: 4 }))).toBe(true);
    expect(isDemoDataset({ ...demo.dataset, name: 'my benchmark' })).toBe(false);
    expect(isDemoDataset({ ...demo.dataset, models: demo.dataset.models.map((h, j) => (j === 3 ? { ...h, cost: 9 } : h)) })).toBe(false);
    expect(isDemoDataset({ ...demo.dataset, models: demo.dataset.models.slice(1) })).toBe(false);
    expect(defaultTestPool(demo.dataset)).toEqual([...DEMO_TEST_POOL]);
    expect(defaultTestPool({ ...demo.dataset, name: 'other' })).toEqual([]);
  });

  it('the default pool holds specialists and the priciest LLM, and leaves training LLMs for the learned map', () => {
    const names = DEMO_MODELS.map((m) => m.name);
    for (const n of DEMO_TEST_POOL) expect(names).toContain(n);
    const priciest = DEMO_MODELS.reduce((a, b) => (b.cost > a.cost ? b : a));
    expect(DEMO_TEST_POOL).toContain(priciest.name);
    // A specialist: some family skill at least 3 logits above its base.
    const specialists = DEMO_MODELS.filter((m) => DEMO_TEST_POOL.includes(m.name) && Object.values(m.skills).some((s) => s - m.base >= 3));
    expect(specialists.length).toBeGreaterThanOrEqual(4);
    expect(names.length - DEMO_TEST_POOL.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the held-out newcomer', () => {
  it('is not one of the dataset LLMs, is cheap, and scores every prompt 0/1', () => {
    expect(demo.dataset.models.map((h) => h.name)).not.toContain(DEMO_NEWCOMER.name);
    expect(demo.newcomer.name).toBe(DEMO_NEWCOMER.name);
    expect(demo.newcomer.cost).toBe(DEMO_NEWCOMER.cost);
    expect(demo.newcomer.cost).toBeLessThan(Math.min(...DEMO_TEST_POOL.map((n) => DEMO_MODELS.find((m) => m.name === n)!.cost)));
    expect(demo.newcomer.strengths).toEqual(['science', 'medical-legal']);
    expect(demo.newcomer.scores).toHaveLength(demo.dataset.prompts.length);
    for (const s of demo.newcomer.scores) expect(s === 0 || s === 1).toBe(true);
  });

  it('beats every test-pool LLM on its two families and is weak elsewhere', () => {
    for (const task of demo.newcomer.strengths) {
      const mine = familyAccuracy(demo.dataset, task, (i) => demo.newcomer.scores[i]);
      expect(mine).toBeGreaterThan(0.8);
      for (const name of DEMO_TEST_POOL) {
        const h = demo.dataset.models.findIndex((m) => m.name === name);
        expect(mine).toBeGreaterThan(familyAccuracy(demo.dataset, task, (i) => demo.dataset.scores[i * M + h]) + 0.08);
      }
    }
    expect(familyAccuracy(demo.dataset, 'code', (i) => demo.newcomer.scores[i])).toBeLessThan(0.5);
  });

  it('the text-free replay gives the same ids, tasks, scores and newcomer', () => {
    const latent = generateDemoLatent();
    expect(latent.dataset.prompts.map((p) => [p.id, p.task])).toEqual(demo.dataset.prompts.map((p) => [p.id, p.task]));
    expect(latent.dataset.prompts.every((p) => p.text === '')).toBe(true);
    expect(latent.dataset.scores).toEqual(demo.dataset.scores);
    expect(latent.newcomer).toEqual(demo.newcomer);
    expect(latent.difficulty).toEqual(demo.difficulty);
  });

  it('demoNewcomerFor finds it for a default-seed demo of any size, and refuses anything else', () => {
    expect(demoNewcomerFor(demo.dataset)).toEqual(demo.newcomer);
    const small = generateDemoDetailed({ prompts: 40 });
    expect(demoNewcomerFor(small.dataset)).toEqual(small.newcomer);
    // Another seed, one flipped score, or another dataset: no newcomer (its scores would not belong).
    expect(demoNewcomerFor(generateDemoDataset({ prompts: 40, seed: 3 }))).toBeNull();
    const flipped = Float64Array.from(small.dataset.scores);
    flipped[5] = 1 - flipped[5];
    expect(demoNewcomerFor({ ...small.dataset, scores: flipped })).toBeNull();
    expect(demoNewcomerFor({ ...small.dataset, name: 'x' })).toBeNull();
  });

  it('newcomerScoresFile writes prompt_id,score for the given rows, in order', () => {
    const small = generateDemoDetailed({ prompts: 11 });
    const s = small.newcomer.scores;
    const file = newcomerScoresFile(small.dataset, small.newcomer, [3, 0]);
    expect(file.name).toBe('lexica-3b-scores.csv');
    expect(file.text).toBe(`prompt_id,score\ndemo-0004,${s[3]}\ndemo-0001,${s[0]}\n`);
  });
});

describe('a session on the default demo pool (seed 0, K = 10, cpu)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('UniRoute clearly beats ZeroRouter and K-NN on Area and QNC; the newcomer improves the curves', async () => {
    const ds = demo.dataset;
    // The worker's trainingSetup: the seeded prompt split, then the demo's fixed pool.
    const split = splitPrompts(ds.prompts.length, createRng(0));
    const testModels = DEMO_TEST_POOL.map((n) => ds.models.findIndex((h) => h.name === n)).sort((a, b) => a - b);
    const setup: TrialSetup = {
      split,
      testModels,
      trainModels: ds.models.map((_, j) => j).filter((j) => !testModels.includes(j)),
      seed: 0,
    };
    const { embeddings, settings } = datasetEmbeddings(ds);
    const trial = await runTrial(ds, embeddings, setup, {
      k: 10,
      knnK: 10,
      kGrid: DEFAULT_K_GRID,
      knnKGrid: DEFAULT_KNN_K_GRID,
      pseudoCount: 1,
      methods: ['oracle', 'zero-router', 'knn', 'uniroute-kmeans', 'uniroute-learnedmap'],
      qncDenominator: 'max-test-cost',
      clusterMap: { epochs: 50 },
      maxIterations: 50,
    });
    const m = trial.methods;
    const qnc = (q: number | null | undefined) => (q === null || q === undefined || !Number.isFinite(q) ? Infinity : q);
    for (const uni of [m['uniroute-kmeans']!, m['uniroute-learnedmap']!]) {
      expect(uni.area).toBeGreaterThan(m.knn!.area + 0.01);
      expect(uni.area).toBeGreaterThan(m['zero-router']!.area + 0.1);
      // Matches the most accurate test LLM at well under half its cost; K-NN needs more (or never does).
      expect(qnc(uni.qnc)).toBeLessThan(0.4);
      expect(qnc(uni.qnc)).toBeLessThan(qnc(m.knn!.qnc));
      expect(qnc(uni.qnc)).toBeLessThan(qnc(m['zero-router']!.qnc));
    }

    // Adding the newcomer with validation + test scores: exact, better curves, a share of the routing.
    const router = exportRouter(ds, setup, trial, { method: 'learnedmap', embedder: settings, pseudoCount: 1, createdAt: 'fixed' });
    const sr = sessionRouterFromRouter(router, ds);
    if (!sr.ok) throw new Error(sr.issues[0].message);
    const base = buildSessionBase(ds, embeddings, setup, sr.data);
    const file = newcomerScoresFile(ds, demo.newcomer, [...base.valRows, ...base.testRows]);
    const added = addModelFromScores(
      base,
      router,
      ds.prompts.map((p) => p.id),
      { name: demo.newcomer.name, cost: demo.newcomer.cost, file: file.name, text: file.text },
    );
    if (!added.ok) throw new Error(added.issues[0].message);
    expect(added.data.model.estimated).toBe(false);
    const before = evaluatePool(base);
    const after = evaluatePool(base, [added.data.model]);
    for (const method of ['uniroute-kmeans', 'uniroute-learnedmap'] as const) {
      expect(after.methods[method]!.estimated).toBe(false);
      expect(after.methods[method]!.metrics.area).toBeGreaterThan(before.methods[method]!.metrics.area);
      expect(qnc(after.methods[method]!.metrics.qnc)).toBeLessThan(qnc(before.methods[method]!.metrics.qnc));
    }
    const shares = [1e-3, 3e-3, 1e-2].map((lambda) => routeLive(after, 'uniroute-learnedmap', lambda).share[after.names.length - 1]);
    expect(Math.max(...shares)).toBeGreaterThan(0.05);
  });
});
