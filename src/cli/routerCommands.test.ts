/**
 * The router CLI end to end, in-process: train -> route -> validation-prompts -> add-model ->
 * route again -> remove-model, and exit code 2 with a clear message for bad input.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../core/data/csv';
import { demoDatasetFiles, generateDemoDataset } from '../core/demo';
import { toCsv } from '../core/demo/files';
import { parseRouter, routePrompts, serializeRouter, type Router } from '../core/routerFile';
import { tinyRouter } from '../core/routerFile/tinyRouter.testing';
import type { Io } from './io';
import { run } from './run';

let dir = '';
const at = (name: string) => path.join(dir, name);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => {} };
  const code = await run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function readRouter(file: string): Router {
  const res = parseRouter(readFileSync(file, 'utf8'), file);
  if (!res.ok) throw new Error(res.issues.map((i) => i.message).join('\n'));
  return res.data;
}

function writeDataset(name: string, dataset = generateDemoDataset({ prompts: 240, seed: 11 })): string {
  const d = at(name);
  mkdirSync(d);
  for (const f of demoDatasetFiles(dataset)) writeFileSync(path.join(d, f.name), f.text);
  return d;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'routelab-router-cli-'));
  const data = writeDataset('data');
  const res = await cli('train', '--data', data, '--method', 'kmeans', '--k', '4', '--seed', '1', '--out', at('router.json'));
  expect(res.err).toBe('');
  expect(res.code).toBe(0);
  expect(res.out).toMatch(/^wrote .*router\.json .*UniRoute \(K-means\), K = 4, 11 LLMs, 24 validation prompts/);
  expect(res.out).toContain('UniRoute (K-means)');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('routelab train / route / validation-prompts / add-model / remove-model', () => {
  it('routes one prompt among the routing pool with a readable table, or among every LLM with --all-models', async () => {
    const router = readRouter(at('router.json'));
    // train writes the unseen test pool as the routing pool.
    expect(router.pool).toEqual(router.provenance.split.testModels);
    expect(router.pool.length).toBeLessThan(router.models.length);
    const res = await cli('route', '--router', at('router.json'), '--prompt', 'Solve for x: 3x + 5 = 20', '--cost-penalty', '0.001');
    expect(res.code).toBe(0);
    const [expected] = routePrompts(router, { texts: ['Solve for x: 3x + 5 = 20'] }, 0.001);
    expect(router.pool).toContain(expected.chosen);
    expect(res.out).toContain(`-> ${expected.chosen} (cluster ${expected.cluster})`);
    expect(res.out).toContain(`* ${expected.chosen}`);
    const rowsOf = (out: string) => out.split('\n').filter((l) => /^[* ] \S/.test(l) && !l.includes('LLM  '));
    expect(
      rowsOf(res.out)
        .map((l) => l.slice(2).split(' ')[0])
        .sort(),
    ).toEqual([...router.pool].sort());
    expect(res.out).toContain(`routing among the file's routing pool: ${router.pool.length} of 11 LLMs (--all-models for every one)`);
    expect(res.out).toContain('cost penalty lambda = 0.001;');

    const all = await cli('route', '--router', at('router.json'), '--prompt', 'Solve for x: 3x + 5 = 20', '--all-models');
    expect(all.out).toContain('routing among every LLM of the file (11)');
    expect(all.out).toContain("cost penalty lambda = 0 (the file's operating point)");
    expect(rowsOf(all.out)).toHaveLength(11);
    const [everyLlm] = routePrompts(router, { texts: ['Solve for x: 3x + 5 = 20'] }, { allModels: true });
    expect(all.out).toContain(`* ${everyLlm.chosen}`);
  });

  it('routes a prompts CSV and a .txt file, with --json giving one object', async () => {
    writeFileSync(
      at('p.csv'),
      toCsv([
        ['prompt_id', 'text'],
        ['a', 'Translate "good morning" into French.'],
        ['b', 'Write a SQL query, please:\nselect all users'],
      ]),
    );
    const res = await cli('route', '--router', at('router.json'), '--prompts', at('p.csv'), '--json');
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out);
    const router = readRouter(at('router.json'));
    const expected = routePrompts(router, {
      texts: ['Translate "good morning" into French.', 'Write a SQL query, please:\nselect all users'],
    });
    expect(json).toMatchObject({ costPenalty: 0, method: 'kmeans', costUnit: router.costUnit, allModels: false });
    expect(json.decisions.map((d: { promptId: string }) => d.promptId)).toEqual(['a', 'b']);
    expect(json.decisions.map((d: { chosen: string }) => d.chosen)).toEqual(expected.map((d) => d.chosen));
    expect(json.decisions[1].models).toEqual(expected[1].perModel);
    expect(Object.keys(json.decisions[0].models[0])).toEqual(['name', 'predictedError', 'cost', 'penalised']);

    writeFileSync(at('p.txt'), 'first prompt\n\nsecond prompt\n');
    const txt = JSON.parse(
      (await cli('route', '--router', at('router.json'), '--prompts', at('p.txt'), '--json', '--cost-penalty', '1')).out,
    );
    expect(txt.decisions.map((d: { promptId: string }) => d.promptId)).toEqual(['1', '3']);
    // lambda = 1 dwarfs every error difference: the pool's cheapest LLM wins.
    const cheapest = [...router.models].filter((h) => router.pool.includes(h.name)).sort((p, q) => p.cost - q.cost)[0].name;
    expect(txt.decisions.every((d: { chosen: string }) => d.chosen === cheapest)).toBe(true);

    // JSON Lines too, read as `route --summary` reads it (one reader): prompt_id when given, else the line.
    writeFileSync(at('p.jsonl'), '{"text": "first prompt", "prompt_id": "x"}\n\n{"text": "second prompt"}\n');
    const jsonl = JSON.parse((await cli('route', '--router', at('router.json'), '--prompts', at('p.jsonl'), '--json')).out);
    expect(jsonl.decisions.map((d: { promptId: string }) => d.promptId)).toEqual(['x', '3']);
  });

  it('adds an unseen LLM from its validation scores, routes to it where it is best, and removes it', async () => {
    const vp = await cli('validation-prompts', '--router', at('router.json'), '--out', at('val.csv'));
    expect(vp.code).toBe(0);
    const router = readRouter(at('router.json'));
    const table = parseCsvText('val.csv', readFileSync(at('val.csv'), 'utf8'));
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.data.header).toEqual(['prompt_id', 'text', 'cluster']);
    expect(table.data.rows).toEqual(router.validationPrompts.map((p) => [p.id, p.text, String(p.cluster)]));

    // The specialist is right on every validation prompt of the largest cluster c, wrong elsewhere, and free.
    const K = router.centroids.rows;
    const sizes = Array.from({ length: K }, (_, k) => router.validationPrompts.filter((p) => p.cluster === k).length);
    const c = sizes.indexOf(Math.max(...sizes));
    writeFileSync(
      at('scores.csv'),
      toCsv([['prompt_id', 'score'], ...router.validationPrompts.map((p) => [p.id, p.cluster === c ? '1' : '0'])]),
    );
    const add = await cli(
      'add-model',
      '--router',
      at('router.json'),
      '--name',
      'specialist',
      '--cost',
      '0',
      '--scores',
      at('scores.csv'),
      '--out',
      at('added.json'),
    );
    expect(add.err).toBe('');
    expect(add.code).toBe(0);
    const added = readRouter(at('added.json'));
    const spec = added.models[added.models.length - 1];
    expect(spec).toMatchObject({ name: 'specialist', cost: 0, addedAfterTraining: true });
    // Psi_c = (0 + a * overall) / (n_c + a) with a = 1 and overall = 1 - n_c / N_val.
    const overall = 1 - sizes[c] / router.validationPrompts.length;
    expect(spec.psi[c]).toBeCloseTo(overall / (sizes[c] + 1), 12);

    // A lambda where cluster c goes to the (free) specialist and no other cluster does:
    // specialist wins in cluster k iff Psi_k(spec) < Psi_k(h) + lambda c(h) for every other h.
    const need = (k: number) => Math.max(0, ...router.models.map((h) => (spec.psi[k] - h.psi[k]) / h.cost));
    const lower = need(c);
    const upper = Math.min(
      ...Array.from({ length: K }, (_, k) => k)
        .filter((k) => k !== c)
        .map(need),
    );
    expect(lower).toBeLessThan(upper);
    const lambda = (lower + upper) / 2;
    const routeCluster = async (file: string, same: boolean) => {
      const rows = router.validationPrompts.filter((p) => (p.cluster === c) === same);
      writeFileSync(at('q.csv'), toCsv([['prompt_id', 'text'], ...rows.map((p) => [p.id, p.text])]));
      const res = await cli('route', '--router', file, '--prompts', at('q.csv'), '--cost-penalty', String(lambda), '--json');
      expect(res.code).toBe(0);
      return JSON.parse(res.out).decisions.map((d: { chosen: string }) => d.chosen) as string[];
    };
    expect(new Set(await routeCluster(at('added.json'), true))).toEqual(new Set(['specialist']));
    expect(await routeCluster(at('added.json'), false)).not.toContain('specialist');
    expect(await routeCluster(at('router.json'), true)).not.toContain('specialist');

    const rm = await cli('remove-model', '--router', at('added.json'), '--name', 'specialist', '--out', at('removed.json'));
    expect(rm.code).toBe(0);
    expect(readFileSync(at('removed.json'), 'utf8')).toBe(readFileSync(at('router.json'), 'utf8'));
  });
});

describe('bad input exits 2 with a clear message', () => {
  it('usage errors', async () => {
    expect(await cli('train', '--data', at('data'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('routelab train: --out is required'),
    });
    expect(await cli('train', '--data', at('data'), '--method', 'svm', '--out', at('x.json'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('--method must be kmeans or learnedmap, got "svm"'),
    });
    expect(await cli('route', '--router', at('router.json'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('give exactly one of --prompt, --prompts or --embedding'),
    });
    expect(await cli('route', '--router', at('router.json'), '--prompt', 'x', '--cost-penalty=-1')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--cost-penalty must be a number >= 0'),
    });
    expect(
      await cli(
        'add-model',
        '--router',
        at('router.json'),
        '--name',
        'n',
        '--cost',
        'cheap',
        '--scores',
        at('scores.csv'),
        '--out',
        at('x.json'),
      ),
    ).toMatchObject({ code: 2, err: expect.stringContaining('--cost must be a number >= 0, got "cheap"') });
  });

  it('missing or broken files name the file and the JSON path', async () => {
    expect(await cli('train', '--data', at('nope'), '--out', at('x.json'))).toMatchObject({
      code: 2,
      err: `${at('nope')}: dataset folder not found`,
    });
    expect(await cli('route', '--router', at('nope.json'), '--prompt', 'x')).toMatchObject({
      code: 2,
      err: `${at('nope.json')}: file not found`,
    });
    const j = JSON.parse(readFileSync(at('router.json'), 'utf8'));
    j.models[2].psi[1] = 'NaN';
    j.version = 1;
    writeFileSync(at('bad.json'), JSON.stringify(j));
    expect(await cli('route', '--router', at('bad.json'), '--prompt', 'x')).toMatchObject({
      code: 2,
      err: `${at('bad.json')}: models[2].psi[1]: expected a finite number in [0, 1], got "NaN"`,
    });
    writeFileSync(at('notjson.json'), 'prompt_id,score\n');
    expect((await cli('validation-prompts', '--router', at('notjson.json'), '--out', at('v.csv'))).err).toMatch(
      /notjson\.json: not JSON: /,
    );
    writeFileSync(at('nocol.csv'), 'id,prompt_text\n1,hello\n');
    expect(await cli('route', '--router', at('router.json'), '--prompts', at('nocol.csv'))).toMatchObject({
      code: 2,
      err: `${at('nocol.csv')}, row 1: expected a column named text (or prompt); found "id", "prompt_text"`,
    });
    writeFileSync(at('blank.csv'), 'prompt_id,text\na,hello\nb,  \n');
    expect(await cli('route', '--router', at('router.json'), '--prompts', at('blank.csv'))).toMatchObject({
      code: 2,
      err: `${at('blank.csv')}, row 3, column "text": empty prompt text`,
    });
  });

  it('--embedding of the wrong width or with non-numbers; text for an external-embedder router', async () => {
    const dim = readRouter(at('router.json')).centroids.cols;
    expect(await cli('route', '--router', at('router.json'), '--embedding', '[1, 2, 3]')).toMatchObject({
      code: 2,
      err: `--embedding: vector has 3 values, but this router expects ${dim}`,
    });
    writeFileSync(at('ext.json'), serializeRouter(tinyRouter()));
    expect(await cli('route', '--router', at('ext.json'), '--embedding', '[[1, 0], [9, "x"]]')).toMatchObject({
      code: 2,
      err: '--embedding: [1][1]: expected a finite number, got "x"',
    });
    expect(await cli('route', '--router', at('ext.json'), '--prompt', 'hello')).toMatchObject({
      code: 2,
      err: expect.stringContaining('external 2-d embeddings'),
    });
    const ok = await cli('route', '--router', at('ext.json'), '--embedding', '[[1, 0], [9, 0]]', '--cost-penalty', '0.125', '--json');
    // Worked out in tinyRouter.testing.ts: lambda = 1/8 -> cheap in cluster 0, mid (tie with big, cheaper) in cluster 1.
    expect(JSON.parse(ok.out).decisions.map((d: { chosen: string }) => d.chosen)).toEqual(['cheap', 'mid']);
    writeFileSync(at('emb.json'), '[9, 0]');
    expect(
      JSON.parse((await cli('route', '--router', at('ext.json'), '--embedding', at('emb.json'), '--json')).out).decisions[0].chosen,
    ).toBe('big');
  });

  it('bad scores files, duplicate names and unknown LLMs', async () => {
    const router = readRouter(at('router.json'));
    const ids = router.validationPrompts.map((p) => p.id);
    writeFileSync(at('s1.csv'), toCsv([['prompt_id', 'score'], ...ids.slice(1).map((id) => [id, '1']), ['zzz', '1']]));
    const res = await cli(
      'add-model',
      '--router',
      at('router.json'),
      '--name',
      'n',
      '--cost',
      '1',
      '--scores',
      at('s1.csv'),
      '--out',
      at('x.json'),
    );
    expect(res.code).toBe(2);
    expect(res.err.split('\n')).toEqual([
      `${at('s1.csv')}, row ${ids.length + 1}, column "prompt_id": "zzz" is not a validation prompt of this router (only its ${ids.length} validation prompts are scored)`,
      `${at('s1.csv')}: no score for 1 of ${ids.length} validation prompts ("${ids[0]}"): score the new LLM on every prompt that \`routelab validation-prompts\` lists`,
    ]);
    writeFileSync(at('s2.csv'), 'prompt_id,score\n' + ids.map((id, i) => `${id},${i === 2 ? 'yes' : '1'}`).join('\n'));
    expect(
      await cli('add-model', '--router', at('router.json'), '--name', 'n', '--cost', '1', '--scores', at('s2.csv'), '--out', at('x.json')),
    ).toMatchObject({ code: 2, err: `${at('s2.csv')}, row 4, column "score": score "yes" is not a number` });
    writeFileSync(at('s3.csv'), toCsv([['prompt_id', 'score'], ...ids.map((id) => [id, '1'])]));
    const dup = router.models[0].name;
    expect(
      await cli('add-model', '--router', at('router.json'), '--name', dup, '--cost', '1', '--scores', at('s3.csv'), '--out', at('x.json')),
    ).toMatchObject({ code: 2, err: expect.stringContaining(`an LLM named "${dup}" is already in the router`) });
    expect(await cli('remove-model', '--router', at('router.json'), '--name', 'gpt-9', '--out', at('x.json'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('no LLM named "gpt-9" in the router'),
    });
  });

  it('learnedmap without a training LLM', async () => {
    const full = generateDemoDataset({ prompts: 60, seed: 2 });
    const M = full.models.length;
    const one = { ...full, models: full.models.slice(0, 1), scores: full.scores.filter((_, i) => i % M === 0) };
    const data = writeDataset('one-llm', one);
    const res = await cli('train', '--data', data, '--method', 'learnedmap', '--k', '2', '--out', at('x.json'));
    expect(res).toMatchObject({
      code: 2,
      err: `${data}: method learnedmap needs at least one training LLM with labels, and this split has none (1 LLM, all in the test pool): use --method kmeans or more LLMs`,
    });
  });
});
