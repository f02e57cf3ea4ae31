import { describe, expect, it } from 'vitest';
import { formatIssue, type Result } from '../types';
import { addModel, removeModel } from './models';
import { routePrompts } from './route';
import { parseScoresCsv } from './scores';
import { points, tinyRouter } from './tinyRouter.testing';

const messages = <T>(res: Result<T>): string[] => (res.ok ? [] : res.issues.map(formatIssue));
const allScores = { v1: 1, v2: 1, v3: 0, v4: 0 };

describe('addModel', () => {
  it('computes Psi from the validation prompts alone and routes to the new LLM where it is best', () => {
    // specialist is right on cluster 0 (v1, v2) and wrong on cluster 1 (v3, v4): overall error 1/2,
    // Psi_0 = (0 + 1 * 1/2) / (2 + 1) = 1/6, Psi_1 = (2 + 1/2) / 3 = 5/6 (pseudo-count a = 1).
    const before = tinyRouter();
    const res = addModel(before, { name: 'specialist', cost: 1.5, scores: allScores });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const added = res.data.models[3];
    expect(added.name).toBe('specialist');
    expect(added.addedAfterTraining).toBe(true);
    expect(added.overall).toBe(0.5);
    expect(added.psi[0]).toBeCloseTo(1 / 6, 15);
    expect(added.psi[1]).toBeCloseTo(5 / 6, 15);
    expect(Array.from(added.counts)).toEqual([2, 2]);
    expect(before.models.length).toBe(3); // not mutated
    // It joins the routing pool, and the file records its scores and how it came.
    expect(res.data.pool).toEqual(['cheap', 'mid', 'big', 'specialist']);
    expect(Array.from(added.validationScores!)).toEqual([1, 1, 0, 0]);
    expect(added.added).toEqual({ how: 'validation-only', scoresFile: 'scores', testScores: {} });

    // lambda = 0.05, cluster 0 (1,0): cheap .25+.05 = .3, mid .5+.1 = .6, big .125+.2 = .325,
    // specialist 1/6 + .075 = .2417 -> specialist. Cluster 1 (9,0): cheap .8, mid .6, big .45,
    // specialist 5/6 + .075 = .908 -> big.
    const x = points([1, 0], [0, 2], [9, 0]);
    const route = (r: typeof before) => routePrompts(r, { embeddings: x }, 0.05).map((d) => d.chosen);
    expect(route(before)).toEqual(['cheap', 'cheap', 'big']);
    expect(route(res.data)).toEqual(['specialist', 'specialist', 'big']);

    // removeModel undoes it.
    const removed = removeModel(res.data, 'specialist');
    expect(removed.ok && removed.data).toEqual(before);
    expect(removed.ok && route(removed.data)).toEqual(['cheap', 'cheap', 'big']);
  });

  it('accepts a Map of scores (soft scores in [0, 1])', () => {
    const res = addModel(tinyRouter(), {
      name: 'soft',
      cost: 0,
      scores: new Map([
        ['v1', 0.5],
        ['v2', 0.5],
        ['v3', 0.25],
        ['v4', 0.75],
      ]),
    });
    // errors .5 .5 .75 .25: overall .5; Psi_0 = (1 + .5) / 3 = .5, Psi_1 = (1 + .5) / 3 = .5.
    expect(res.ok && Array.from(res.data.models[3].psi)).toEqual([0.5, 0.5]);
  });

  it('refuses missing prompts, listing some ids and the count', () => {
    expect(messages(addModel(tinyRouter(), { name: 'n', cost: 1, scores: { v2: 1 } }))).toEqual([
      'scores: no score for 3 of 4 validation prompts ("v1", "v3", "v4"): score the new LLM on every prompt that `routelab validation-prompts` lists',
    ]);
    const many = tinyRouter({ validationPrompts: Array.from({ length: 9 }, (_, i) => ({ id: `p${i}`, text: '', cluster: 0 })) });
    expect(messages(addModel(many, { name: 'n', cost: 1, scores: {} }))[0]).toMatch(
      /^scores: no score for 9 of 9 validation prompts \("p0", "p1", "p2", "p3", "p4", \.\.\.\)/,
    );
  });

  it('refuses extra prompt ids and scores that are not numbers in [0, 1], naming the row when known', () => {
    const rows = new Map([
      ['x9', 6],
      ['v3', 4],
    ]);
    const res = addModel(tinyRouter(), { name: 'n', cost: 1, scores: { ...allScores, x9: 1, v3: 1.5 }, source: { file: 's.csv', rows } });
    expect(messages(res)).toEqual([
      's.csv, row 4, column "score": score of "v3" must be a number in [0, 1], got 1.5',
      's.csv, row 6, column "prompt_id": "x9" is not a validation prompt of this router (only its 4 validation prompts are scored)',
    ]);
    const bad = { ...allScores, v1: NaN, v2: '1' as unknown as number };
    expect(messages(addModel(tinyRouter(), { name: 'n', cost: 1, scores: bad }))).toEqual([
      'scores, column "score": score of "v1" must be a number in [0, 1], got NaN',
      'scores, column "score": score of "v2" must be a number in [0, 1], got "1"',
    ]);
  });

  it('refuses a duplicate name, an empty name and a bad cost', () => {
    expect(messages(addModel(tinyRouter(), { name: 'mid', cost: 1, scores: allScores }))).toEqual([
      'scores: an LLM named "mid" is already in the router (remove it first to replace it)',
    ]);
    expect(messages(addModel(tinyRouter(), { name: '  ', cost: -1, scores: allScores }))).toEqual([
      'scores: the new LLM needs a non-empty name',
      'scores: cost must be a finite number >= 0, got -1',
    ]);
    expect(messages(addModel(tinyRouter(), { name: 'n', cost: Infinity, scores: allScores }))).toEqual([
      'scores: cost must be a finite number >= 0, got Infinity',
    ]);
  });
});

