/**
 * The README's "Use the router you exported" examples, run as written (src/cli/readme.test-util.ts;
 * only the port is swapped for a free one) on a router trained on demo data: the command lines, the
 * module from a tarball made by `npm pack` and installed offline into a separate project (plain
 * `node`, ESM and CommonJS, type-checked), and the HTTP service with curl. Each must choose the LLM
 * that `routelab route --json` chooses.
 */
import { execFileSync, execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDatasetFiles, generateDemoDataset } from '../core/demo';
import { toCsv } from '../core/demo/files';
import { REPO_ROOT as ROOT } from '../testing/datasets.node';
import type { Io } from './io';
import { argvOf, blockAfter, routelabLines, runLines, sandbox, section, spawnRoutelab } from './readme.test-util';
import { run } from './run';

const USE = section('Use the router you exported');
const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const dataset = generateDemoDataset({ prompts: 240, seed: 8 });
/** 20 prompts of the dataset for the module-versus-CLI check. */
const PROMPTS = dataset.prompts.filter((_, i) => i % 12 === 3).map((p) => p.text);
let dir = '';
let service = '';
const at = (name: string) => path.join(dir, name);

const block = (marker: string, lang: string) => blockAfter(marker, lang, USE);
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

async function cliJson(...argv: string[]) {
  const out: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: () => {}, progress: () => {} };
  expect(await run([...argv, '--json'], io)).toBe(0);
  return JSON.parse(out.join('\n'));
}

