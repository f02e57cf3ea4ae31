/**
 * `routelab eval` contracts on a tiny hand-checked dataset: the JSON keys the README documents, blank scores
 * (test prompts left out and counted), the readable table, --embeddings taken as an embeddings file
 * whatever its header, warnings and negative flag values, all with exit codes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRECTNESS, MODELS, PROMPTS, SPLIT, writeContractData, writeDir } from './evalFixture.test-util';
import { cli } from './testIo.test-util';

let dir = '';
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'routelab-contract-'));
  writeContractData(dir);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const evalArgs = () => ['eval', '--data', at('data'), '--split', at('split.json'), '--k', '2', '--knn-k', '2'];

describe('routelab eval --json: the JSON contract', () => {
  it('one JSON object with methods, singles, split counts and dropped; blanks leave test prompts out', async () => {
    const res = await cli(...evalArgs(), '--json');
    expect(res.code, res.err).toBe(0);
    expect(res.stdout).toHaveLength(1);
    const report = JSON.parse(res.stdout[0]);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['methods', 'singles', 'split', 'dropped', 'chosen']));
    expect(Object.keys(report.methods).sort()).toEqual(['knn', 'oracle', 'uniroute-kmeans', 'uniroute-learnedmap', 'zero-router']);
    for (const m of Object.values(report.methods) as Record<string, unknown>[]) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['area', 'area50', 'qnc', 'aiq', 'peakAccuracy', 'curve']));
      for (const point of m.curve as unknown[]) expect(point).toEqual([expect.any(Number), expect.any(Number)]);
    }
    expect(report.dropped).toBe(2);
    expect(report.split).toMatchObject({ train: 4, val: 4, test: 4, testScored: 2, trainModels: 1, testModels: 2 });
    expect(report.singles).toEqual({ b: { cost: 0.5, accuracy: 0.5 }, c: { cost: 1, accuracy: 1 } });
    const oracle = report.methods.oracle;
    expect(oracle.curve).toEqual([
      [0.5, 0.5],
      [0.75, 1],
    ]);
    expect(oracle.area).toBeCloseTo(0.6875, 12);
    expect(oracle.area50).toBeCloseTo(0.25, 12);
    expect(oracle.qnc).toBeCloseTo(0.75, 12);
    expect(oracle.peakAccuracy).toBe(1);
    for (const m of ['zero-router', 'knn', 'uniroute-kmeans', 'uniroute-learnedmap']) {
      expect(report.methods[m].peakAccuracy).toBeCloseTo(0.5, 12);
      expect(report.methods[m].qnc).toBeNull();
    }
    expect(report.methods['zero-router'].curve).toEqual([[0.5, 0.5]]);
    expect(report.chosen).toEqual({ k: [2], knnK: [2] });
    // The split file left p13 out: said on stderr, never on stdout.
    expect(res.err).toContain(`warning: ${at('split.json')}: 1 prompt is in no set and left out`);
  });
});

describe("routelab eval: K selection and the learned map's training LLM", () => {
  it('--k auto / --knn-k auto pick from the grids capped by the data and report the choice', async () => {
    const res = await cli('eval', '--data', at('data'), '--split', at('split.json'), '--k', 'auto', '--knn-k', 'auto', '--json');
    expect(res.code, res.err).toBe(0);
    const { chosen } = JSON.parse(res.stdout[0]);
    // 4 training prompts cap the K grid 5, 10, ... to [4] and the k grid 1, 3, 5, ... to [1, 3, 4].
    expect(chosen.k).toEqual([4]);
    expect([1, 3, 4]).toContain(chosen.knnK[0]);
  });

  it('without a training LLM: the learned map is not reported, a note says why, the rest is', async () => {
    writeFileSync(at('split-none.json'), JSON.stringify({ ...SPLIT, trainModels: [], testModels: ['a', 'b', 'c'] }));
    const res = await cli('eval', '--data', at('data'), '--split', at('split-none.json'), '--k', '2', '--knn-k', '2', '--json');
    expect(res.code, res.err).toBe(0);
    const report = JSON.parse(res.stdout[0]);
    expect(Object.keys(report.methods).sort()).toEqual(['knn', 'oracle', 'uniroute-kmeans', 'zero-router']);
    expect(report.notes).toContain('uniroute-learnedmap needs at least one training LLM: not reported');
    const table = await cli('eval', '--data', at('data'), '--split', at('split-none.json'), '--k', '2', '--knn-k', '2');
    expect(table.out).toContain('note: uniroute-learnedmap needs at least one training LLM: not reported');
    expect(table.out).not.toContain('UniRoute (learned map)');
  });

  it('--qnc-denominator takes max-test-cost or most-accurate, nothing else', async () => {
    expect((await cli(...evalArgs(), '--qnc-denominator', 'most-accurate', '--json')).code).toBe(0);
    expect(await cli(...evalArgs(), '--qnc-denominator', 'cheapest')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--qnc-denominator must be max-test-cost or most-accurate'),
    });
  });
});

describe('routelab eval without --json', () => {
  it('prints a readable table of every method and test LLM; progress only on stderr', async () => {
    const res = await cli(...evalArgs());
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/^data: 1 trial\(s\), seed 0, embedder builtin-hashed-tfidf \(256-d\)/);
    expect(res.out).toContain(
      'split: 4 train / 4 val / 4 test prompts (2 scored for the whole test pool, 2 dropped); 1 training LLMs, 2 test LLMs',
    );
    for (const label of ['Oracle', 'ZeroRouter', 'K-NN', 'UniRoute (K-means)', 'UniRoute (learned map)'])
      expect(res.out).toMatch(new RegExp(`^${label.replace(/[()]/g, '\\$&')} +\\d`, 'm'));
    expect(res.out).toMatch(/^Oracle +0\.6875 +0\.2500 +75\.0% /m);
    expect(res.out).not.toContain('loaded ');
    expect(res.err).toContain('loaded 13 prompts x 3 LLMs');
  });
});

describe('routelab eval: bad input exits 2 with file, row and column', () => {
  it('--embeddings must be an embeddings file, whatever its name or header (no silent built-in fallback)', async () => {
    writeFileSync(at('not-emb.csv'), 'prompt_id,x,y\np01,1,2\n');
    const wrongHeader = await cli(...evalArgs(), '--embeddings', at('not-emb.csv'));
    expect(wrongHeader.code).toBe(2);
    expect(wrongHeader.stdout).toEqual([]);
    expect(wrongHeader.err.split('\n')).toEqual([
      `${at('not-emb.csv')}, row 1, column "x": expected column "e0" here: the columns after prompt_id must be e0 ... e1, in order`,
      `${at('not-emb.csv')}, row 1, column "y": expected column "e1" here: the columns after prompt_id must be e0 ... e1, in order`,
    ]);
    const json = await cli(...evalArgs(), '--embeddings', at('split.json'));
    expect(json.code).toBe(2);
    expect(json.err).toBe(
      `${at('split.json')}: not a CSV file: it looks like JSON; --embeddings takes a CSV with the header prompt_id,e0,e1,...,e{D-1}`,
    );
  });

  it("reports the dataset's and the embeddings file's problems together", async () => {
    const bad = writeDir(at('bad'), {
      'prompts.csv': PROMPTS,
      'correctness.csv': CORRECTNESS.replace('p03,1,0,1', 'p03,1,2,1'),
      'models.csv': MODELS,
    });
    const rows = [
      'prompt_id,e0,e1',
      ...Array.from({ length: 13 }, (_, i) => `p${String(i + 1).padStart(2, '0')},${i === 4 ? 'NaN' : '0.5'},1`),
    ];
    writeFileSync(at('emb-nan.csv'), rows.join('\n'));
    const res = await cli('eval', '--data', bad, '--embeddings', at('emb-nan.csv'));
    expect(res.code).toBe(2);
    expect(res.err.split('\n')).toEqual([
      `${join(bad, 'correctness.csv')}, row 4, column "b": score 2 is outside [0, 1]`,
      `${at('emb-nan.csv')}, row 6, column "e0": embedding value "NaN" is not a finite number`,
    ]);
  });

  it('uses a good --embeddings file as given, also one that sits in a long-format folder', async () => {
    const rows = ['prompt_id,e0,e1', ...Array.from({ length: 13 }, (_, i) => `p${String(i + 1).padStart(2, '0')},${i % 3},${i % 2}`)];
    const good = await cli(...evalArgs(), '--embeddings', writeText('emb.txt', rows.join('\n')), '--json');
    expect(good.code, good.err).toBe(0);
    expect(JSON.parse(good.stdout[0]).embedder).toMatchObject({ kind: 'external', dim: 2 });

    const longRows = ['prompt_id,prompt,model,score,cost'];
    for (let p = 1; p <= 12; p++)
      for (const [h, c] of [
        ['a', 1],
        ['b', 2],
        ['c', 4],
      ] as const)
        longRows.push(`q${p},text ${p},${h},${(p + c) % 2},${c}`);
    const long = writeDir(at('long'), {
      'results.csv': longRows.join('\n'),
      'embeddings.csv': ['prompt_id,e0', ...Array.from({ length: 12 }, (_, i) => `q${i + 1},${i}`)].join('\n'),
    });
    const res = await cli('eval', '--data', long, '--embeddings', join(long, 'embeddings.csv'), '--k', '2', '--knn-k', '2', '--json');
    expect(res.code, res.err).toBe(0);
    expect(JSON.parse(res.stdout[0]).embedder).toMatchObject({ kind: 'external', dim: 1 });
  });

  it('says what is wrong with a negative number, not how to quote it', async () => {
    const seed = await cli(...evalArgs(), '--seed', '-1');
    expect(seed).toMatchObject({ code: 2, err: expect.stringMatching(/^--seed must be an integer >= 0, got "-1"/) });
    const trials = await cli(...evalArgs(), '--trials', '-2');
    expect(trials).toMatchObject({ code: 2, err: expect.stringMatching(/^--trials must be an integer >= 1, got "-2"/) });
  });
});

function writeText(name: string, text: string): string {
  writeFileSync(at(name), text);
  return at(name);
}