describe('removeModel', () => {
  it('refuses an unknown name and the last LLM', () => {
    expect(messages(removeModel(tinyRouter(), 'gpt-9', 'r.json'))).toEqual([
      'r.json: no LLM named "gpt-9" in the router (it has "cheap", "mid", "big")',
    ]);
    const one = tinyRouter({ models: tinyRouter().models.slice(0, 1) });
    expect(messages(removeModel(one, 'cheap', 'r.json'))).toEqual([
      'r.json: "cheap" is the router\'s only LLM: a router needs at least one',
    ]);
    expect(messages(removeModel(tinyRouter({ pool: ['mid'] }), 'mid', 'r.json'))).toEqual([
      'r.json: "mid" is the only LLM of the routing pool: a router routes among at least one',
    ]);
    const outside = removeModel(tinyRouter({ pool: ['mid', 'big'] }), 'cheap');
    expect(outside.ok && outside.data.pool).toEqual(['mid', 'big']);
  });
});

describe('parseScoresCsv', () => {
  it("reads prompt_id,score (quoted fields, extra columns ignored) with each id's row", () => {
    const res = parseScoresCsv('s.csv', 'prompt_id,text,cluster,score\nv1,"a, ""b""\nc",0,1\r\nv2,x,0,0.25\n');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect([...res.data.scores]).toEqual([
      ['v1', 1],
      ['v2', 0.25],
    ]);
    expect(['v1', 'v2', 'v3'].map((id) => res.data.rows.get(id))).toEqual([2, 3, undefined]);
    expect(parseScoresCsv('s.csv', 'prompt_id,correct\nv1,1\n').ok).toBe(true);
  });

  it('refuses bad files naming file, row and column', () => {
    expect(messages(parseScoresCsv('s.csv', ''))).toEqual(['s.csv: file is empty']);
    expect(messages(parseScoresCsv('s.csv', 'id,score\nv1,1\n'))).toEqual([
      's.csv, row 1, column "prompt_id": missing column "prompt_id" (header is "id", "score"; expected prompt_id,score)',
    ]);
    expect(messages(parseScoresCsv('s.csv', 'prompt_id,score\n'))).toEqual(['s.csv, row 2: no scores: the file has a header but no rows']);
    expect(messages(parseScoresCsv('s.csv', 'prompt_id,score\nv1,\nv2,abc\nv3,1.5\nv1,1\n,1\nv4,-0.1\n'))).toEqual([
      's.csv, row 2, column "score": blank score for "v1": every validation prompt needs a score in [0, 1]',
      's.csv, row 3, column "score": score "abc" is not a number',
      's.csv, row 4, column "score": score 1.5 is outside [0, 1]',
      's.csv, row 5, column "prompt_id": duplicate prompt id "v1" (first on row 2)',
      's.csv, row 6, column "prompt_id": blank prompt id',
      's.csv, row 7, column "score": score -0.1 is outside [0, 1]',
    ]);
    expect(messages(parseScoresCsv('s.csv', 'prompt_id,score\nv1,1,2\n'))).toEqual([
      's.csv, row 2: row has 3 fields but the header has 2 (quote fields that contain commas)',
    ]);
  });
});
