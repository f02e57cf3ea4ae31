/**
 * `routelab serve` over HTTP on 127.0.0.1 (an ephemeral port): POST /route answers with exactly the
 * JSON of `routelab route --json`, GET /healthz says what is loaded, bad requests get a 4xx with a
 * message and the server keeps answering. Then the real command in a child process, alone and as a
 * cluster of worker processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDatasetFiles, generateDemoDataset } from '../core/demo';
import { parseRouter, serializeRouter, type Router } from '../core/routerFile';
import { tinyRouter } from '../core/routerFile/tinyRouter.testing';
import type { Io } from './io';
import { createRouteServer, MAX_BODY_BYTES } from './routeServer';
import { run } from './run';

const ROOT = path.resolve(__dirname, '../..');
let dir = '';
let router: Router;
let base = '';
const server = { close: () => {} };
const at = (name: string) => path.join(dir, name);
const PROMPTS = ['What is 2+2?', 'Prove that sqrt(2) is irrational.', 'Translate "good night" into German.', 'Write a haiku about rain.'];

async function cli(...argv: string[]) {
  const out: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: () => {}, progress: () => {} };
  const code = await run(argv, io);
  return { code, out: out.join('\n') };
}

/** POST (or GET) with a raw body; the status and the parsed JSON answer. */
async function call(pathname: string, body?: string, method = body === undefined ? 'GET' : 'POST', url = base) {
  const res = await fetch(url + pathname, { method, body });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'routelab-serve-'));
  mkdirSync(at('data'));
  for (const f of demoDatasetFiles(generateDemoDataset({ prompts: 240, seed: 5 }))) writeFileSync(path.join(at('data'), f.name), f.text);
  expect(
    (await cli('train', '--data', at('data'), '--k', '4', '--seed', '2', '--cost-penalty', '0.01', '--out', at('router.json'))).code,
  ).toBe(0);
  const parsed = parseRouter(readFileSync(at('router.json'), 'utf8'));
  if (!parsed.ok) throw new Error('router');
  router = parsed.data;
  const s = createRouteServer(router, 'router.json');
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  server.close = () => s.close();
});