beforeAll(async () => {
  // The sandbox stands for the repository root; router.json there is the router the README uses.
  dir = sandbox();
  mkdirSync(at('demo'));
  for (const f of demoDatasetFiles(dataset)) writeFileSync(path.join(at('demo'), f.name), f.text);
  const trained = await run(
    ['train', '--data', at('demo'), '--k', '5', '--seed', '1', '--cost-penalty', '0.01', '--out', at('router.json')],
    { out: () => {}, err: () => {}, progress: () => {} },
  );
  expect(trained).toBe(0);
  // The README's install steps: `npm pack` here, `npm install <tarball>` in a separate project (offline: no dependencies).
  const [pack, install] = lines(block('**Module**', 'bash')).map((l) => l.replace(/\s+#.*$/, ''));
  expect(pack).toBe('npm pack');
  execSync(`${pack} --pack-destination ${dir}`, { cwd: ROOT, stdio: 'pipe' });
  service = at('service');
  mkdirSync(service);
  writeFileSync(path.join(service, 'package.json'), JSON.stringify({ name: 'service', private: true, type: 'module' }));
  const tarball = at(`routelab-${VERSION}.tgz`);
  expect(install).toBe(`npm install /path/to/routelab-${VERSION}.tgz`);
  execSync(`${install.replace(`/path/to/routelab-${VERSION}.tgz`, tarball)} --offline --no-audit --no-fund`, {
    cwd: service,
    stdio: 'pipe',
  });
  copyFileSync(at('router.json'), path.join(service, 'router.json'));
}, 180_000);

describe('README: use the router you exported', () => {
  it("the command lines: the pool at the file's lambda, then every LLM at another lambda", async () => {
    const commands = routelabLines(USE);
    expect(commands.map((l) => argvOf(l)[0])).toEqual(['route', 'route', 'serve']);
    expect(lines(block('**Command line**', 'bash'))).toEqual(commands.slice(0, 2));
    const [first, second] = await runLines(commands.slice(0, 2), dir);
    const want = await cliJson('route', '--router', at('router.json'), '--prompt', 'What is 2+2?');
    expect(first.stdout).toContain(`-> ${want.decisions[0].chosen} (cluster `);
    const all = JSON.parse(second.stdout);
    expect(all).toMatchObject({ costPenalty: 0.01, allModels: true });
    expect(all.decisions[0].models).toHaveLength(11);
    expect(want.decisions[0].models).toHaveLength(JSON.parse(readFileSync(at('router.json'), 'utf8')).pool.length);
  });

  it('the module example runs with plain node in a project that installed the packed tarball', async () => {
    // Only RouteLab was installed: the entry has no dependencies.
    expect(readdirSync(path.join(service, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['routelab']);
    writeFileSync(path.join(service, 'example.mjs'), block('**Module**', 'js'));
    const out = lines(execFileSync(process.execPath, ['example.mjs'], { cwd: service, encoding: 'utf8' }));
    const want = (await cliJson('route', '--router', at('router.json'), '--prompt', 'What is 2+2?')).decisions[0];
    expect(out[0]).toBe(want.chosen);
    expect(out.slice(1)).toEqual(want.models.map((m: Record<string, number>) => `${m.name} ${m.predictedError} ${m.cost} ${m.penalised}`));
  });

  it('ESM import and CommonJS require choose what the CLI chooses on 20 prompts; the types check', async () => {
    // A CSV: demo prompts hold newlines, which a .txt file would split.
    writeFileSync(at('p.csv'), toCsv([['prompt_id', 'text'], ...PROMPTS.map((t, i) => [String(i), t])]));
    const want = (await cliJson('route', '--router', at('router.json'), '--prompts', at('p.csv'))).decisions.map(
      ({ promptId: _, ...d }: { promptId: string }) => d,
    );
    writeFileSync(path.join(service, 'prompts.json'), JSON.stringify(PROMPTS));
    const body = `const router = loadRouter(readFileSync('router.json', 'utf8'));
process.stdout.write(JSON.stringify(route(router, JSON.parse(readFileSync('prompts.json', 'utf8')))));`;
    writeFileSync(
      path.join(service, 'esm.mjs'),
      `import { readFileSync } from 'node:fs';\nimport { loadRouter, route } from 'routelab/router';\n${body}`,
    );
    writeFileSync(
      path.join(service, 'cjs.cjs'),
      `const { readFileSync } = require('node:fs');\nconst { loadRouter, route } = require('routelab/router');\n${body}`,
    );
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      expect(JSON.parse(execFileSync(process.execPath, [file], { cwd: service, encoding: 'utf8' })), file).toEqual(want);
    }
    expect(new Set(want.map((d: { chosen: string }) => d.chosen)).size).toBeGreaterThan(1);

    // Types: strict NodeNext checks of an ES module and a CommonJS module, library files checked too.
    writeFileSync(
      path.join(service, 'check.mts'),
      `import { loadRouter, route, RouterFileError, type DecisionJson, type Router } from 'routelab/router';
declare const text: string;
const router: Router = loadRouter(text);
const one: DecisionJson = route(router, 'x', { costPenalty: 0.01, allModels: true });
const many: DecisionJson[] = route(router, ['a', 'b']);
export const out: [string, number, RouterFileError] = [one.chosen, many[0].models[0].penalised, new RouterFileError([])];
// @ts-expect-error a prompt is a string
route(router, 42);
`,
    );
    writeFileSync(
      path.join(service, 'check.cts'),
      `import routelab = require('routelab/router');\ndeclare const text: string;\nexport = routelab.route(routelab.loadRouter(text), 'x').chosen;\n`,
    );
    const options = {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
      lib: ['es2022'],
    };
    writeFileSync(path.join(service, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['check.mts', 'check.cts'] }));
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: service,
      stdio: 'pipe',
    });
  });

  it('the HTTP service example: serve, then curl', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const [serve, ...curls] = lines(block('**HTTP service**', 'bash')).map((l) => l.replaceAll('8787', String(port)));
    const child = spawnRoutelab(serve, dir);
    try {
      for (let i = 0; ; i++) {
        try {
          execSync(`curl -sf 127.0.0.1:${port}/healthz`, { stdio: 'pipe' });
          break;
        } catch {
          if (i > 100) throw new Error('serve did not start');
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      const [one, many, health] = curls.map((c) => JSON.parse(execSync(c, { encoding: 'utf8' })));
      expect(one).toEqual(await cliJson('route', '--router', at('router.json'), '--prompt', 'What is 2+2?'));
      writeFileSync(at('two.txt'), 'What is 2+2?\nWrite a haiku about rain.\n');
      const both = await cliJson(
        'route',
        '--router',
        at('router.json'),
        '--prompts',
        at('two.txt'),
        '--cost-penalty',
        '0.01',
        '--all-models',
      );
      expect(many).toEqual({ ...both, decisions: both.decisions.map(({ promptId: _, ...d }: { promptId: string }) => d) });
      expect(health).toMatchObject({ status: 'ok', router: { method: 'learnedmap', costPenalty: 0.01, models: 11 } });
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 60_000);
});
