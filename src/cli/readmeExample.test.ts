/**
 * The README's "route in a Node service" example is run as written (only its import path is made
 * absolute), so the documented use of a loaded router cannot drift from the code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embedTexts, fitEmbedder } from '../core/embed';
import { serializeRouter } from '../core/routerFile';
import { tinyRouter } from '../core/routerFile/tinyRouter.testing';

const ROOT = path.resolve(__dirname, '../..');
let dir = '';
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The ```ts block of a markdown file that follows `marker`. */
function snippetAfter(markdown: string, marker: string): string {
  const at = markdown.indexOf(marker);
  expect(at, `"${marker}" in the README`).toBeGreaterThanOrEqual(0);
  const m = /```ts\n([\s\S]*?)```/.exec(markdown.slice(at));
  expect(m).not.toBeNull();
  return m![1];
}

describe('README: routing a loaded router with plain TypeScript', () => {
  it('the example runs as written on a saved router and prints the choice and every LLM', () => {
    const code = snippetAfter(readFileSync(path.join(ROOT, 'README.md'), 'utf8'), 'so it also runs\nin an edge function');
    expect(code.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(12);
    expect(code).toContain("from './src/core/routerFile'");

    // The tiny router (Psi: cheap [.25, .75] c=1, mid [.5, .5] c=2, big [.125, .25] c=4) on the built-in
    // embedder, with cluster 0 centred on a proof prompt. The example's prompt lands there, and at
    // lambda = .001: cheap .251, mid .502, big .129 -> big.
    const embedder = fitEmbedder(['Prove that sqrt(3) is irrational.', 'Write a poem about the sea.']);
    const centroids = embedTexts(['Prove that sqrt(3) is irrational.', 'Write a poem about the sea.'], embedder);
    dir = mkdtempSync(path.join(tmpdir(), 'routelab-readme-'));
    writeFileSync(path.join(dir, 'router.json'), serializeRouter(tinyRouter({ embedder, centroids })));
    const file = path.join(dir, 'example.ts');
    writeFileSync(file, code.replace("'./src/core/routerFile'", JSON.stringify(path.join(ROOT, 'src/core/routerFile'))));

    const out = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), [file], { cwd: dir, encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('big');
    expect(lines.slice(1).map((l) => l.split(' ')[0])).toEqual(['cheap', 'mid', 'big']);
    expect(lines[1].split(' ').slice(1).map(Number)).toEqual([0.25, 1, 0.251]);
  }, 30_000);
});
