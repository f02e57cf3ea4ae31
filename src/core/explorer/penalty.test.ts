import { describe, expect, it } from 'vitest';
import { addModelFromScores } from './addModel';
import { buildSessionBase } from './session';
import { evaluatePool } from './pool';
import { defaultPenalty, defaultPenaltyNote, penaltyRange, penaltyWithUnit, zeroPenaltyNote } from './penalty';
import { tinyDataset, tinyEmbeddings, tinyPortableRouter, tinyRouter, TINY_SETUP } from './fixture.test-util';

const IDS = tinyDataset().prompts.map((p) => p.id);

function tinyPool(testModels = TINY_SETUP.testModels) {
  const base = buildSessionBase(tinyDataset(), tinyEmbeddings(), { ...TINY_SETUP, testModels }, tinyRouter());
  return { base, pool: evaluatePool(base) };
}

describe('the default cost penalty, computed on the session', () => {
  it('is the cheapest routing that matches the most accurate pool LLM (the QNC point)', () => {
    // K-means curve of the fixture: (1.0, 1) from 0, (0.55, 1) from 1/54, (0.15, 1) from 1/48, (0.1, 0.5) from 2/3.
    // strong (accuracy 1) is matched at cost 0.15 for lambda in [1/48, 2/3): the default is their geometric mean.
    const { pool } = tinyPool();
    const d = defaultPenalty(pool, 'uniroute-kmeans')!;
    expect(d.reached).toBe(true);
    expect(d.best.name).toBe('strong');
    expect(d.costPenalty).toBeCloseTo(Math.sqrt(1 / 72), 12);
    expect(d.choice.point.cost).toBeCloseTo(0.15, 12);
    // At that lambda A prompts go to cheap (cost 1), B prompts to spec (cost 2): mean 1.5, 15% of strong's 10.
    expect(defaultPenaltyNote(pool, 'uniroute-kmeans', d.costPenalty, 'usd')).toBe(
      'λ = 0.118 is the cheapest routing that matches strong, the most accurate LLM of the pool (accuracy 100.0%): ' +
        "accuracy 100.0%, mean cost per prompt 1.5 usd, 15% of strong's. It follows the pool, the LLMs and the router until you move it.",
    );
  });

  it('follows the pool: an added LLM changes the default and the note', () => {
    const { base, pool } = tinyPool();
    // "ace" is right on every validation and test prompt at cost 0.5: it matches strong alone, at 5% of its cost.
    const text =
      'prompt_id,score\n' +
      IDS.slice(2)
        .map((id) => `${id},1`)
        .join('\n') +
      '\n';
    const res = addModelFromScores(base, tinyPortableRouter(), IDS, { name: 'ace', cost: 0.5, file: 'ace.csv', text });
    if (!res.ok) throw new Error(res.issues[0].message);
    const withAce = evaluatePool(base, [res.data.model]);
    const before = defaultPenalty(pool, 'uniroute-kmeans')!;
    const after = defaultPenalty(withAce, 'uniroute-kmeans')!;
    expect(after.costPenalty).not.toBe(before.costPenalty);
    const note = defaultPenaltyNote(withAce, 'uniroute-kmeans', after.costPenalty, 'usd')!;
    expect(note).toContain('mean cost per prompt 0.5 usd, 5% of strong');
  });

  it('falls back to the most accurate routing when the curve never matches the best LLM', () => {
    // Pool strong + "liar" (right on every validation prompt, so gamma 0 like strong, wrong on every test
    // prompt, cost 5): the tie goes to the cheaper liar at every lambda, so the router never reaches strong's 1.
    const { base } = tinyPool([1]);
    const text = 'prompt_id,score\nq2,1\nq3,1\nq4,1\nq5,1\nq6,0\nq7,0\nq8,0\nq9,0\n';
    const res = addModelFromScores(base, tinyPortableRouter(), IDS, { name: 'liar', cost: 5, file: 'liar.csv', text });
    if (!res.ok) throw new Error(res.issues[0].message);
    const pool = evaluatePool(base, [res.data.model]);
    const d = defaultPenalty(pool, 'uniroute-kmeans')!;
    expect(d.reached).toBe(false);
    expect(d.best.name).toBe('strong');
    expect(d.costPenalty).toBe(0);
    expect(defaultPenaltyNote(pool, 'uniroute-kmeans', 0, 'usd')).toMatch(
      /^λ = 0 is the most accurate routing of this router \(it never matches strong, the most accurate LLM of the pool at 100\.0%\): accuracy 0\.0%/,
    );
    expect(defaultPenalty(pool, 'uniroute-learnedmap')).toBeNull(); // not evaluated: no learned map
  });
});

describe('what the Home key (lambda = 0) gives', () => {
  it('says lambda = 0 is the lowest predicted error, and names a more accurate lambda when gamma misleads', () => {
    const { pool } = tinyPool();
    expect(zeroPenaltyNote(pool, 'uniroute-kmeans', 'usd')).toBe(
      'Home sets λ = 0: each prompt goes to the LLM with the lowest predicted error, whatever it costs (accuracy 100.0%, mean cost per prompt 10 usd).',
    );
    // "liar" is right on every validation prompt (gamma 0) and wrong on every test prompt, at cost 5:
    // lambda = 0 sends everything to it (accuracy 0); above 1/18 cheap takes A and spec takes B (accuracy 1).
    const { base } = tinyPool([0, 2]);
    const text = 'prompt_id,score\nq2,1\nq3,1\nq4,1\nq5,1\nq6,0\nq7,0\nq8,0\nq9,0\n';
    const res = addModelFromScores(base, tinyPortableRouter(), IDS, { name: 'liar', cost: 5, file: 'liar.csv', text });
    if (!res.ok) throw new Error(res.issues[0].message);
    const note = zeroPenaltyNote(evaluatePool(base, [res.data.model]), 'uniroute-kmeans', 'usd')!;
    expect(note).toMatch(/^Home sets λ = 0: .*\(accuracy 0\.0%, mean cost per prompt 5 usd\)\. That is not the most accurate routing/);
    expect(note).toMatch(/gives 100\.0% at 1\.5 usd\.$/);
  });
});

describe('the slider range', () => {
  it('spans the breakpoints by half a decade either side, in whole decades', () => {
    expect(penaltyRange([{ costPenalty: 0 }, { costPenalty: 1 / 54 }, { costPenalty: 2 / 3 }])).toEqual({ min: 0.001, max: 10 });
    // USD per call: breakpoints near 100-10000.
    expect(penaltyRange([{ costPenalty: 0 }, { costPenalty: 120 }, { costPenalty: 9000 }])).toEqual({ min: 10, max: 100000 });
    expect(penaltyRange([])).toEqual({ min: 1e-4, max: 10 });
  });

  it('always holds the current lambda, so the thumb sits where the label says; its own ends never widen it', () => {
    const points = [{ costPenalty: 0 }, { costPenalty: 120 }, { costPenalty: 9000 }];
    expect(penaltyRange(points, 0.00604)).toEqual({ min: 0.001, max: 100000 });
    expect(penaltyRange(points, 3e6)).toEqual({ min: 10, max: 1e7 });
    expect(penaltyRange(points, 100000)).toEqual({ min: 10, max: 100000 });
    expect(penaltyRange(points, 10)).toEqual({ min: 10, max: 100000 });
  });

  it('names the cost unit lambda multiplies', () => {
    expect(penaltyWithUnit(0.00604, 'USD per 1K calls')).toBe('λ = 0.00604 with costs in USD per 1K calls');
    expect(penaltyWithUnit(0, '')).toBe('λ = 0 (the data gives no cost unit)');
  });
});
