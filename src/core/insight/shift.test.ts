import { describe, expect, it } from 'vitest';
import { tinyPortableRouter } from '../explorer/fixture.test-util';
import type { Router } from '../routerFile';
import { parsePromptList } from './promptList';
import { shiftPreview } from './shift';

/*
 * The hand-worked router of the explorer fixture: centroids A (0,0) and B (10,0), two validation
 * prompts in each; Psi cheap (cost 1) A 1/6, B 5/6; strong (10) 0, 0; spec (2) A 5/6, B 1/6.
 * At lambda = 1/30 a prompt of A goes to cheap (1/6 + 1/30 < 1/3 < 5/6 + 2/30), one of B to spec.
 */
const embeddings = (points: number[][]) => ({ rows: points.length, cols: 2, data: Float32Array.from(points.flat()) });

describe('shiftPreview', () => {
  it('K-means: mix, total variation, predicted shares, cost and accuracy, low-evidence clusters, by hand', () => {
    const router = tinyPortableRouter();
    const s = shiftPreview(
      router,
      {
        embeddings: embeddings([
          [9, 1],
          [11, 0],
          [10, -2],
          [1, 0],
        ]),
      },
      1 / 30,
    );
    expect(s.mix).toEqual([
      { cluster: 0, validation: 0.5, production: 0.25, validationPrompts: 2, productionPrompts: 1 },
      { cluster: 1, validation: 0.5, production: 0.75, validationPrompts: 2, productionPrompts: 3 },
    ]);
    expect(s.totalVariation).toBeCloseTo(0.25, 12);
    expect(s.predicted.shares).toEqual([
      { name: 'cheap', count: 1, share: 0.25 },
      { name: 'strong', count: 0, share: 0 },
      { name: 'spec', count: 3, share: 0.75 },
    ]);
    expect(s.predicted.meanCost).toBeCloseTo(1.75, 12);
    expect(s.predicted.accuracy).toBeCloseTo(5 / 6, 12);
    // The validation mix routes half to cheap, half to spec.
    expect(s.atValidation!.meanCost).toBeCloseTo(1.5, 12);
    expect(s.atValidation!.shares.map((x) => x.share)).toEqual([0.5, 0, 0.5]);
    // Both clusters rest on 2 validation prompts (< 5) and are hit.
    expect(s.flagged).toEqual([
      { cluster: 0, validationPrompts: 2, productionPrompts: 1 },
      { cluster: 1, validationPrompts: 2, productionPrompts: 3 },
    ]);
    expect(s.costPenalty).toBe(1 / 30);
  });

  it("a cluster the new prompts miss is not flagged; lambda defaults to the router's", () => {
    const router: Router = { ...tinyPortableRouter(), costPenalty: 1 / 30 };
    const s = shiftPreview(router, { embeddings: embeddings([[0, 0]]) });
    expect(s.costPenalty).toBe(1 / 30);
    expect(s.flagged).toEqual([{ cluster: 0, validationPrompts: 2, productionPrompts: 1 }]);
    expect(s.totalVariation).toBeCloseTo(0.5, 12);
  });

  it('learned map: the new mix is the mean soft Phi; gamma mixes the profiles', () => {
    // theta = 0: Phi = (1/2, 1/2) for every prompt, so gamma = the mean of each LLM's two cells.
    const router: Router = { ...tinyPortableRouter(), method: 'learnedmap', clusterMap: { k: 2, dim: 2, theta: new Float32Array(6) } };
    const s = shiftPreview(
      router,
      {
        embeddings: embeddings([
          [9, 0],
          [1, 0],
        ]),
      },
      0,
    );
    expect(s.mix.map((r) => r.production)).toEqual([0.5, 0.5]);
    expect(s.totalVariation).toBe(0);
    // At lambda = 0 strong (gamma 0) takes every prompt.
    expect(s.predicted).toEqual({
      shares: [
        { name: 'cheap', count: 0, share: 0 },
        { name: 'strong', count: 2, share: 1 },
        { name: 'spec', count: 0, share: 0 },
      ],
      meanCost: 10,
      accuracy: 1,
    });
    // External embeddings: the validation prompts cannot be embedded here.
    expect(s.atValidation).toBeNull();
    expect(s.notes[0]).toContain('external embeddings');
  });
});

describe('parsePromptList', () => {
  it('reads a CSV text column (ids optional), JSON Lines and one prompt per line', () => {
    expect(parsePromptList({ name: 'p.csv', text: 'id,Text\na,"hello, world"\n,second\n' })).toEqual({
      ok: true,
      data: { ids: ['a', '3'], texts: ['hello, world', 'second'] },
      warnings: [],
    });
    expect(parsePromptList({ name: 'p.jsonl', text: '{"prompt": "one"}\n\n{"prompt": "two", "prompt_id": "x"}\n' })).toMatchObject({
      ok: true,
      data: { ids: ['1', 'x'], texts: ['one', 'two'] },
    });
    expect(parsePromptList({ name: 'p.txt', text: 'first\n\nsecond\r\n' })).toMatchObject({
      ok: true,
      data: { ids: ['1', '3'], texts: ['first', 'second'] },
    });
  });

  it('names the file, row and column of every problem', () => {
    expect(parsePromptList({ name: 'p.csv', text: 'prompt_id,question\n1,hi\n' })).toEqual({
      ok: false,
      issues: [
        { file: 'p.csv', row: 1, column: undefined, message: 'expected a column named text (or prompt); found "prompt_id", "question"' },
      ],
    });
    expect(parsePromptList({ name: 'p.csv', text: 'prompt_id,text\n1,fine\n2, \n' })).toEqual({
      ok: false,
      issues: [{ file: 'p.csv', row: 3, column: 'text', message: 'empty prompt text' }],
    });
    const bad = parsePromptList({ name: 'p.jsonl', text: '{"text": "ok"}\n{"text": \n' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ file: 'p.jsonl', row: 2 });
    expect(parsePromptList({ name: 'p.txt', text: '\n \n' })).toMatchObject({ ok: false, issues: [{ message: 'file is empty' }] });
  });
});