afterAll(() => {
  server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('POST /route', () => {
  it('answers one prompt with the JSON of route --json', async () => {
    for (const prompt of PROMPTS) {
      const cliJson = JSON.parse((await cli('route', '--router', at('router.json'), '--prompt', prompt, '--json')).out);
      const res = await call('/route', JSON.stringify({ prompt }));
      expect(res.status).toBe(200);
      expect(res.json).toEqual(cliJson);
      expect(router.pool).toContain(res.json.decisions[0].chosen);
    }
  });

  it('answers many prompts in order, with costPenalty and allModels like the flags', async () => {
    writeFileSync(at('p.txt'), PROMPTS.join('\n') + '\n');
    const cliJson = JSON.parse(
      (await cli('route', '--router', at('router.json'), '--prompts', at('p.txt'), '--cost-penalty', '0.002', '--all-models', '--json'))
        .out,
    );
    const res = await call('/route', JSON.stringify({ prompts: PROMPTS, costPenalty: 0.002, allModels: true }));
    expect(res.status).toBe(200);
    const withoutIds = cliJson.decisions.map(({ promptId: _, ...d }: { promptId: string }) => d);
    expect(res.json).toEqual({ ...cliJson, decisions: withoutIds });
    expect(res.json.decisions[0].models).toHaveLength(11);
  });

  it('routes vectors for an external-embedder router', async () => {
    const s = createRouteServer(tinyRouter({ costPenalty: 0.125 }));
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    try {
      // Worked out in tinyRouter.testing.ts: lambda = 1/8 -> cheap in cluster 0, mid in cluster 1.
      const many = await call(
        '/route',
        JSON.stringify({
          embeddings: [
            [1, 0],
            [9, 0],
          ],
        }),
        'POST',
        url,
      );
      expect(many.json.decisions.map((d: { chosen: string }) => d.chosen)).toEqual(['cheap', 'mid']);
      const one = await call('/route', JSON.stringify({ embedding: [9, 0], costPenalty: 0 }), 'POST', url);
      expect(one.json.decisions[0].chosen).toBe('big');
      expect(await call('/route', JSON.stringify({ prompt: 'hello' }), 'POST', url)).toEqual({
        status: 400,
        json: {
          error: 'this router uses external 2-d embeddings, which RouteLab cannot compute from text: send "embedding" or "embeddings"',
        },
      });
      expect(await call('/route', JSON.stringify({ embedding: [9, 'x'] }), 'POST', url)).toEqual({
        status: 400,
        json: { error: '"embedding"[1] must be a finite number, got "x"' },
      });
    } finally {
      s.close();
    }
  });
});

describe('bad requests get a 4xx with a message, and the server keeps answering', () => {
  const cases: [string, string, number, string][] = [
    ['not JSON', '{"prompt": ', 400, 'body is not JSON: '],
    ['an array', '["What is 2+2?"]', 400, 'body must be a JSON object such as {"prompt": "..."} or {"prompts": ["...", "..."]}'],
    ['no prompt', '{}', 400, 'give exactly one of "prompt", "prompts", "embedding" or "embeddings"'],
    [
      'two inputs',
      '{"prompt": "a", "prompts": ["b"]}',
      400,
      'give exactly one of "prompt", "prompts", "embedding" or "embeddings" (got "prompt", "prompts")',
    ],
    ['a number prompt', '{"prompt": 3}', 400, '"prompt" must be a string, got 3'],
    ['empty prompts', '{"prompts": []}', 400, '"prompts" must be a non-empty array of strings'],
    ['a non-string in prompts', '{"prompts": ["a", null]}', 400, '"prompts"[1] must be a string, got null'],
    ['a negative costPenalty', '{"prompt": "a", "costPenalty": -1}', 400, '"costPenalty" must be a finite number >= 0, got -1'],
    ['a string allModels', '{"prompt": "a", "allModels": "yes"}', 400, '"allModels" must be true or false, got "yes"'],
    [
      'a misspelt field',
      '{"prompt": "a", "costpenalty": 1}',
      400,
      'unknown field "costpenalty" (fields: prompt, prompts, embedding, embeddings, costPenalty, allModels)',
    ],
    ['a vector of the wrong width', '{"embedding": [1, 2]}', 400, '"embedding" must be an array of 256 numbers (this router\'s dimension)'],
  ];
  it.each(cases)('%s', async (_, body, status, message) => {
    const res = await call('/route', body);
    expect(res.status).toBe(status);
    expect(res.json.error.startsWith(message), res.json.error).toBe(true);
    expect((await call('/healthz')).status).toBe(200);
  });

  it('an oversized body (declared or streamed) gets 413', async () => {
    const big = JSON.stringify({ prompt: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await call('/route', big);
    expect(res).toEqual({ status: 413, json: { error: `request body of ${big.length} bytes is over the 8388608-byte limit (8 MiB)` } });
    // Chunked, so the length is only known while reading.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(base + '/route', { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (r) => {
        let body = '';
        r.on('data', (c) => (body += c)).on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(1 << 20);
      for (let i = 0; i < 9; i++) req.write(chunk);
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error).toMatch(/^request body of \d+ bytes is over the 8388608-byte limit/);
    expect((await call('/healthz')).status).toBe(200);
  });

  it('unknown paths get 404 and wrong methods 405; /healthz reports the router', async () => {
    expect(await call('/nope')).toEqual({ status: 404, json: { error: 'no /nope: POST /route or GET /healthz' } });
    expect(await call('/route')).toEqual({ status: 405, json: { error: 'use POST /route with a JSON body' } });
    expect(await call('/healthz', '{}')).toEqual({ status: 405, json: { error: 'use GET /healthz' } });
    expect((await call('/healthz')).json).toEqual({
      status: 'ok',
      router: {
        file: 'router.json',
        method: 'learnedmap',
        costPenalty: 0.01,
        costUnit: router.costUnit,
        pool: router.pool,
        models: 11,
        dataset: 'data',
        dataHash: router.provenance.dataHash,
      },
    });
  });

  it('answers concurrent requests independently (stateless)', async () => {
    const bodies = PROMPTS.flatMap((prompt) => [0, 0.001, 0.05].map((costPenalty) => ({ prompt, costPenalty })));
    const answers = await Promise.all(bodies.map((b) => call('/route', JSON.stringify(b))));
    const one = await Promise.all(bodies.map(async (b) => (await call('/route', JSON.stringify(b))).json));
    expect(answers.map((a) => a.json)).toEqual(one);
  });
});

/** Starts `routelab serve` as the CLI runs it; resolves with the port it printed. */
function startServe(args: string[]): Promise<{ child: ChildProcess; port: number; log: () => string }> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/main.ts'), 'serve', ...args], { cwd: ROOT });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      log += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) resolve({ child, port: Number(m[1]), log: () => log });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${log}`)));
  });
}

describe('routelab serve, the command', () => {
  it.each([
    ['one process', []],
    ['two worker processes (cluster)', ['--workers', '2']],
  ])(
    '%s: routes over HTTP, and stops cleanly on SIGTERM',
    async (_, extra) => {
      const { child, port } = await startServe(['--router', at('router.json'), '--port', '0', '--host', '127.0.0.1', ...extra]);
      const url = `http://127.0.0.1:${port}`;
      const want = JSON.parse((await cli('route', '--router', at('router.json'), '--prompt', PROMPTS[1], '--json')).out);
      for (let i = 0; i < 4; i++) expect((await call('/route', JSON.stringify({ prompt: PROMPTS[1] }), 'POST', url)).json).toEqual(want);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
    60_000,
  );

  it('refuses a bad router file before listening (exit 2, the file and JSON path)', async () => {
    writeFileSync(at('bad.json'), serializeRouter(tinyRouter()).replace('"costPenalty": 0', '"costPenalty": -1'));
    const out: string[] = [];
    const code = await run(['serve', '--router', at('bad.json'), '--port', '0'], {
      out: () => {},
      err: (t) => out.push(t),
      progress: () => {},
    });
    expect(code).toBe(2);
    expect(out).toEqual([`${at('bad.json')}: costPenalty: expected a finite number >= 0, got -1`]);
  });
});
