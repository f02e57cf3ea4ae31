/**
 * The README's "Trusting the numbers" commands run as written on ../shared/data (skipped without
 * it): only the data folder and the router file's path are made absolute.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itShared, SHARED_DATA } from '../testing/datasets.node';
import { run } from './run';
import { captureIo } from './testIo.test-util';

const ROOT = path.resolve(__dirname, '../..');
let dir = '';
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The `npm run -s routelab -- ...` lines of the README section, in order, without placeholders. */
function commands(): string[][] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Trusting the numbers');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return section
    .split('\n')
    .filter((l) => l.startsWith('npm run -s routelab -- ') && !/DIR|NAME|\\$/.test(l))
    .map((l) => l.slice('npm run -s routelab -- '.length).split(/\s+/));
}

describe('README: trusting the numbers', () => {
  itShared(
    ['routerbench_subset', 'llmrouter_nim9'],
    'every command runs as written and prints what the README says it prints',
    async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'routelab-readme-trust-'));
      const cmds = commands();
      expect(cmds.map((c) => c[0])).toEqual(['eval', 'onboard', 'train', 'route']);
      const outputs: string[] = [];
      for (const argv of cmds) {
        const io = captureIo();
        const args = argv.map((a) =>
          a.startsWith('../shared/data') ? a.replace('../shared/data', SHARED_DATA) : a === 'router.json' ? path.join(dir, a) : a,
        );
        const code = await run(args, io);
        expect(code, io.stderr.join('\n')).toBe(0);
        outputs.push(io.stdout.join('\n'));
      }
      const [evalOut, onboardOut, , routeOut] = outputs;
      expect(evalOut).toContain('95% intervals, paired bootstrap over test prompts (200 resamples)');
      expect(evalOut).toMatch(/^UniRoute \(learned map\) vs K-NN +[-\d.]+ +\[/m);
      expect(evalOut).toContain('Is routing paying? UniRoute (learned map) at lambda = 20 (trial seed 0):');
      expect(evalOut).toContain('saves 5.7% of cost at the accuracy of zero-one-ai/Yi-34B-Chat');
      expect(onboardOut).toMatch(/^5 +5 +5 +0\.8015 /m);
      expect(onboardOut).toContain('labels needed to come within 0.01 Area of all labels (mean |gap|): ');
      expect(routeOut).toContain('cluster mix against the validation mix: total-variation distance 0.1399');
      expect(routeOut).toContain('predicted accuracy: 0.9086 (validation mix: 0.9000)');
    },
    120_000,
  );
});
