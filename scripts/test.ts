/**
 * `npm test`: ESLint (zero warnings), the Prettier check, unit tests (Vitest), production build,
 * browser tests (Playwright on Debian Chromium). CI reads neither runner's own summary, so this
 * prints one closing line `N passed, N failed, N skipped` summed over both runners (a failed lint,
 * format, build or runner step counts as one failure) and exits non-zero when anything failed.
 * Skipped tests are the extended suite's when ../shared/data is absent (with CI set they fail).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** The mark `itShared` / `describeShared` (src/testing/datasets.node.ts) put in an extended-suite test's name. */
export const EXTENDED_MARK = '[extended: ../shared/data/';

interface VitestFile {
  status: string;
  assertionResults: { status: string; fullName: string }[];
}

/**
 * Vitest's JSON report (Jest's format), counted file by file. Skipped means one thing: an
 * extended-suite test whose ../shared/data is absent. Vitest also reports as skipped the tests of a
 * file whose beforeAll hook threw, and a file that fails to load has no tests at all: both are
 * failures here (each test that did not run, or one for a file with none), as is any other skip.
 */
export function vitestCounts(report: { testResults: VitestFile[] }): Counts {
  const c: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const file of report.testResults) {
    let failed = 0;
    for (const t of file.assertionResults) {
      if (t.status === 'passed') c.passed++;
      else if (t.status !== 'failed' && file.status !== 'failed' && t.fullName.includes(EXTENDED_MARK)) c.skipped++;
      else failed++;
    }
    c.failed += file.status === 'failed' ? Math.max(failed, 1) : failed;
  }
  return c;
}

/** Playwright's JSON report: flaky tests passed on a retry. */
export function playwrightCounts(report: { stats: { expected: number; unexpected: number; flaky?: number; skipped?: number } }): Counts {
  const s = report.stats;
  return { passed: s.expected + (s.flaky ?? 0), failed: s.unexpected, skipped: s.skipped ?? 0 };
}

export function closingLine(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
  } catch {
    return null;
  }
}

function main(): number {
  const out = 'test-results';
  mkdirSync(out, { recursive: true });
  const unitJson = `${out}/unit-results.json`;
  const e2eJson = `${out}/e2e-results.json`;
  for (const f of [unitJson, e2eJson]) rmSync(f, { force: true });

  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: Counts) => {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  };
  const failedSteps: string[] = [];
  const step = (name: string, status: number, counted = false) => {
    // A step whose failures are already counted as failed tests adds nothing more.
    if (status !== 0 && !counted) failedSteps.push(name);
  };

  // `npm run lint` is `eslint . --max-warnings 0`; `npm run format:check` is `prettier --check .`.
  step('lint', run('npm', ['run', '-s', 'lint']));
  step('format:check', run('npm', ['run', '-s', 'format:check']));

  const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
  const unit = readJson<Parameters<typeof vitestCounts>[0]>(unitJson);
  const unitCounts = unit ? vitestCounts(unit) : null;
  if (unitCounts) add(unitCounts);
  step('vitest', unitStatus, (unitCounts?.failed ?? 0) > 0);

  const buildStatus = run('npm', ['run', '-s', 'build']);
  step('build', buildStatus);
  if (buildStatus !== 0) console.error('build failed: browser tests not run');
  else {
    const e2eStatus = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
    const e2e = readJson<Parameters<typeof playwrightCounts>[0]>(e2eJson);
    const e2eCounts = e2e?.stats ? playwrightCounts(e2e) : null;
    if (e2eCounts) add(e2eCounts);
    step('playwright', e2eStatus, (e2eCounts?.failed ?? 0) > 0);
  }

  total.failed += failedSteps.length;
  if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
  console.log(`\n${closingLine(total)}`);
  return total.failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
