import { describe, expect, it } from 'vitest';
import { formatIssue } from '../types';
import { buildSessionBase } from './session';
import { evaluatePool } from './pool';
import { routeLive } from './liveRouting';
import { explainPrompt } from './explain';
import { addModelFromScores, checkSessionRouter, removeAddedModel } from './addModel';
import { tinyDataset, tinyEmbeddings, tinyPortableRouter, tinyRouter, TINY_SETUP } from './fixture.test-util';

const IDS = tinyDataset().prompts.map((p) => p.id);
// newbie (cost 0.5) on the validation prompts: right on q2, q3, q4, wrong on q5, so overall error
// 0.25 and Psi (a = 1): A = (0 + 0.25) / 3 = 1/12, B = (1 + 0.25) / 3 = 5/12.
const VAL_ONLY = 'prompt_id,score\nq2,1\nq3,1\nq4,1\nq5,0\n';
const WITH_TEST = VAL_ONLY + 'q6,1\nq7,0\nq8,1\nq9,1\n';

function setup() {
  const base = buildSessionBase(tinyDataset(), tinyEmbeddings(), TINY_SETUP, tinyRouter());
  return { base, router: tinyPortableRouter() };
}

function add(text: string, name = 'newbie', cost = 0.5) {
  const { base, router } = setup();
  return { base, router, res: addModelFromScores(base, router, IDS, { name, cost, file: 'newbie.csv', text }) };
}

