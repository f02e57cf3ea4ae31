import { describe, expect, it } from 'vitest';
import { exportOperatingPoint, parseRouter, serializeRouter } from '../routerFile';
import { addModelFromScores } from './addModel';
import { addedModelsFromRouter, importedPoint, setupForPool } from './importSession';
import { evaluatePool } from './pool';
import { buildSessionBase } from './session';
import { tinyDataset, tinyEmbeddings, tinyPortableRouter, tinyRouter, TINY_SETUP } from './fixture.test-util';

const IDS = tinyDataset().prompts.map((p) => p.id);
const NAMES = tinyDataset().models.map((h) => h.name);
const VAL_ONLY = 'prompt_id,score\nq2,1\nq3,1\nq4,1\nq5,0\n';
const WITH_TEST = VAL_ONLY + 'q6,1\nq7,0\nq8,1\nq9,1\n';

/** The fixture session with two LLMs added (one with test scores, one without), exported at an operating point. */
function exported() {
  const base = buildSessionBase(tinyDataset(), tinyEmbeddings(), TINY_SETUP, tinyRouter());
  const a = addModelFromScores(base, tinyPortableRouter(), IDS, { name: 'exact', cost: 0.5, file: 'exact.csv', text: WITH_TEST });
  if (!a.ok) throw new Error(a.issues[0].message);
  const b = addModelFromScores(base, a.data.router, IDS, { name: 'guess', cost: 3, file: 'guess.csv', text: VAL_ONLY });
  if (!b.ok) throw new Error(b.issues[0].message);
  const added = [a.data.model, b.data.model];
  const pool = evaluatePool(base, added);
  const res = exportOperatingPoint(b.data.router, {
    costPenalty: 0.04,
    pool: pool.names,
    method: 'knn',
    costUnit: 'usd',
    dataset: { name: 'tiny', hash: '0000000000000000' },
    // K-NN on external embeddings carries the validation prompts' vectors (prompts 2-5: A, B, A, B).
    validationEmbeddings: { rows: 4, cols: 2, data: Float32Array.from([0, 0, 10, 0, 0, 0, 10, 0]) },
  });
  if (!res.ok) throw new Error(res.issues[0].message);
  return { base, added, pool, text: res.data.text };
}

describe('importing a router file restores its session', () => {
  it('gives back lambda, method and pool, and rebuilds every added LLM exactly from the file', () => {
    const { base, added, pool, text } = exported();
    const loaded = parseRouter(text, 'router.json');
    if (!loaded.ok) throw new Error(loaded.issues[0].message);
    expect(importedPoint(loaded.data)).toEqual({ costPenalty: 0.04, method: 'knn', pool: ['cheap', 'strong', 'spec', 'exact', 'guess'] });
    const back = addedModelsFromRouter(loaded.data, base, IDS);
    if (!back.ok) throw new Error(back.issues[0].message);
    expect(back.data).toEqual(added);
    expect(back.data.map((a) => a.estimated)).toEqual([false, true]);
    // The same curves and metrics as before the export, for every method.
    const again = evaluatePool(base, back.data);
    expect(again.names).toEqual(pool.names);
    for (const m of Object.keys(pool.methods) as (keyof typeof pool.methods)[]) {
      expect(again.methods[m]!.metrics).toEqual(pool.methods[m]!.metrics);
      expect(again.methods[m]!.estimated).toBe(pool.methods[m]!.estimated);
    }
  });

  it("takes the file's pool as the session's test pool (dataset LLMs), added LLMs on top", () => {
    const { text } = exported();
    const loaded = parseRouter(text);
    if (!loaded.ok) throw new Error(loaded.issues[0].message);
    expect(setupForPool(TINY_SETUP, loaded.data, NAMES).testModels).toEqual([0, 1, 2]);
    const narrower = { ...loaded.data, pool: ['spec', 'cheap', 'guess'] };
    expect(setupForPool(TINY_SETUP, narrower, NAMES).testModels).toEqual([0, 2]);
    // A version-1 file (no pool: every LLM) or a pool of added LLMs only keeps the unseen test pool.
    expect(setupForPool({ ...TINY_SETUP, testModels: [1] }, loaded.data, NAMES, true).testModels).toEqual([1]);
    expect(setupForPool({ ...TINY_SETUP, testModels: [1] }, { ...loaded.data, pool: ['guess'] }, NAMES).testModels).toEqual([1]);
  });

  it('reads an added LLM without validation scores (a version-1 record) as unscored', () => {
    const { base, text } = exported();
    const loaded = parseRouter(text);
    if (!loaded.ok) throw new Error(loaded.issues[0].message);
    const stripped = {
      ...loaded.data,
      method: 'kmeans' as const,
      models: loaded.data.models.map((h) => ({ ...h, validationScores: null })),
    };
    const back = parseRouter(serializeRouter(stripped));
    if (!back.ok) throw new Error(back.issues[0].message);
    const models = addedModelsFromRouter(back.data, base, IDS);
    if (!models.ok) throw new Error(models.issues[0].message);
    expect(Array.from(models.data[0].valErrors).every(Number.isNaN)).toBe(true);
    expect(Array.from(models.data[0].testScores)).toEqual([1, 0, 1, 1]);
    expect(addedModelsFromRouter({ ...back.data, validationPrompts: [] }, base, IDS)).toMatchObject({
      ok: false,
      issues: [{ message: 'the router has 0 validation prompts, the session 4' }],
    });
  });
});
