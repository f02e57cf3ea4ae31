/**
 * The one way tests run the README's examples. A command line `npm run -s routelab -- ARGS` runs as
 * written: its words after `--` go to the CLI (`runLines`: in-process `run`, which is what
 * src/cli/main.ts calls; `spawnRoutelab`: package.json's script, for a server) in a sandbox that
 * stands for the repository root, where npm runs the script. The sandbox's `data/` is the
 * repository's, so `--data data/llmrouter-sample` reads the in-repo sample, and the files one
 * command writes (router.json, prompts.csv) are where the next reads them, never in the checkout.
 * A test swaps only what a reader would change too (a port), never a path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { REPO_ROOT } from '../testing/datasets.node';
import { run } from './run';
import { captureIo } from './testIo.test-util';

export const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
export const ROUTELAB = 'npm run -s routelab -- ';

/** The README from its `## title` heading to the next `## ` heading. */
export function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  expect(start, `README section "## ${title}"`).toBeGreaterThanOrEqual(0);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** Every fenced block in `lang` of `text` (default: the whole README). */
export function blocks(lang: string, text = README): string[] {
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/** The first ```lang block after `marker`. */
export function blockAfter(marker: string, lang: string, text = README): string {
  const at = text.indexOf(marker);
  expect(at, `"${marker}" in the README`).toBeGreaterThanOrEqual(0);
  const [first] = blocks(lang, text.slice(at));
  expect(first, `a ${lang} block after "${marker}"`).toBeDefined();
  return first;
}

/** The `npm run -s routelab -- ...` lines of the ```bash blocks of `text`, in order. */
export function routelabLines(text = README): string[] {
  return blocks('bash', text)
    .flatMap((b) => b.split('\n'))
    .filter((l) => l.startsWith(ROUTELAB));
}

/** Shell words of one command line: spaces split, double or single quotes group. */
export function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The CLI's argv of a README command line (its words after `npm run -s routelab --`). */
export function argvOf(line: string): string[] {
  expect(line.startsWith(ROUTELAB), line).toBe(true);
  return words(line.slice(ROUTELAB.length));
}

const sandboxes: string[] = [];
afterAll(() => sandboxes.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh sandbox standing for the repository root (removed after the test file). */
export function sandbox(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelab-readme-'));
  sandboxes.push(dir);
  symlinkSync(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'));
  return dir;
}

export interface Ran {
  line: string;
  stdout: string;
  stderr: string;
}

/** Runs README command lines in order in `dir`; each must exit 0 (its stderr is shown when one does not). */
export async function runLines(lines: readonly string[], dir: string): Promise<Ran[]> {
  const before = process.cwd();
  const ran: Ran[] = [];
  process.chdir(dir);
  try {
    for (const line of lines) {
      const io = captureIo();
      const code = await run(argvOf(line), io);
      expect(code, `${line}\n${io.stderr.join('\n')}`).toBe(0);
      ran.push({ line, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') });
    }
  } finally {
    process.chdir(before);
  }
  return ran;
}

/** What `npm run -s routelab --` runs: package.json's `routelab` script (`tsx src/cli/main.ts`), its paths made absolute. */
export function routelabScript(): { command: string; args: string[] } {
  const script = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts.routelab as string;
  const [bin, ...args] = words(script);
  return { command: path.join(REPO_ROOT, 'node_modules/.bin', bin), args: args.map((a) => path.join(REPO_ROOT, a)) };
}

/**
 * Starts a long-running README command line (`serve`) in `dir` as the npm script would, as its own
 * process group, so its processes stop together with `process.kill(-child.pid, 'SIGTERM')`.
 */
export function spawnRoutelab(line: string, dir: string): ChildProcess {
  const { command, args } = routelabScript();
  return spawn(command, [...args, ...argvOf(line)], { cwd: dir, detached: true, stdio: 'ignore' });
}
