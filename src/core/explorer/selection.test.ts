import { describe, expect, it } from 'vitest';
import { NO_TASK, promptSearchIndex, searchPrompts, selectionSummary } from './selection';
import { buildSessionBase } from './session';
import { evaluatePool } from './pool';
import { clusterCategories, correctnessCategories, routedCategories, splitCategories, taskCategories } from './mapCategories';
import { tinyDataset, tinyEmbeddings, tinyRouter, TINY_SETUP } from './fixture.test-util';
import type { Dataset } from '../types';

describe('selection summary', () => {
  // tinyDataset: even prompts are task alpha (cheap right, spec wrong), odd ones beta (the reverse); strong always right.
  it('counts the task mix and each LLM’s accuracy over the selected prompts', () => {
    const s = selectionSummary(tinyDataset(), [0, 2, 3]);
    expect(s.count).toBe(3);
    expect(s.tasks).toEqual([
      { task: 'alpha', count: 2 },
      { task: 'beta', count: 1 },
    ]);
    expect(s.models).toEqual([
      { name: 'cheap', accuracy: 2 / 3, scored: 3 },
      { name: 'strong', accuracy: 1, scored: 3 },
      { name: 'spec', accuracy: 1 / 3, scored: 3 },
    ]);
  });

  it('skips blank scores, names prompts without a task, and shows NaN for an LLM with no score in the selection', () => {
    const d: Dataset = { ...tinyDataset(), scores: Float64Array.from(tinyDataset().scores) };
    d.prompts = d.prompts.map((p, i) => (i === 1 ? { id: p.id, text: p.text } : p));
    d.scores[1 * 3 + 0] = NaN; // cheap on prompt 1
    d.scores[1 * 3 + 2] = NaN; // spec on prompt 1
    d.scores[3 * 3 + 2] = NaN; // spec on prompt 3
    const s = selectionSummary(d, [1, 3]);
    expect(s.tasks).toEqual([
      { task: NO_TASK, count: 1 },
      { task: 'beta', count: 1 },
    ]);
    expect(s.models[0]).toEqual({ name: 'cheap', accuracy: 0, scored: 1 });
    expect(s.models[2].scored).toBe(0);
    expect(s.models[2].accuracy).toBeNaN();
    expect(selectionSummary(d, []).models[1]).toMatchObject({ scored: 0 });
  });

  it('refuses a row outside the dataset', () => {
    expect(() => selectionSummary(tinyDataset(), [10])).toThrow(/prompt row 10 is outside the dataset \(0..9\)/);
  });
});

describe('text search', () => {
  const d = tinyDataset();
  d.prompts[4] = { ...d.prompts[4], text: 'Ｐrove that <b>x</b> is PRIME' };
  const index = promptSearchIndex(d);

  it('matches case-insensitively and after NFKC folding, trimmed; empty matches nothing', () => {
    expect(Array.from(searchPrompts(index, 'prove'))).toEqual([4]);
    expect(Array.from(searchPrompts(index, '  prime '))).toEqual([4]);
    expect(Array.from(searchPrompts(index, '<B>X</B>'))).toEqual([4]);
    expect(Array.from(searchPrompts(index, 'prompt 1'))).toEqual([1]);
    expect(searchPrompts(index, 'prompt').length).toBe(9);
    expect(searchPrompts(index, '   ').length).toBe(0);
  });
});

describe('map colourings', () => {
  const d = tinyDataset();
  const base = buildSessionBase(d, tinyEmbeddings(), TINY_SETUP, tinyRouter());

  it('by cluster, task and split', () => {
    const c = clusterCategories(base, (k) => `#${k}!`);
    expect(Array.from(c.category)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(c.labels).toEqual(['#0!', '#1!']);
    expect(c.counts).toEqual([5, 5]);
    const t = taskCategories(d);
    expect(t.labels).toEqual(['alpha', 'beta']);
    expect(t.counts).toEqual([5, 5]);
    const s = splitCategories(10, TINY_SETUP, base);
    expect(Array.from(s.category)).toEqual([0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(s.none.count).toBe(0);
  });

  it('by the correctness of one LLM, blank scores left grey', () => {
    const copy: Dataset = { ...d, scores: Float64Array.from(d.scores) };
    copy.scores[0 * 3 + 2] = 0.5;
    copy.scores[3 * 3 + 2] = NaN;
    const c = correctnessCategories(copy, 2);
    expect(Array.from(c.category)).toEqual([1, 0, 2, -1, 2, 0, 2, 0, 2, 0]);
    expect(c.none).toEqual({ count: 1, label: 'not scored' });
    expect(() => correctnessCategories(copy, 3)).toThrow(/LLM column 3 is outside the dataset/);
  });

  it('by the routed LLM at lambda, as worked out by hand in the fixture (test prompts only)', () => {
    const pool = evaluatePool(base);
    // Between 1/54 and 1/48: A prompts (even) go to cheap, B prompts (odd) to strong.
    const r = routedCategories(10, base, pool, 'uniroute-kmeans', 0.02);
    const name = (c: number) => (c < 0 ? null : r.labels[c]);
    expect(Array.from(r.category, name)).toEqual([null, null, null, null, null, null, 'cheap', 'strong', 'cheap', 'strong']);
    // From 2/3 on everything is cheap; at 0 the strong LLM takes every prompt.
    expect(Array.from(routedCategories(10, base, pool, 'uniroute-kmeans', 1).category.subarray(6), name)).toEqual([
      'cheap',
      'cheap',
      'cheap',
      'cheap',
    ]);
    expect(Array.from(routedCategories(10, base, pool, 'uniroute-kmeans', 0).category.subarray(6), name)).toEqual([
      'strong',
      'strong',
      'strong',
      'strong',
    ]);
    expect(r.none.count).toBe(6);
  });
});
