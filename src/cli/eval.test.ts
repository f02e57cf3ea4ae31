/**
 * `routelab eval` end to end on real data, checked against an independent naive implementation of
 * the oracle and ZeroRouter metrics: on the in-repo sample always, and on every dataset in
 * ../shared/data (read at run time, never copied) in the extended suite.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../core/data';
import { readDatasetDir } from '../core/data/readDir.node.ts';
import { createRng, shuffled } from '../core/rng';
import { run } from './run';
import { captureIo } from './testIo.test-util';
import { bruteCurve, front, integral, zeroRouterPoints } from './referenceCurves.test-util';
import { SAMPLE_DIR, SHARED_NAMES, itShared, sharedDir, type SharedName } from '../testing/datasets.node';

const METHODS = ['oracle', 'zero-router', 'knn', 'uniroute-kmeans', 'uniroute-learnedmap'];
const TITLE = 'reports every method, and oracle / ZeroRouter agree with an independent implementation to 1e-9';

function loadDir(dir: string) {
  const loaded = loadDataset(readDatasetDir(dir));
  if (!loaded.ok) throw new Error(`cannot load ${dir}`);
  return loaded.data;
}

async function evalAgrees(dataDir: string): Promise<void> {
  const ds = loadDir(dataDir);
  const M = ds.models.length;
  // A split file used verbatim: seeded here, independently of the core's splitter.
  const rng = createRng(11);
  const ids = shuffled(
    ds.prompts.map((p) => p.id),
    rng,
  );
  const names = shuffled(
    ds.models.map((h) => h.name),
    rng,
  );
  const nVal = Math.round(ids.length * 0.1);
  const nTest = Math.round(ids.length * 0.3);
  const nTestModels = Math.max(1, Math.round(M / 3));
  const split = {
    val: ids.slice(0, nVal),
    test: ids.slice(nVal, nVal + nTest),
    train: ids.slice(nVal + nTest),
    testModels: names.slice(0, nTestModels),
    trainModels: names.slice(nTestModels),
  };
  const dir = mkdtempSync(join(tmpdir(), 'routelab-eval-'));
  const splitFile = join(dir, 'split.json');
  writeFileSync(splitFile, JSON.stringify(split));

  const io = captureIo();
  const code = await run(['eval', '--data', dataDir, '--split', splitFile, '--seed', '3', '--k', '10', '--knn-k', '10', '--json'], io);
  expect(code, io.stderr.join('\n')).toBe(0);
  expect(io.stdout).toHaveLength(1);
  const report = JSON.parse(io.stdout[0]);
  expect(Object.keys(report.methods).sort()).toEqual([...METHODS].sort());
  expect(report.split).toMatchObject({
    train: split.train.length,
    val: nVal,
    test: nTest,
    trainModels: M - nTestModels,
    testModels: nTestModels,
  });

  // Independent reference on the same split.
  const idIndex = new Map(ds.prompts.map((p, i) => [p.id, i]));
  const pool = split.testModels.map((n) => ds.models.findIndex((h) => h.name === n)).sort((a, b) => a - b);
  const costs = pool.map((h) => ds.models[h].cost);
  const normaliser = Math.max(...costs);
  const rows = split.test.map((id) => idIndex.get(id)!).filter((r) => pool.every((h) => !Number.isNaN(ds.scores[r * M + h])));
  expect(report.dropped).toBe(split.test.length - rows.length);
  const score = (i: number, j: number) => ds.scores[rows[i] * M + pool[j]];
  const oracle = front(bruteCurve((i, j) => 1 - score(i, j), score, rows.length, costs, normaliser));
  expect(report.methods.oracle.area).toBeCloseTo(integral(oracle, 0, 1), 9);
  expect(report.methods.oracle.area50).toBeCloseTo(integral(oracle, 0, 0.5), 9);

  const meanOver = (rs: number[], j: number) => {
    const vals = rs.map((r) => ds.scores[r * M + pool[j]]).filter((v) => !Number.isNaN(v));
    return vals.reduce((a, b) => a + b, 0) / vals.length;
  };
  const valRows = split.val.map((id) => idIndex.get(id)!);
  const valAcc = pool.map((_, j) => meanOver(valRows, j));
  const testAcc = pool.map((_, j) => meanOver(rows, j));
  const zero = front(zeroRouterPoints(costs, valAcc, testAcc, normaliser));
  expect(report.methods['zero-router'].area).toBeCloseTo(integral(zero, 0, 1), 9);
  expect(report.methods['zero-router'].area50).toBeCloseTo(integral(zero, 0, 0.5), 9);
  pool.forEach((h, j) => expect(report.singles[ds.models[h].name].accuracy).toBeCloseTo(testAcc[j], 12));

  // Sanity that can fail: the oracle bounds every router; Area(50%) <= Area; QNC in (0, 1] or null.
  for (const m of METHODS) {
    const r = report.methods[m];
    expect(r.area).toBeLessThanOrEqual(report.methods.oracle.area + 1e-12);
    expect(r.area50).toBeLessThanOrEqual(r.area);
    expect(r.area).toBeGreaterThan(0);
    if (r.qnc !== null) expect(r.qnc).toBeGreaterThan(0);
    expect(r.curve.length).toBeGreaterThan(0);
  }
}

describe('routelab eval on the in-repo sample (llmrouter-sample)', () => {
  it(TITLE, () => evalAgrees(SAMPLE_DIR), 120_000);
});

describe.each(SHARED_NAMES)('routelab eval on %s', (name: SharedName) => {
  itShared(name, TITLE, () => evalAgrees(sharedDir(name)), 120_000);
});

describe('routelab eval input errors', () => {
  it('exits 2 naming file, row and column for a bad score', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routelab-bad-'));
    writeFileSync(join(dir, 'prompts.csv'), 'prompt_id,text\np1,hello\np2,world\n');
    writeFileSync(join(dir, 'correctness.csv'), 'prompt_id,a,b\np1,1,0\np2,1.5,x\n');
    writeFileSync(join(dir, 'models.csv'), 'model,cost\na,1\nb,2\n');
    const io = captureIo();
    expect(await run(['eval', '--data', dir, '--json'], io)).toBe(2);
    expect(io.stdout).toEqual([]);
    const err = io.stderr.join('\n');
    expect(err).toMatch(/correctness\.csv, row 3, column "a": .*\[0, ?1\]/);
    expect(err).toMatch(/correctness\.csv, row 3, column "b"/);
  });

  it('exits 2 on unknown flags and a missing --data', async () => {
    const io = captureIo();
    expect(await run(['eval', '--bogus'], io)).toBe(2);
    expect(await run(['eval'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--data is required/);
  });

  it('exits 2 for a split file naming an unknown prompt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routelab-split-'));
    writeFileSync(join(dir, 'prompts.csv'), 'prompt_id,text\np1,a\np2,b\np3,c\n');
    writeFileSync(join(dir, 'correctness.csv'), 'prompt_id,a,b\np1,1,0\np2,1,1\np3,0,0\n');
    writeFileSync(join(dir, 'models.csv'), 'model,cost\na,1\nb,2\n');
    const split = join(dir, 'split.json');
    writeFileSync(split, JSON.stringify({ train: ['p1'], val: ['p2'], test: ['p9'], trainModels: ['a'], testModels: ['b'] }));
    const io = captureIo();
    expect(await run(['eval', '--data', dir, '--split', split], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/p9/);
  });
});