describe('addModelFromScores', () => {
  it('builds Psi from S_val alone and keeps exact test scores when the file has them', () => {
    const { base, router, res } = add(WITH_TEST);
    expect(checkSessionRouter(base, router, IDS)).toBeNull();
    if (!res.ok) throw new Error(res.issues.map(formatIssue).join('\n'));
    const { model, testScored } = res.data;
    expect(testScored).toBe(4);
    expect(model.estimated).toBe(false);
    expect(model.profile.psi[0]).toBeCloseTo(1 / 12, 12);
    expect(model.profile.psi[1]).toBeCloseTo(5 / 12, 12);
    expect(Array.from(model.profile.counts)).toEqual([2, 2]);
    expect(Array.from(model.testScores)).toEqual([1, 0, 1, 1]);
    expect(res.data.router.models.map((h) => h.name)).toEqual(['cheap', 'strong', 'spec', 'newbie']);
    // The router file records how it joined (every test prompt scored: exact), its scores, and the pool.
    const entry = res.data.router.models[3];
    expect(entry.added).toEqual({ how: 'exact', scoresFile: 'newbie.csv', testScores: { q6: 1, q7: 0, q8: 1, q9: 1 } });
    expect(Array.from(entry.validationScores!)).toEqual([1, 1, 1, 0]);
    expect(res.data.router.pool).toEqual(['cheap', 'strong', 'spec', 'newbie']);
    const pool = evaluatePool(base, [model]);
    expect(pool.names).toEqual(['cheap', 'strong', 'spec', 'newbie']);
    expect(pool.singles[3]).toEqual({ name: 'newbie', cost: 0.05, costRaw: 0.5, accuracy: 0.75, estimated: false });
    // K-means gamma column of newbie: A prompts 1/12, B prompts 5/12.
    const g = pool.methods['uniroute-kmeans']!.gamma;
    expect(g[0 * 4 + 3]).toBeCloseTo(1 / 12, 12);
    expect(g[1 * 4 + 3]).toBeCloseTo(5 / 12, 12);
    // At lambda = 1 newbie wins every prompt (A: 1/12 + 0.5 < cheap 7/6; B: 5/12 + 0.5 < cheap 11/6):
    // accuracy = its true test accuracy 0.75, nothing estimated.
    const live = routeLive(pool, 'uniroute-kmeans', 1);
    expect(Array.from(live.share)).toEqual([0, 0, 0, 1]);
    expect(live.accuracy).toBe(0.75);
    expect(live.estimatedPrompts).toBe(0);
  });

  it('estimates the test accuracy as 1 - gamma when the file scores only validation prompts', () => {
    const { base, res } = add(VAL_ONLY);
    if (!res.ok) throw new Error('expected ok');
    expect(res.data.model.estimated).toBe(true);
    expect(res.data.router.models[3].added).toEqual({ how: 'validation-only', scoresFile: 'newbie.csv', testScores: {} });
    const pool = evaluatePool(base, [res.data.model]);
    // Mean of 1 - gamma over test A, B, A, B = (11/12 + 7/12) / 2 = 0.75.
    expect(pool.singles[3].accuracy).toBeCloseTo(0.75, 12);
    expect(pool.singles[3].estimated).toBe(true);
    expect(pool.methods['uniroute-kmeans']!.estimated).toBe(true);
    expect(pool.methods.oracle!.estimated).toBe(false);
    const live = routeLive(pool, 'uniroute-kmeans', 1);
    expect(live.estimatedPrompts).toBe(4);
    expect(live.accuracy).toBeCloseTo(0.75, 12);
    // The oracle never routes to an unknown cell.
    expect(routeLive(pool, 'oracle', 0).share[3]).toBe(0);
    expect(Number.isNaN(explainPrompt(pool, 'uniroute-kmeans', 0, 1).models[3].trueScore)).toBe(true);
  });

  it('changes the curves, and removing the LLM restores them exactly', () => {
    const { base, router, res } = add(WITH_TEST);
    if (!res.ok) throw new Error('expected ok');
    const before = evaluatePool(base);
    const after = evaluatePool(base, [res.data.model]);
    expect(after.methods['uniroute-kmeans']!.points).not.toEqual(before.methods['uniroute-kmeans']!.points);
    const removed = removeAddedModel([res.data.model], res.data.router, 'newbie');
    if (!removed.ok) throw new Error('expected ok');
    expect(removed.data.added).toEqual([]);
    expect(removed.data.router.models.map((h) => h.name)).toEqual(router.models.map((h) => h.name));
    const restored = evaluatePool(base, removed.data.added);
    for (const method of Object.keys(before.methods) as (keyof typeof before.methods)[]) {
      expect(restored.methods[method]!.points).toEqual(before.methods[method]!.points);
      expect(restored.methods[method]!.metrics).toEqual(before.methods[method]!.metrics);
    }
    expect(removeAddedModel([], router, 'cheap').ok).toBe(false);
  });

  it('reports missing, extra and invalid scores with file, row and column', () => {
    const missing = add('prompt_id,score\nq2,1\nq3,1\n').res;
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.issues.map(formatIssue)[0]).toMatch(/^newbie\.csv: no score for 2 of 4 validation prompts \("q4", "q5"\)/);
    const extra = add(VAL_ONLY + 'q0,1\n').res;
    if (extra.ok) throw new Error('expected an error');
    expect(extra.issues.map(formatIssue)).toEqual([
      'newbie.csv, row 6, column "prompt_id": "q0" is not a validation prompt of this router (only its 4 validation prompts are scored)',
    ]);
    const invalid = add('prompt_id,score\nq2,abc\nq3,1.5\nq4,1\nq5,0\n').res;
    if (invalid.ok) throw new Error('expected an error');
    expect(invalid.issues.map(formatIssue)).toEqual([
      'newbie.csv, row 2, column "score": score "abc" is not a number',
      'newbie.csv, row 3, column "score": score 1.5 is outside [0, 1]',
    ]);
    const taken = add(VAL_ONLY, 'cheap').res;
    if (taken.ok) throw new Error('expected an error');
    expect(taken.issues[0].message).toBe('an LLM named "cheap" is already in the router (remove it first to replace it)');
    const badCost = add(VAL_ONLY, 'x', -1).res;
    if (badCost.ok) throw new Error('expected an error');
    expect(badCost.issues[0].message).toBe('cost must be a finite number >= 0, got -1');
  });
});
