/**
 * The README's examples, run as written (src/cli/readme.test-util.ts): the "Command line" section's
 * `routelab` commands on the in-repo sample, its "route in a Node service" snippet on the router
 * those commands trained, the quick-start lines, the CI entry, the synopses and the defaults table;
 * and every `routelab` command line of the README belongs to a section some test runs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../core/defaults';
import { embedTexts, fitEmbedder } from '../core/embed';
import { parseRouter, routePrompts, serializeRouter } from '../core/routerFile';
import { tinyRouter } from '../core/routerFile/tinyRouter.testing';
import { REPO_ROOT } from '../testing/datasets.node';
import { README, argvOf, blockAfter, blocks, routelabLines, routelabScript, runLines, sandbox, section } from './readme.test-util';
import { usage, usages } from './run';

/** Runs `snippet` (its routerFile import made absolute) with tsx in `cwd`; stdout lines. */
function runSnippet(snippet: string, cwd: string): string[] {
  const file = path.join(cwd, 'example.ts');
  writeFileSync(file, snippet.replace("'./src/core/routerFile'", JSON.stringify(path.join(REPO_ROOT, 'src/core/routerFile'))));
  return execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [file], { cwd, encoding: 'utf8' }).trim().split('\n');
}

/** The sections whose command lines tests run, in README order, with the test that runs them. */
const RUN_SECTIONS = {
  'Command line': 'src/cli/readmeExample.test.ts',
  'Use the router you exported': 'src/cli/useExported.test.ts',
  'Trusting the numbers': 'src/cli/readmeTrust.test.ts',
};

const ROUTE_SNIPPET = 'so it also runs\nin an edge function';
const snippetAfter = (marker: string) => blockAfter(marker, 'ts');

