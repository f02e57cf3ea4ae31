/**
 * The demo must make routing visibly pay off: checked numerically on the generated scores, with
 * plain per-family arithmetic (no router), for the default seed and two others.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../types';
import { generateDemoDataset } from './generate';

interface Summary {
  singleAccuracy: number[];
  oracleAccuracy: number;
  policyAccuracy: number;
  policyCost: number;
  /** Model index the per-family policy picks, by task. */
  policyPick: Map<string, number>;
}

/** Per-family policy: route each family to its cheapest model within 1 point of the family's best. */
function summarise(ds: Dataset): Summary {
  const M = ds.models.length;
  const N = ds.prompts.length;
  const byTask = new Map<string, number[]>();
  ds.prompts.forEach((p, i) => byTask.set(p.task!, [...(byTask.get(p.task!) ?? []), i]));
  const accuracy = (rows: number[], m: number) => rows.reduce((s, p) => s + ds.scores[p * M + m], 0) / rows.length;
  const all = ds.prompts.map((_, i) => i);

  let policyCorrect = 0;
  let policyCost = 0;
  const policyPick = new Map<string, number>();
  for (const [task, rows] of byTask) {
    const accs = ds.models.map((_, m) => accuracy(rows, m));
    const best = Math.max(...accs);
    let pick = -1;
    for (let m = 0; m < M; m++) {
      if (accs[m] >= best - 0.01 && (pick < 0 || ds.models[m].cost < ds.models[pick].cost)) pick = m;
    }
    policyPick.set(task, pick);
    policyCorrect += accs[pick] * rows.length;
    policyCost += ds.models[pick].cost * rows.length;
  }
  let oracle = 0;
  for (let p = 0; p < N; p++) {
    let any = 0;
    for (let m = 0; m < M; m++) any = Math.max(any, ds.scores[p * M + m]);
    oracle += any;
  }
  return {
    singleAccuracy: ds.models.map((_, m) => accuracy(all, m)),
    oracleAccuracy: oracle / N,
    policyAccuracy: policyCorrect / N,
    policyCost: policyCost / N,
    policyPick,
  };
}

describe('routing pays off on the demo', () => {
  it('summarise is right on a hand-made 4-prompt, 2-family, 3-model dataset', () => {
    // Costs 1, 5, 10. Family a (p0, p1): accuracies 1, 1, 0.5 -> cheapest within 1 pt of 1 is m0.
    // Family b (p2, p3): accuracies 0, 0.5, 1 -> only m2 is within 1 pt of 1.
    // Policy: accuracy (2 * 1 + 2 * 1) / 4 = 1, cost (2 * 1 + 2 * 10) / 4 = 5.5.
    // Oracle: every prompt has a correct model -> 1. Singles: m0 0.5, m1 0.75, m2 0.75.
    const ds: Dataset = {
      name: 't',
      costUnit: '',
      prompts: [
        { id: 'p0', text: '', task: 'a' },
        { id: 'p1', text: '', task: 'a' },
        { id: 'p2', text: '', task: 'b' },
        { id: 'p3', text: '', task: 'b' },
      ],
      models: [
        { name: 'm0', cost: 1 },
        { name: 'm1', cost: 5 },
        { name: 'm2', cost: 10 },
      ],
      scores: new Float64Array([1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1]),
    };
    const s = summarise(ds);
    expect(s.policyAccuracy).toBe(1);
    expect(s.policyCost).toBe(5.5);
    expect(s.oracleAccuracy).toBe(1);
    expect(s.singleAccuracy).toEqual([0.5, 0.75, 0.75]);
    expect(Object.fromEntries(s.policyPick)).toEqual({ a: 0, b: 2 });
  });

  for (const seed of [2025, 1, 2]) {
    it(`seed ${seed}: per-family routing beats the most expensive model at < half its cost; oracle >> best single`, () => {
      const ds = generateDemoDataset({ seed });
      const s = summarise(ds);
      const costs = ds.models.map((m) => m.cost);
      const priciest = costs.indexOf(Math.max(...costs));
      const bestSingle = Math.max(...s.singleAccuracy);

      // The most expensive model is also the best single model (the "just buy the best" baseline).
      expect(s.singleAccuracy[priciest]).toBe(bestSingle);
      expect(s.policyAccuracy).toBeGreaterThanOrEqual(s.singleAccuracy[priciest] - 0.01);
      expect(s.policyCost * 2).toBeLessThan(costs[priciest]);
      expect(s.oracleAccuracy - bestSingle).toBeGreaterThan(0.1);
      // Specialists win families: the policy uses at least 5 different models, and the priciest for none.
      expect(new Set(s.policyPick.values()).size).toBeGreaterThanOrEqual(5);
      expect([...s.policyPick.values()]).not.toContain(priciest);
    });
  }
});

describe('families have distinct vocabulary (what a bag-of-words embedder clusters on)', () => {
  it('nearest-centroid on word counts recovers the family of held-out prompts > 90% of the time', () => {
    const ds = generateDemoDataset();
    const words = (t: string) => t.toLowerCase().match(/[a-z]+/g) ?? [];
    // Train on even rows, test on odd rows; centroids are normalised word-frequency vectors.
    const centroid = new Map<string, Map<string, number>>();
    ds.prompts.forEach((p, i) => {
      if (i % 2) return;
      const c = centroid.get(p.task!) ?? new Map<string, number>();
      for (const w of words(p.text)) c.set(w, (c.get(w) ?? 0) + 1);
      centroid.set(p.task!, c);
    });
    for (const c of centroid.values()) {
      const norm = Math.sqrt([...c.values()].reduce((s, v) => s + v * v, 0));
      for (const [w, v] of c) c.set(w, v / norm);
    }
    let right = 0;
    let tested = 0;
    ds.prompts.forEach((p, i) => {
      if (!(i % 2)) return;
      let best = '';
      let bestScore = -1;
      for (const [task, c] of centroid) {
        const score = words(p.text).reduce((s, w) => s + (c.get(w) ?? 0), 0);
        if (score > bestScore) [best, bestScore] = [task, score];
      }
      tested++;
      if (best === p.task) right++;
    });
    expect(right / tested).toBeGreaterThan(0.9);
  });
});
