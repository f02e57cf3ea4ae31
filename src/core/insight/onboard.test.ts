import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../demo';
import { datasetEmbeddings, trialSetup } from '../eval/pipeline';
import { createRng } from '../rng';
import { initTf } from '../tf';
import type { Dataset, Matrix } from '../types';
import { simulateOnboarding } from './onboard';
import { keepLabels, labelOrder, spreadOf, wilsonInterval } from './onboardStats';

describe('onboarding statistics', () => {
  it('label budgets are nested prefixes of one seeded order of the scored prompts', () => {
    const errors = Float64Array.of(1, NaN, 0, 0, 1, NaN, 1);
    const order = labelOrder(errors, createRng(3));
    expect([...order].sort()).toEqual([0, 2, 3, 4, 6]);
    expect(labelOrder(errors, createRng(3))).toEqual(order);
    const two = keepLabels(errors, order, 2);
    expect(Array.from(two).filter((e) => !Number.isNaN(e))).toHaveLength(2);
    expect(two[order[0]]).toBe(errors[order[0]]);
    expect(two[order[1]]).toBe(errors[order[1]]);
    // A budget over the scored prompts keeps them all.
    expect(Array.from(keepLabels(errors, order, 99))).toEqual(Array.from(errors));
  });

  it('Wilson intervals and spreads by hand', () => {
    // 0 of 10: [0, z^2 / (n + z^2)] = [0, 3.8415 / 13.8415].
    const [lo, hi] = wilsonInterval(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(3.841458820694124 / 13.841458820694124, 12);
    const half = wilsonInterval(5, 10);
    expect(half[0] + half[1]).toBeCloseTo(1, 12);
    expect(half[0]).toBeCloseTo(0.2366, 4);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(spreadOf([1, 2, 3, 4, 5])).toEqual({ mean: 3, interval: [1.1, 4.9] });
  });
});

describe('simulateOnboarding on the demo', () => {
  let dataset: Dataset;
  let embeddings: Matrix;
  beforeAll(async () => {
    await initTf({ prefer: ['wasm', 'cpu'] });
    dataset = generateDemoDataset({ prompts: 660 });
    embeddings = datasetEmbeddings(dataset).embeddings;
  });

  it('all labels reproduce the full profile exactly; fewer labels are further from it on average', async () => {
    const report = (await simulateOnboarding(dataset, embeddings, { model: 'coder-7b', labels: [3, 'all'], repeats: 4, seed: 2 }))!;
    expect(report.counts.trainModels).toBe(dataset.models.length - 1);
    expect(report.pool).toHaveLength(dataset.models.length);
    const [few, all] = report.byLabels;
    expect(few).toMatchObject({ labels: 3, n: 3, repeats: 4 });
    expect(all).toMatchObject({ labels: 'all', n: report.counts.valScored, repeats: 1 });
    expect(all.areaGap).toEqual({ mean: 0, meanAbs: 0, interval: [0, 0] });
    expect(all.psi.mean).toEqual(report.full.psi);
    expect(all.curve.accuracy).toEqual(report.full.curve);
    const distance = (psi: number[]) => psi.reduce((s, v, k) => s + Math.abs(v - report.full.psi[k]), 0);
    expect(distance(few.psi.mean)).toBeGreaterThan(0);
    expect(few.areaGap.meanAbs).toBeGreaterThan(0);
    expect(report.within.labels).toBe(few.areaGap.meanAbs <= 0.01 ? 3 : 'all');
    // The Wilson interval of every cluster holds the raw rate behind the shrunk Psi.
    report.full.interval.forEach(([lo, hi]) => expect(lo).toBeLessThanOrEqual(hi));
    expect(report.grid).toHaveLength(report.full.curve.length);
  });

  it("trains without the LLM: its training-prompt labels change nothing, another LLM's do", async () => {
    const options = { model: 'quill-8b', labels: [5], repeats: 2, seed: 1, method: 'learnedmap' as const, k: 'auto' as const };
    const before = (await simulateOnboarding(dataset, embeddings, options))!;
    const { split } = trialSetup(dataset, 1, {});
    const M = dataset.models.length;
    const flip = (name: string): Dataset => {
      const h = dataset.models.findIndex((m) => m.name === name);
      const scores = dataset.scores.slice();
      for (const p of split.train) scores[p * M + h] = 1 - scores[p * M + h];
      return { ...dataset, scores };
    };
    const same = (await simulateOnboarding(flip('quill-8b'), embeddings, options))!;
    expect(same).toEqual(before);
    const other = (await simulateOnboarding(flip('sage-70b'), embeddings, options))!;
    expect(other.full.curve).not.toEqual(before.full.curve);
  });

  it('stops when asked (null) and refuses an unknown LLM', async () => {
    expect(await simulateOnboarding(dataset, embeddings, { model: 'coder-7b', shouldStop: () => true })).toBeNull();
    await expect(simulateOnboarding(dataset, embeddings, { model: 'nobody' })).rejects.toThrow('no LLM named "nobody"');
  });
});
