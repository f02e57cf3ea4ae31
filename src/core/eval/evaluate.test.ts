import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../demo';
import { createRng } from '../rng';
import type { Dataset } from '../types';
import { cappedGrid } from './chooseK';
import { evaluate, type ResolvedSplit } from './evaluate';
import { splitModels, splitPrompts } from './split';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const demo = generateDemoDataset({ seed: 5, prompts: 500 });
const rng = createRng(1);
const fixedSplit: ResolvedSplit = { prompts: splitPrompts(demo.prompts.length, rng), ...splitModels(demo.models.length, rng) };
const fast = { maxIterations: 30, clusterMap: { epochs: 3 }, kGrid: [2, 4, 8], knnKGrid: [1, 5, 20] };

/** A copy of `ds` whose test-pool LLMs' labels outside S_val are replaced by noise. */
function scrambleTestLabels(ds: Dataset, split: ResolvedSplit): Dataset {
  const M = ds.models.length;
  const scores = ds.scores.slice();
  const noise = createRng(99);
  for (const r of [...split.prompts.train, ...split.prompts.test])
    for (const h of split.testModels) scores[r * M + h] = noise.next() < 0.5 ? 0 : 1;
  return { ...ds, scores };
}

describe('cappedGrid', () => {
  it('caps by the data, deduplicates and sorts', () => {
    expect(cappedGrid([5, 10, 25, 50, 100, 200], 30)).toEqual([5, 10, 25, 30]);
    expect(cappedGrid([10, 5, 5], 100)).toEqual([5, 10]);
  });
});

describe('evaluate: K and k selection', () => {
  it('chooses K and k from the grid and reports them', async () => {
    const report = await evaluate(demo, { ...fast, split: fixedSplit, k: 'auto', knnK: 'auto', methods: ['uniroute-kmeans', 'knn'] });
    expect(fast.kGrid).toContain(report.chosen.k[0]);
    expect(fast.knnKGrid).toContain(report.chosen.knnK[0]);
  });

  it('never looks at test-LLM labels on S_tr or S_te to choose K or k', async () => {
    const options = {
      ...fast,
      split: fixedSplit,
      k: 'auto' as const,
      knnK: 'auto' as const,
      methods: ['uniroute-kmeans' as const, 'knn' as const],
    };
    const a = await evaluate(demo, options);
    const b = await evaluate(scrambleTestLabels(demo, fixedSplit), options);
    expect(b.chosen).toEqual(a.chosen);
    // The scrambled labels do change what is measured on S_te, so the check above can fail.
    expect(b.methods['uniroute-kmeans']!.area).not.toBeCloseTo(a.methods['uniroute-kmeans']!.area, 6);
  });
});

describe('evaluate: trials and methods', () => {
  it('needs a training LLM for the learned map and still reports the other methods', async () => {
    const split: ResolvedSplit = { prompts: fixedSplit.prompts, trainModels: [], testModels: demo.models.map((_, h) => h) };
    const report = await evaluate(demo, { ...fast, split, k: 4 });
    expect(report.methods['uniroute-learnedmap']).toBeUndefined();
    expect(Object.keys(report.methods).sort()).toEqual(['knn', 'oracle', 'uniroute-kmeans', 'zero-router']);
    expect(report.notes.join(' ')).toMatch(/learnedmap needs at least one training LLM/);
  });

  it('averages over seeded trials, and the same seed gives the same report', async () => {
    const opts = { ...fast, k: 4, trials: 2, seed: 7, methods: ['oracle' as const, 'uniroute-kmeans' as const] };
    const a = await evaluate(demo, opts);
    const b = await evaluate(demo, opts);
    expect(b.methods).toEqual(a.methods);
    const t0 = await evaluate(demo, { ...opts, trials: 1, seed: 7 });
    const t1 = await evaluate(demo, { ...opts, trials: 1, seed: 8 });
    const mean = (t0.methods.oracle!.area + t1.methods.oracle!.area) / 2;
    expect(a.methods.oracle!.area).toBeCloseTo(mean, 12);
    expect(a.methods.oracle!.spread.area).toBeCloseTo(Math.abs(t0.methods.oracle!.area - t1.methods.oracle!.area) / Math.SQRT2, 12);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await evaluate(demo, { ...fast, split: fixedSplit, k: 4 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
