/**
 * `routelab eval --bootstrap B`: intervals and verdicts added to the JSON with every existing key
 * unchanged, on the hand-worked dataset of evalFixture.test-util.ts (two test prompts, so every resample
 * is one of three and the intervals are known by hand) and on the real datasets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itShared, sharedDir, type SharedName } from '../testing/datasets.node';
import { writeContractData } from './evalFixture.test-util';
import { cli } from './testIo.test-util';

let dir = '';
const at = (name: string) => join(dir, name);

// The dataset of evalFixture.test-util.ts: test prompts p09 (b right, c right) and p10 (b wrong, c right) are scored.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'routelab-bootstrap-'));
  writeContractData(dir);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const evalArgs = () => ['eval', '--data', at('data'), '--split', at('split.json'), '--k', '2', '--knn-k', '2'];
const NEW_KEYS = ['ci', 'band', 'saving'];

describe('routelab eval --bootstrap', () => {
  it('adds ci to every method and comparisons, leaving every existing key as it was', async () => {
    const plain = JSON.parse((await cli(...evalArgs(), '--json')).stdout[0]);
    const res = await cli(...evalArgs(), '--bootstrap', '200', '--json');
    expect(res.code, res.err).toBe(0);
    const report = JSON.parse(res.stdout[0]);
    for (const [name, m] of Object.entries(report.methods) as [string, Record<string, unknown>][]) {
      const { ci, band, saving, ...rest } = m;
      expect(rest).toEqual(plain.methods[name]);
      expect(Object.keys(ci as object)).toEqual(['area', 'area50', 'qnc', 'aiq', 'peakAccuracy']);
      expect(band).toMatchObject({ cost: expect.any(Array), lo: expect.any(Array), hi: expect.any(Array) });
      expect(saving).toMatchObject({ model: ['c'] });
    }
    for (const key of Object.keys(plain)) if (key !== 'methods') expect(report[key]).toEqual(plain[key]);
    expect(Object.keys(plain.methods.oracle)).not.toEqual(expect.arrayContaining(NEW_KEYS));

    // Resamples of {p09, p10}: both p09 (oracle Area 1, QNC 0.5), one each (0.6875, 0.75), both p10 (0.25, 1).
    expect(report.methods.oracle.ci.area).toEqual([0.25, 1]);
    expect(report.methods.oracle.ci.qnc).toEqual([0.5, 1]);
    // Every router sends both prompts to b: its Area is b's accuracy, 1, 0.5 or 0. It reaches the most
    // accurate LLM only where that is b itself (both p09: b and c right, the cheaper b is the target).
    expect(report.methods['uniroute-kmeans'].ci.area).toEqual([0, 1]);
    expect(report.methods['uniroute-kmeans'].ci.qnc).toEqual([0.5, null]);
    expect(report.comparisons.map((c: { a: string; b: string }) => `${c.a} ${c.b}`)).toEqual([
      'uniroute-kmeans knn',
      'uniroute-kmeans zero-router',
      'uniroute-kmeans best-single',
      'uniroute-learnedmap knn',
      'uniroute-learnedmap zero-router',
      'uniroute-learnedmap best-single',
    ]);
    for (const c of report.comparisons)
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['a', 'b', 'deltaArea', 'ci', 'winShare', 'verdict']));
    // Identical curves (everything to b): tied, half the resamples "won".
    expect(report.comparisons[0]).toMatchObject({ deltaArea: 0, ci: [0, 0], winShare: 0.5, verdict: 'tied' });
    // Against c (Area = its accuracy, 1 on every resample): 0 - 1 ... 1 - 1, an interval that touches 0.
    expect(report.comparisons[2]).toMatchObject({ bModels: ['c'], deltaArea: -0.5, ci: [-1, 0], verdict: 'tied' });
    expect(report.bootstrap).toMatchObject({ resamples: 200, completed: 200, trials: 1, level: 0.95, bestModels: ['c'] });
  });

  it('prints the intervals and verdicts in the table; refuses B < 1', async () => {
    const res = await cli(...evalArgs(), '--bootstrap', '50');
    expect(res.code, res.err).toBe(0);
    expect(res.out).toContain('95% intervals, paired bootstrap over test prompts (50 resamples)');
    expect(res.out).toMatch(/^Oracle +\[0\.2500, 1\.0000\]/m);
    expect(res.out).toMatch(/^UniRoute \(K-means\) vs K-NN +0\.0000 +\[0\.0000, 0\.0000\] +50% +tied$/m);
    expect(await cli(...evalArgs(), '--bootstrap', '0')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--bootstrap must be an integer >= 1'),
    });
  });

  it('with --trials: per-trial values and one interval of the mean over trials', async () => {
    const res = await cli(...evalArgs(), '--trials', '2', '--bootstrap', '40', '--json');
    expect(res.code, res.err).toBe(0);
    const report = JSON.parse(res.stdout[0]);
    expect(report.methods.oracle.perTrial.area).toEqual([0.6875, 0.6875]);
    expect(report.bootstrap).toMatchObject({ trials: 2, resamples: 40, bestModels: ['c', 'c'] });
    expect(report.bootstrap.combine).toContain('averaged');
    expect(report.methods.oracle.ci.area[0]).toBeGreaterThanOrEqual(0.25);
  });
});

describe('routelab eval --cost-penalty: is routing paying?', () => {
  it('judges each UniRoute router at that lambda on the first trial, by hand on the two test prompts', async () => {
    const res = await cli(...evalArgs(), '--cost-penalty', '0', '--json');
    expect(res.code, res.err).toBe(0);
    const report = JSON.parse(res.stdout[0]);
    expect(report.evidence).toBeUndefined();
    expect(Object.keys(report.paying.methods)).toEqual(['uniroute-kmeans', 'uniroute-learnedmap']);
    const r = report.paying.methods['uniroute-kmeans'];
    // Both prompts go to b (cost 2 of 4, right once): b is also the best LLM at no more cost.
    expect(r.router).toEqual({ cost: 0.5, costRaw: 2, accuracy: 0.5 });
    expect(r.bestSingleWithinCost).toEqual({ name: 'b', cost: 0.5, accuracy: 0.5, accuracyGain: 0 });
    expect(r.oracleAtCost).toEqual({ accuracy: 0.5, gapToOracle: 0 });
    expect(r.saving).toMatchObject({ model: 'c', value: null, sentence: 'does not reach the accuracy of c (1.0000)' });
    expect(r.collapse).toMatchObject({ model: 'b', share: 1, warning: true, threshold: 0.9, reason: 'cheapest' });
    expect(r.byTask).toEqual({ groups: ['(no task)'], counts: [[2, 0]] });
    expect(r.byCluster.counts.flat().reduce((a: number, b: number) => a + b, 0)).toBe(2);
    const table = await cli(...evalArgs(), '--cost-penalty', '0');
    expect(table.out).toContain('Is routing paying? UniRoute (K-means) at lambda = 0 (trial seed 0):');
    expect(table.out).toContain(
      'most used: b (100.0%) - warning: routing has collapsed (over 90% of prompts to one LLM). b is the cheapest LLM',
    );
  });
});

describe.each(['routerbench_subset', 'llmrouter_nim9'] as SharedName[])('routelab eval --bootstrap on %s', (name) => {
  itShared(name, 'intervals hold the point estimates; the paired deltas are the reported Area differences', async () => {
    const res = await cli('eval', '--data', sharedDir(name), '--seed', '1', '--bootstrap', '100', '--cost-penalty', '0', '--json');
    expect(res.code, res.err).toBe(0);
    const report = JSON.parse(res.stdout[0]);
    for (const m of Object.values(report.methods) as { area: number; ci: { area: number[]; aiq: number[] }; aiq: number }[]) {
      expect(m.ci.area[0]).toBeLessThanOrEqual(m.area + 1e-12);
      expect(m.ci.area[1]).toBeGreaterThanOrEqual(m.area - 1e-12);
      expect(m.ci.area[1] - m.ci.area[0]).toBeGreaterThan(0);
    }
    for (const c of report.comparisons) {
      // The bootstrap's own point estimate (its replay with every weight 1) against eval's exact sweep.
      const b = c.b === 'best-single' ? report.singles[c.bModels[0]].accuracy : report.methods[c.b].area;
      expect(c.deltaArea).toBeCloseTo(report.methods[c.a].area - b, 9);
      expect(c.verdict).toBe(c.ci[0] > 0 ? 'better' : c.ci[1] < 0 ? 'worse' : 'tied');
    }
    // Is routing paying at the quality end: the router's point is on or under its curve; shares count every test prompt.
    for (const [m, r] of Object.entries(report.paying.methods) as [
      string,
      { router: { accuracy: number }; shares: { count: number }[]; byTask: { counts: number[][] }; saving: { value: number | null } },
    ][]) {
      expect(r.router.accuracy).toBeLessThanOrEqual(report.methods[m].peakAccuracy + 1e-12);
      const n = report.split.testScored;
      expect(r.shares.reduce((a, s) => a + s.count, 0)).toBe(n);
      expect(r.byTask.counts.flat().reduce((a, b) => a + b, 0)).toBe(n);
      if (r.saving.value !== null)
        expect(r.saving.value).toBeCloseTo(1 - report.methods[m].qnc / report.singles[report.bootstrap.bestModels[0]].cost, 9);
    }
  });
});
