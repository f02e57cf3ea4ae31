/** `routelab route --summary`: the deployment-shift preview from the command line. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDatasetFiles, generateDemoDataset } from '../core/demo';
import { itShared, SHARED_DATA } from '../testing/datasets.node';
import { tinyPortableRouter } from '../core/explorer/fixture.test-util';
import { parseRouter, serializeRouter } from '../core/routerFile';
import { cli } from './testIo.test-util';

let dir = '';
const at = (name: string) => join(dir, name);

function validationJsonl(routerFile: string, out: string): string {
  const r = parseRouter(readFileSync(routerFile, 'utf8'), routerFile);
  if (!r.ok) throw new Error('bad router');
  writeFileSync(out, r.data.validationPrompts.map((v) => JSON.stringify({ id: v.id, text: v.text })).join('\n'));
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'routelab-summary-'));
  writeFileSync(at('tiny.json'), serializeRouter(tinyPortableRouter()));
  const demo = join(dir, 'demo');
  mkdirSync(demo);
  for (const f of demoDatasetFiles(generateDemoDataset({ prompts: 660 }))) writeFileSync(join(demo, f.name), f.text);
  const trained = await cli('train', '--data', demo, '--out', at('demo.json'));
  if (trained.code !== 0) throw new Error(trained.err);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('routelab route --summary', () => {
  it('on vectors (external embedder), by hand: mix, total variation, predicted routing, flagged clusters', async () => {
    // Three prompts near centroid B (10, 0), one near A: lambda 1/30 sends A to cheap, B to spec.
    const args = ['route', '--router', at('tiny.json'), '--embedding', '[[9,1],[11,0],[10,-2],[1,0]]', '--cost-penalty', String(1 / 30)];
    const res = await cli(...args, '--summary', '--json');
    expect(res.code, res.err).toBe(0);
    const s = JSON.parse(res.stdout[0]);
    expect(s.totalVariation).toBeCloseTo(0.25, 12);
    expect(s.predicted.shares.map((x: { share: number }) => x.share)).toEqual([0.25, 0, 0.75]);
    expect(s.predicted.meanCost).toBeCloseTo(1.75, 12);
    expect(s.flagged.map((f: { cluster: number }) => f.cluster)).toEqual([0, 1]);
    const text = await cli(...args, '--summary');
    expect(text.out).toContain('cluster mix against the validation mix: total-variation distance 0.2500');
    expect(text.out).toMatch(/^1 +50\.0% +75\.0% +2 +flagged: Psi rests on < 5 validation prompts$/m);
    expect(text.out).toMatch(/^spec +75\.0% +50\.0%$/m);
    expect(text.out).toContain('mean cost: 1.750 usd (validation mix: 1.500 usd)');
  });

  it("the router's own validation prompts (JSONL) have the validation mix: distance 0, the same predictions", async () => {
    const res = await cli(
      'route',
      '--router',
      at('demo.json'),
      '--prompts',
      validationJsonl(at('demo.json'), at('val.jsonl')),
      '--summary',
      '--json',
    );
    expect(res.code, res.err).toBe(0);
    const s = JSON.parse(res.stdout[0]);
    expect(s.totalVariation).toBeCloseTo(0, 12);
    expect(s.predicted.meanCost).toBeCloseTo(s.atValidation.meanCost, 9);
    expect(s.predicted.accuracy).toBeCloseTo(s.atValidation.accuracy, 9);
    // Every cluster the validation prompts fill is hit; those on fewer than 5 are flagged.
    type Row = { cluster: number; validationPrompts: number; productionPrompts: number };
    const low = (s.mix as Row[]).filter((r) => r.validationPrompts > 0 && r.validationPrompts < 5);
    expect(s.flagged).toEqual(
      low.map((r) => ({ cluster: r.cluster, validationPrompts: r.validationPrompts, productionPrompts: r.validationPrompts })),
    );
  });

  it('reads .txt and CSV prompt files; bad files and flag mixes exit 2 with file, row and column', async () => {
    writeFileSync(at('p.txt'), 'Solve 2x + 3 = 7 for x.\nTranslate "good morning" into French.\n');
    const txt = await cli('route', '--router', at('demo.json'), '--prompts', at('p.txt'), '--summary', '--json');
    expect(txt.code, txt.err).toBe(0);
    expect(JSON.parse(txt.stdout[0]).prompts).toBe(2);
    writeFileSync(at('bad.csv'), 'prompt_id,question\n1,hi\n');
    expect(await cli('route', '--router', at('demo.json'), '--prompts', at('bad.csv'), '--summary')).toMatchObject({
      code: 2,
      err: `${at('bad.csv')}, row 1: expected a column named text (or prompt); found "prompt_id", "question"`,
    });
    writeFileSync(at('bad.jsonl'), '{"text": "fine"}\n{"text": ""}\n');
    expect(await cli('route', '--router', at('demo.json'), '--prompts', at('bad.jsonl'), '--summary')).toMatchObject({
      code: 2,
      err: `${at('bad.jsonl')}, row 2, column "text": empty prompt text`,
    });
    expect(await cli('route', '--router', at('demo.json'), '--prompt', 'hi', '--summary')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--summary: give a file of prompts'),
    });
    expect(await cli('route', '--router', at('tiny.json'), '--prompts', at('p.txt'), '--summary')).toMatchObject({
      code: 2,
      err: expect.stringContaining('external 2-d embeddings'),
    });
  });
});

describe('routelab route --summary on real data', () => {
  itShared(
    ['routerbench_subset', 'llmrouter_nim9'],
    "another benchmark's prompts are further from the validation mix than the router's own benchmark",
    async () => {
      const trained = await cli('train', '--data', join(SHARED_DATA, 'routerbench_subset'), '--out', at('rb.json'));
      expect(trained.code, trained.err).toBe(0);
      const own = await cli(
        'route',
        '--router',
        at('rb.json'),
        '--prompts',
        join(SHARED_DATA, 'routerbench_subset', 'prompts.csv'),
        '--summary',
        '--json',
      );
      const other = await cli(
        'route',
        '--router',
        at('rb.json'),
        '--prompts',
        join(SHARED_DATA, 'llmrouter_nim9', 'prompts.csv'),
        '--summary',
        '--json',
      );
      expect(own.code, own.err).toBe(0);
      expect(other.code, other.err).toBe(0);
      const a = JSON.parse(own.stdout[0]);
      const b = JSON.parse(other.stdout[0]);
      expect(b.totalVariation).toBeGreaterThan(a.totalVariation);
      for (const s of [a, b]) expect(s.predicted.shares.reduce((t: number, x: { share: number }) => t + x.share, 0)).toBeCloseTo(1, 12);
    },
  );
});
