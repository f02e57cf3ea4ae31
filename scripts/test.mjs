#!/usr/bin/env node
// `npm test`: unit tests (Vitest), production build, browser tests (Playwright on Debian Chromium).
// CI reads neither runner's own summary, so this prints one closing line `N passed, N failed`
// summed over both runners and exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'test-results';
mkdirSync(out, { recursive: true });
const unitJson = `${out}/unit-results.json`;
const e2eJson = `${out}/e2e-results.json`;
for (const f of [unitJson, e2eJson]) rmSync(f, { force: true });

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let stepFailures = 0;

const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const unit = readJson(unitJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  // A suite that fails to load has no tests to count: count it as a failure.
  failed += (unit.testResults ?? []).filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
}
if (unitStatus !== 0 && (!unit || unit.numFailedTests === 0)) stepFailures++;

const buildStatus = run('npm', ['run', '-s', 'build']);
if (buildStatus !== 0) {
  stepFailures++;
  console.error('build failed: browser tests not run');
} else {
  const e2eStatus = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  const e2e = existsSync(e2eJson) ? readJson(e2eJson) : null;
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
  }
  if (e2eStatus !== 0 && (!e2e?.stats || e2e.stats.unexpected === 0)) stepFailures++;
}

failed += stepFailures;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
