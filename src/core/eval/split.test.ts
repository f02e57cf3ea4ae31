import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { applySplitFile, splitModels, splitPrompts, type PromptSplit } from './split';
import { SAMPLE_DIR, itShared, loadScores, sharedDir } from '../../testing/datasets.node';

const sizes = (s: PromptSplit) => [s.train.length, s.val.length, s.test.length];
const isSorted = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] < x);

describe('splitPrompts', () => {
  it('cuts nVal = round(n * .1), nTest = round(n * .3), the rest train', () => {
    expect(sizes(splitPrompts(10, createRng(1)))).toEqual([6, 1, 3]);
    // n = 7: val round(.7) = 1, test round(2.1) = 2, train 4
    expect(sizes(splitPrompts(7, createRng(1)))).toEqual([4, 1, 2]);
    // n = 5989 (llmrouter_nim9): val 599, test round(1796.7) = 1797, train 3593
    expect(sizes(splitPrompts(5989, createRng(1)))).toEqual([3593, 599, 1797]);
    expect(sizes(splitPrompts(20, createRng(1), { train: 0.5, val: 0.25, test: 0.25 }))).toEqual([10, 5, 5]);
    // tiny n where rounding over-asks: test first, then val, train keeps the rest (here none)
    expect(sizes(splitPrompts(1, createRng(1), { train: 0, val: 0.5, test: 0.5 }))).toEqual([0, 0, 1]);
    expect(sizes(splitPrompts(0, createRng(1)))).toEqual([0, 0, 0]);
  });

  it('is a sorted partition, the same for a seed and different across seeds', () => {
    const a = splitPrompts(100, createRng(42));
    const b = splitPrompts(100, createRng(42));
    const c = splitPrompts(100, createRng(43));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const part of [a.train, a.val, a.test]) expect(isSorted(part)).toBe(true);
    expect([...a.train, ...a.val, ...a.test].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('validates the fractions and n', () => {
    expect(() => splitPrompts(10, createRng(1), { train: 0.6, val: 0.1, test: 0.2 })).toThrow(
      'split fractions must sum to 1, got 0.6 + 0.1 + 0.2 = 0.9',
    );
    expect(() => splitPrompts(10, createRng(1), { train: 1.1, val: -0.1, test: 0 })).toThrow('train fraction must be in [0, 1], got 1.1');
    expect(() => splitPrompts(10, createRng(1), { train: 0.6, val: NaN, test: 0.3 })).toThrow('val fraction must be in [0, 1], got NaN');
    expect(() => splitPrompts(2.5, createRng(1))).toThrow('number of prompts must be an integer >= 0, got 2.5');
  });
});

describe('splitModels', () => {
  it('puts max(1, round(m / 3)) LLMs in the test pool', () => {
    const count = (m: number, f?: number) => {
      const s = splitModels(m, createRng(7), f);
      return [s.trainModels.length, s.testModels.length];
    };
    expect(count(1)).toEqual([0, 1]); // the one LLM is the test pool; no training LLM
    expect(count(2)).toEqual([1, 1]);
    expect(count(3)).toEqual([2, 1]);
    expect(count(9)).toEqual([6, 3]);
    expect(count(11)).toEqual([7, 4]); // round(3.67) = 4
    expect(count(4, 0)).toEqual([3, 1]); // at least one test LLM
    expect(count(4, 1)).toEqual([0, 4]);
  });

  it('is a sorted, seeded partition', () => {
    const a = splitModels(11, createRng(5));
    expect(a).toEqual(splitModels(11, createRng(5)));
    expect(isSorted(a.trainModels) && isSorted(a.testModels)).toBe(true);
    expect([...a.trainModels, ...a.testModels].sort((x, y) => x - y)).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(() => splitModels(0, createRng(5))).toThrow('cannot split 0 models');
    expect(() => splitModels(3, createRng(5), 2)).toThrow('test model fraction must be in [0, 1], got 2');
  });
});

describe('applySplitFile', () => {
  const ids = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
  const models = ['gpt', 'llama', 'mistral'];
  const good = { train: ['p3', 'p0'], val: ['p1'], test: ['p5', 'p2'], trainModels: ['mistral', 'gpt'], testModels: ['llama'] };
  const messages = (split: unknown) => {
    const r = applySplitFile(split, ids, models, 'split.json');
    if (r.ok) throw new Error('expected a failure');
    for (const issue of r.issues) expect(issue.file).toBe('split.json');
    return r.issues.map((i) => i.message);
  };

  it('maps ids and names to sorted indices verbatim, warning about what it leaves out', () => {
    const r = applySplitFile({ ...good, comment: 'x' }, ids, models, 'split.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toEqual({ train: [0, 3], val: [1], test: [2, 5], trainModels: [0, 2], testModels: [1] });
    expect(r.warnings.map((w) => w.message)).toEqual(['unknown key "comment" ignored', '1 prompt is in no set and left out']);
  });

  it('allows an empty training pool (no training LLM) and warns about unused models', () => {
    const r = applySplitFile({ ...good, trainModels: [], testModels: ['gpt'] }, ids, models, 'split.json');
    expect(r.ok && r.data.trainModels).toEqual([]);
    expect(r.ok && r.warnings.map((w) => w.message)).toContain('model "llama" is in neither pool and left out');
  });

  it('rejects a file that is not an object', () => {
    expect(messages([1, 2])[0]).toMatch(/^a split file must be a JSON object .* got a list$/);
    expect(messages(null)[0]).toMatch(/got null$/);
    expect(messages('train')[0]).toMatch(/got string "train"$/);
  });

  it('reports missing keys and wrong JSON types', () => {
    const { val: _val, ...noVal } = good;
    expect(messages(noVal)).toEqual(['missing key "val" (a list of prompt ids)']);
    expect(messages({ ...good, test: 'p5', testModels: { a: 1 } })).toEqual([
      '"test" must be a list of prompt ids, got string "p5"',
      '"testModels" must be a list of model names, got an object',
    ]);
    expect(messages({ ...good, train: ['p0', 3] })).toEqual(['"train"[1] must be a string, got number 3']);
  });

  it('reports unknown ids and models, ids listed twice or in two sets', () => {
    expect(messages({ ...good, train: ['p0', 'p9', 'p0'], val: ['p1', 'p5'], testModels: ['llama', 'claude'] })).toEqual([
      'unknown prompt id "p9" in "train"',
      'prompt id "p0" is listed twice in "train"',
      'prompt id "p5" is in both "val" and "test"',
      'unknown model "claude" in "testModels" (models: "gpt", "llama", "mistral")',
    ]);
    expect(messages({ ...good, testModels: ['llama', 'gpt'] })).toEqual(['model "gpt" is in both "trainModels" and "testModels"']);
  });

  it('refuses empty sets it cannot evaluate, above all an empty test pool', () => {
    expect(messages({ ...good, testModels: [] })).toEqual(['"testModels" is empty: at least one test LLM is needed']);
    expect(messages({ ...good, val: [], test: [] })).toEqual([
      '"val" is empty: error profiles need validation prompts',
      '"test" is empty: there are no test prompts to evaluate on',
    ]);
  });

  it('summarises after 50 problems', () => {
    const many = Array.from({ length: 60 }, (_, i) => `x${i}`);
    const msgs = messages({ ...good, train: many });
    expect(msgs.length).toBe(51);
    expect(msgs[50]).toBe('... and 10 more problems');
  });

  /** A seeded split of a real dataset written as a split file and read back gives the same indices. */
  function roundTrip(dir: string): void {
    const { promptIds, modelNames } = loadScores(dir);
    expect(promptIds.length).toBeGreaterThan(1000);
    const rng = createRng(2);
    const s = splitPrompts(promptIds.length, rng);
    const mdl = splitModels(modelNames.length, rng);
    const file = {
      train: s.train.map((i) => promptIds[i]),
      val: s.val.map((i) => promptIds[i]),
      test: s.test.map((i) => promptIds[i]),
      trainModels: mdl.trainModels.map((i) => modelNames[i]),
      testModels: mdl.testModels.map((i) => modelNames[i]),
    };
    const r = applySplitFile(JSON.parse(JSON.stringify(file)), promptIds, modelNames, 'split.json');
    expect(r.ok && r.data).toEqual({ ...s, ...mdl });
    expect(r.ok && r.warnings).toEqual([]);
  }

  it('round-trips a seeded split of real data through a split file (in-repo sample)', () => roundTrip(SAMPLE_DIR));
  itShared('llmrouter_nim9', 'round-trips a seeded split of real data through a split file', () => roundTrip(sharedDir('llmrouter_nim9')));
});
