/** `routelab onboard` end to end: on a small demo written to disk, and on the real datasets of ../shared/data. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDatasetFiles, generateDemoDataset } from '../core/demo';
import { itShared, loadScores, sharedDir, type SharedName } from '../testing/datasets.node';
import { cli } from './testIo.test-util';

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'routelab-onboard-'));
  for (const f of demoDatasetFiles(generateDemoDataset({ prompts: 660 }))) writeFileSync(join(dir, f.name), f.text);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('routelab onboard', () => {
  it('--json: the report with every label budget, the full-label profile and the budget that comes within 0.01', async () => {
    const res = await cli('onboard', '--data', dir, '--model', 'coder-7b', '--labels', '5,20,all', '--repeats', '3', '--json');
    expect(res.code, res.err).toBe(0);
    const r = JSON.parse(res.stdout[0]);
    expect(r.model).toBe('coder-7b');
    expect(r.byLabels.map((b: { labels: unknown }) => b.labels)).toEqual([5, 20, 'all']);
    expect(r.byLabels[2].areaGap.meanAbs).toBe(0);
    expect(Object.keys(r.full)).toEqual(['area', 'share', 'psi', 'counts', 'interval', 'curve']);
    expect(r.full.psi).toHaveLength(r.k);
    expect([5, 20, 'all']).toContain(r.within.labels);
  });

  it('prints the gap table and the per-cluster errors', async () => {
    const res = await cli('onboard', '--data', dir, '--model', 'coder-7b', '--labels', '5,all', '--repeats', '2', '--k', '4');
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/^onboarding coder-7b: trained without it \(10 training LLMs, K = 4, learnedmap, seed 0\)/);
    expect(res.out).toMatch(/^all +\d+ +1 +[\d.]+ \[[\d.]+, [\d.]+\] +0\.0000 \[0\.0000, 0\.0000\] +0\.0000 /m);
    expect(res.out).toContain('labels needed to come within 0.01 Area of all labels (mean |gap|): ');
    expect(res.out).toMatch(/^3 +\d+ +[\d.]+ \[/m);
  });

  it('bad flags and an unknown LLM exit 2 with a clear message', async () => {
    expect(await cli('onboard', '--data', dir, '--model', 'coder-7b', '--labels', '0,all')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--labels takes integers >= 1 and "all"'),
    });
    expect(await cli('onboard', '--data', dir, '--model', 'nobody')).toMatchObject({
      code: 2,
      err: expect.stringContaining(`${dir}: no LLM named "nobody"`),
    });
    expect(await cli('onboard', '--data', dir)).toMatchObject({ code: 2, err: expect.stringContaining('--model is required') });
    expect(await cli('onboard', '--data', dir, '--model', 'coder-7b', '--method', 'knn')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--method must be kmeans or learnedmap, got "knn"'),
    });
    expect(await cli('onboard', '--data', dir, '--model', 'coder-7b', '--kmeans-engine', 'gpu')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--kmeans-engine must be one of auto, wasm-simd-elkan, wasm-simd, tfjs, ts, got "gpu"'),
    });
  });
});

describe.each(['routerbench_subset', 'llmrouter_nim9'] as SharedName[])('routelab onboard on %s', (name) => {
  itShared(name, 'leaves a real LLM out and adds it back: all labels close the gap, few labels leave one', async () => {
    const model = loadScores(sharedDir(name)).modelNames[0];
    const res = await cli('onboard', '--data', sharedDir(name), '--model', model, '--labels', '5,all', '--repeats', '3', '--json');
    expect(res.code, res.err).toBe(0);
    const r = JSON.parse(res.stdout[0]);
    expect(r.counts.trainModels).toBe(r.pool.length - 1);
    expect(r.full.area).toBeGreaterThan(0);
    expect(r.full.area).toBeLessThanOrEqual(1);
    expect(r.byLabels[1].areaGap.meanAbs).toBe(0);
    expect(r.byLabels[0].psi.mean).not.toEqual(r.full.psi);
  });
});
