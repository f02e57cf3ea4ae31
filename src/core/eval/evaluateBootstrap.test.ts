import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../demo';
import { initTf } from '../tf';
import { datasetEmbeddings, evaluate } from './evaluate';

const dataset = generateDemoDataset({ prompts: 300 });
beforeAll(async () => {
  await initTf({ prefer: ['wasm', 'cpu'] });
});

describe('evaluate with a bootstrap, several trials and Cancel (the worker path)', () => {
  it('reports per-trial values, intervals of the mean and bootstrap progress', async () => {
    const fractions: number[] = [];
    const r = await evaluate(dataset, {
      trials: 2,
      k: 4,
      methods: ['oracle', 'zero-router', 'uniroute-kmeans'],
      bootstrap: { resamples: 30 },
      onProgress: (e) => e.stage === 'bootstrap' && e.fraction !== undefined && fractions.push(e.fraction),
    });
    expect(r.trials).toBe(2);
    expect(r.methods.oracle!.perTrial.area).toHaveLength(2);
    expect(r.methods.oracle!.area).toBeCloseTo((r.methods.oracle!.perTrial.area[0] + r.methods.oracle!.perTrial.area[1]) / 2, 12);
    expect(r.bootstrap).toMatchObject({ trials: 2, resamples: 30, completed: 30 });
    expect(r.comparisons!.map((c) => c.b)).toEqual(['zero-router', 'best-single']);
    expect(fractions.filter((f) => f === 1)).toHaveLength(2);
    expect(r.evidence).toBeUndefined();
  });

  it('given the embeddings already computed (the worker keeps them), N splits do not embed again and report the same', async () => {
    const o = { trials: 2, k: 4, methods: ['oracle', 'zero-router', 'uniroute-kmeans'] as const };
    const stages: string[] = [];
    const fresh = await evaluate(dataset, { ...o, methods: [...o.methods] });
    const reused = await evaluate(dataset, {
      ...o,
      methods: [...o.methods],
      embedded: datasetEmbeddings(dataset),
      onProgress: (e) => stages.push(e.stage),
    });
    expect(stages).not.toContain('embed');
    expect(reused.methods['uniroute-kmeans']!.perTrial.area).toEqual(fresh.methods['uniroute-kmeans']!.perTrial.area);
    expect(reused.embedder).toEqual(fresh.embedder);
  });

  it('Cancel during the second trial reports the first; before any, rejects', async () => {
    let trial = 0;
    const r = await evaluate(dataset, {
      trials: 3,
      k: 4,
      methods: ['oracle', 'uniroute-kmeans'],
      onProgress: (e) => (trial = e.trial),
      shouldStop: () => trial >= 2,
    });
    expect(r.trials).toBe(1);
    expect(r.methods.oracle!.perTrial.area).toHaveLength(1);
    expect(r.notes).toContain('cancelled: 1 of 3 trials finished and reported');
    await expect(evaluate(dataset, { trials: 2, k: 4, methods: ['uniroute-kmeans'], shouldStop: () => true })).rejects.toThrow('cancelled');
  });
});
