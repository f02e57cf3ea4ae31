/** The fields version 2 added (docs/router-file.md): the pool, validation scores, how an LLM was added, and what each method needs. */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../types';
import { addModel } from './models';
import { parseRouter } from './parse';
import type { Router } from './schema';
import { serializeRouter } from './serialize';
import { tinyRouter } from './tinyRouter.testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function refusals(mutate: (j: Json) => void, base: Router = tinyRouter()): string[] {
  const j = JSON.parse(serializeRouter(base));
  mutate(j);
  const res = parseRouter(JSON.stringify(j), 'r.json');
  if (res.ok) throw new Error('expected a refusal');
  return res.issues.map(formatIssue);
}

/** The tiny router with "spec" added after training from the validation scores [0, 1, 1, 0]. */
function withAdded(): Router {
  const res = addModel(tinyRouter({ pool: ['cheap', 'mid'] }), {
    name: 'spec',
    cost: 0.5,
    scores: { v1: 0, v2: 1, v3: 1, v4: 0 },
    source: { file: 'spec-scores.csv' },
    how: 'exact',
    testScores: { t1: 1, t2: 0.5 },
  });
  if (!res.ok) throw new Error('add failed');
  return res.data;
}

describe('version 2 fields', () => {
  it('round-trips the pool, validation scores (null = not scored), validation vectors and the record of an added LLM', () => {
    const base = withAdded();
    base.models[1].validationScores![2] = NaN;
    const router: Router = {
      ...base,
      method: 'knn',
      validationEmbeddings: { rows: 4, cols: 2, data: Float32Array.from([0, 0, 1, 0, 10, 0, 9, 0]) },
    };
    const text = serializeRouter(router);
    expect(JSON.parse(text).models[1].validationScores).toEqual([0.5, 0.5, null, 0.5]);
    expect(JSON.parse(text).pool).toEqual(['cheap', 'mid', 'spec']);
    expect(JSON.parse(text).models[3].added).toEqual({ how: 'exact', scoresFile: 'spec-scores.csv', testScores: { t1: 1, t2: 0.5 } });
    const res = parseRouter(text);
    expect(res.ok && res.data).toEqual(router);
    expect(res.ok && res.warnings).toEqual([]);
  });

  it('refuses a bad pool', () => {
    expect(refusals((j) => delete j.pool)).toEqual(['r.json: pool: missing']);
    expect(refusals((j) => (j.pool = []))).toEqual(['r.json: pool: the routing pool needs at least one LLM']);
    expect(refusals((j) => (j.pool = ['cheap', 'gpt-9', 'cheap', 3]))).toEqual([
      'r.json: pool[1]: "gpt-9" is not one of the file\'s LLMs (models[].name)',
      'r.json: pool[2]: "cheap" is listed twice',
      'r.json: pool[3]: expected an LLM name, got 3',
    ]);
  });

  it('refuses bad validation scores and added records', () => {
    expect(refusals((j) => delete j.models[0].validationScores)).toEqual([
      'r.json: models[0].validationScores: missing (null when unknown)',
    ]);
    expect(refusals((j) => (j.models[0].validationScores = [1, 0.5, 0]))).toEqual([
      'r.json: models[0].validationScores: has 3 entries, expected 4',
    ]);
    expect(refusals((j) => (j.models[0].validationScores[1] = 1.5))).toEqual([
      'r.json: models[0].validationScores[1]: expected a score in [0, 1] or null (not scored), got 1.5',
    ]);
    expect(refusals((j) => delete j.models[0].added)).toEqual(['r.json: models[0].added: missing (null for an LLM of the training data)']);
    expect(refusals((j) => (j.models[0].added = { how: 'exact', scoresFile: 'x.csv', testScores: {} }))).toEqual([
      'r.json: models[0].added: addedAfterTraining is false, so "added" must be null',
    ]);
    expect(refusals((j) => (j.models[3].added = null), withAdded())).toEqual([
      'r.json: models[3].added: addedAfterTraining is true, so "added" must say how it was added ({"how", "scoresFile", "testScores"})',
    ]);
    expect(
      refusals((j) => {
        j.models[3].added.how = 'guessed';
        j.models[3].added.testScores = { v2: 1, t9: 'x' };
      }, withAdded()),
    ).toEqual([
      'r.json: models[3].added.how: expected "exact" or "validation-only", got "guessed"',
      'r.json: models[3].added.testScores.v2: "v2" is a validation prompt: its score belongs in validationScores',
      'r.json: models[3].added.testScores.t9: expected a score in [0, 1], got "x"',
    ]);
  });

  it('refuses what a method cannot route with', () => {
    const vectors = [
      [0, 0],
      [1, 0],
      [10, 0],
      [9, 0],
    ];
    expect(
      refusals((j) => {
        j.method = 'knn';
        j.validationEmbeddings = vectors;
        j.models[1].validationScores = null;
      }),
    ).toEqual(['r.json: models[1].validationScores: method "knn" needs the validation scores of every pool LLM, and "mid" has none']);
    // The tiny router's embedder is external: K-NN cannot embed the validation texts itself.
    expect(refusals((j) => (j.method = 'knn'))).toEqual([
      'r.json: validationEmbeddings: method "knn" with an external embedder needs the validation prompts\' embeddings (RouteLab cannot embed their text)',
    ]);
    expect(refusals((j) => (j.validationEmbeddings = [[0, 0]]))).toEqual(['r.json: validationEmbeddings: has 1 entries, expected 4']);
    // Not in the pool: K-NN never needs its scores.
    const j = JSON.parse(serializeRouter(tinyRouter({ method: 'knn', pool: ['cheap', 'big'] })));
    j.validationEmbeddings = vectors;
    j.models[1].validationScores = null;
    expect(parseRouter(JSON.stringify(j)).ok).toBe(true);
  });
});