describe('README: the first lines and CI', () => {
  it('open with install + start (demo) and the full test command, which .ci/run runs after npm ci', () => {
    const first = blocks('bash')[0].trim().split('\n');
    expect(first.map((l) => l.split('#')[0].trim())).toEqual(['npm ci && npm start', 'npm test']);
    expect(first[0]).toMatch(/demo/);
    expect(README.indexOf('```bash')).toBeLessThan(README.indexOf('\n## '));
    const ci = readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8');
    const commands = ci.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    expect(commands.at(-1)).toBe('npm test');
    expect(ci).toMatch(/if \[ ! -x \/usr\/bin\/chromium \]; then[\s\S]*apt-get install -y chromium[\s\S]*fi\nnpm ci/);
  });

  it("quotes every command's usage as the CLI prints it", () => {
    const synopses = blocks('text');
    expect(usages().map((u) => u.split(' ')[1])).toEqual([
      'eval',
      'train',
      'route',
      'serve',
      'validation-prompts',
      'add-model',
      'remove-model',
      'onboard',
    ]);
    for (const u of usages())
      expect(
        synopses.some((b) => b.includes(u)),
        `README text block with\n${u}`,
      ).toBe(true);
    // --help prints them under "usage:", every line indented alike, so continuation lines stay aligned.
    expect(usage()).toBe(['usage:', ...usages().flatMap((u) => u.split('\n').map((l) => `  ${l}`))].join('\n'));
  });

  it('runs every routelab command line it shows: each is in a section a test runs', () => {
    expect(routelabLines()).toEqual(Object.keys(RUN_SECTIONS).flatMap((title) => routelabLines(section(title))));
    for (const file of Object.values(RUN_SECTIONS)) expect(readFileSync(path.join(REPO_ROOT, file), 'utf8')).toContain('runLines(');
    // `npm run -s routelab --` is the CLI entry the helper runs in-process.
    expect(routelabScript().args).toEqual([path.join(REPO_ROOT, 'src/cli/main.ts')]);
    expect(readFileSync(path.join(REPO_ROOT, 'src/cli/main.ts'), 'utf8')).toContain('run(process.argv.slice(2), processIo)');
  });

  it('quotes the core DEFAULTS in its defaults table', () => {
    const cell = (key: string) => {
      const row = README.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
      expect(row, `README defaults row for ${key}`).toBeDefined();
      return row!.split('|')[2].trim().replace(/`/g, '');
    };
    for (const [key, value] of Object.entries(DEFAULTS)) {
      const shown = cell(key);
      if (Array.isArray(value)) expect(shown, key).toBe(value.join(', '));
      else if (typeof value === 'object') expect(shown, key).toBe(Object.values(value).join(' / '));
      else if (key === 'testModelFraction') {
        const [num, den] = shown.split('/').map(Number);
        expect(num / den, key).toBe(value);
      } else expect(shown, key).toBe(String(value));
    }
  });
});

describe('README: the routelab commands on the in-repo sample, as written', () => {
  it('eval, train, route and validation-prompts run, and the routing snippet runs on the trained router', async () => {
    const lines = routelabLines(section('Command line'));
    expect(lines.map((l) => argvOf(l)[0])).toEqual(['eval', 'train', 'route', 'validation-prompts']);
    expect(lines.every((l) => l.includes('--data data/llmrouter-sample') || !l.includes('--data'))).toBe(true);

    const dir = sandbox();
    const [evalOut, trainOut, routeOut] = (await runLines(lines, dir)).map((r) => r.stdout);
    expect(evalOut).toMatch(/UniRoute \(learned map\)\s+0\.\d{4}/);
    const parsed = parseRouter(readFileSync(path.join(dir, 'router.json'), 'utf8'), 'router.json');
    if (!parsed.ok) throw new Error(parsed.issues[0].message);
    const router = parsed.data;
    expect(trainOut).toContain(`wrote router.json`);
    expect(router.method).toBe(DEFAULTS.method);
    expect(router.provenance.dataset).toBe('llmrouter-sample');
    expect([...router.provenance.split.testModels].sort()).toEqual(
      ['gemma-2-9b-it', 'qwen2.5-7b-instruct', 'llama-3.1-nemotron-51b-instruct'].sort(),
    );
    const [decision] = routePrompts(router, { texts: ['Prove that sqrt(2) is irrational.'] }, 0.1);
    expect(routeOut).toContain(`-> ${decision.chosen} (cluster ${decision.cluster})`);
    const validation = readFileSync(path.join(dir, 'prompts.csv'), 'utf8').trim().split('\n');
    expect(validation.length).toBeGreaterThan(router.validationPrompts.length); // a header, then one record per prompt

    // The snippet reads router.json from its folder: the router the commands above trained.
    const printed = runSnippet(snippetAfter(ROUTE_SNIPPET), dir);
    const [atSnippet] = routePrompts(router, { texts: ['Prove that sqrt(2) is irrational.'] }, 0.001);
    expect(printed[0]).toBe(atSnippet.chosen);
    expect(printed.slice(1).map((l) => l.split(' ')[0])).toEqual(atSnippet.perModel.map((h) => h.name));
  }, 120_000);
});

describe('README: routing a loaded router with plain TypeScript', () => {
  it('the example runs as written on a saved router and prints the choice and every LLM', () => {
    const code = snippetAfter(ROUTE_SNIPPET);
    expect(code.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(12);
    expect(code).toContain("from './src/core/routerFile'");

    // The tiny router (Psi: cheap [.25, .75] c=1, mid [.5, .5] c=2, big [.125, .25] c=4) on the built-in
    // embedder, with cluster 0 centred on a proof prompt. The example's prompt lands there, and at
    // lambda = .001: cheap .251, mid .502, big .129 -> big.
    const embedder = fitEmbedder(['Prove that sqrt(3) is irrational.', 'Write a poem about the sea.']);
    const centroids = embedTexts(['Prove that sqrt(3) is irrational.', 'Write a poem about the sea.'], embedder);
    const dir = sandbox();
    writeFileSync(path.join(dir, 'router.json'), serializeRouter(tinyRouter({ embedder, centroids })));
    const lines = runSnippet(code, dir);
    expect(lines[0]).toBe('big');
    expect(lines.slice(1).map((l) => l.split(' ')[0])).toEqual(['cheap', 'mid', 'big']);
    expect(lines[1].split(' ').slice(1).map(Number)).toEqual([0.25, 1, 0.251]);
  }, 30_000);
});
