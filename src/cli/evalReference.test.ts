/**
 * The acceptance check of `routelab eval`, run here: an independent implementation of UNIROUTE.md, given the
 * same embeddings file and split file as `routelab eval`, must agree on K-NN to 1e-3 and on UniRoute
 * (K-means) within 0.01 Area averaged over seeds (oracle and ZeroRouter: eval.test.ts, to 1e-9).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embedTexts, fitEmbedder } from '../core/embed';
import { SAMPLE_DIR, itShared, loadScores, sharedDir, textsOf } from '../testing/datasets.node';
import { run } from './run';
import { captureIo } from './testIo.test-util';
import { bruteCurve, front, integral } from './referenceCurves.test-util';
import { kmeansRef, knnGammaRef, nearest, psiRef, type Rows } from './referenceRouters.test-util';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Fisher-Yates with a seeded LCG of its own (not src/core/rng). */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const TITLE = 'K-NN agrees to 1e-3 and UniRoute (K-means) within 0.01 Area averaged over seeds';

async function agreesWithReference(dataDir: string): Promise<void> {
  const ds = loadScores(dataDir);
  const M = ds.modelNames.length;
  const texts = textsOf(dataDir, ds.promptIds);

  // Any embeddings will do: the check is that both sides use the same file as given.
  const x = embedTexts(texts, fitEmbedder(texts));
  const D = x.cols;
  const emb: Rows = ds.promptIds.map((_, p) => Array.from(x.data.subarray(p * D, (p + 1) * D), (v) => Number(v.toPrecision(9))));
  const dir = mkdtempSync(join(tmpdir(), 'routelab-ref-'));
  dirs.push(dir);
  const header = ['prompt_id', ...Array.from({ length: D }, (_, d) => `e${d}`)].join(',');
  writeFileSync(join(dir, 'emb.csv'), [header, ...ds.promptIds.map((id, p) => `${id},${emb[p].join(',')}`)].join('\n') + '\n');

  const ids = shuffle(
    ds.promptIds.map((_, p) => p),
    7,
  );
  const nVal = Math.round(ids.length * 0.1);
  const nTest = Math.round(ids.length * 0.3);
  // Validation prompts in dataset order, so "ties by validation order" means the same on both sides.
  const val = ids.slice(0, nVal).sort((a, b) => a - b);
  const test = ids.slice(nVal, nVal + nTest);
  const train = ids.slice(nVal + nTest);
  const pool = shuffle(
    ds.modelNames.map((_, h) => h),
    5,
  )
    .slice(0, Math.round(M / 3))
    .sort((a, b) => a - b);
  const split = {
    train: train.map((p) => ds.promptIds[p]),
    val: val.map((p) => ds.promptIds[p]),
    test: test.map((p) => ds.promptIds[p]),
    trainModels: ds.modelNames.filter((_, h) => !pool.includes(h)),
    testModels: pool.map((h) => ds.modelNames[h]),
  };
  writeFileSync(join(dir, 'split.json'), JSON.stringify(split));

  const TRIALS = 3;
  const io = captureIo();
  const argv = ['eval', '--data', dataDir, '--embeddings', join(dir, 'emb.csv'), '--split', join(dir, 'split.json')];
  const code = await run([...argv, '--k', '10', '--knn-k', '10', '--trials', String(TRIALS), '--seed', '0', '--json'], io);
  expect(code, io.stderr.join('\n')).toBe(0);
  const report = JSON.parse(io.stdout[0]);
  expect(report.embedder).toMatchObject({ kind: 'external', dim: D });

  const costs = pool.map((h) => ds.costs[h]);
  const normaliser = Math.max(...costs);
  const score = (i: number, j: number) => ds.scores[test[i] * M + pool[j]];
  const valErrors: Rows = val.map((p) => pool.map((h) => 1 - ds.scores[p * M + h]));
  const testX = test.map((p) => emb[p]);
  const valX = val.map((p) => emb[p]);
  const metrics = (gamma: Rows) => {
    const f = front(bruteCurve((i, j) => gamma[i][j], score, test.length, costs, normaliser));
    return { area: integral(f, 0, 1), area50: integral(f, 0, 0.5), peak: f[f.length - 1][1] };
  };

  const knn = metrics(knnGammaRef(testX, valX, valErrors, 10));
  expect(Math.abs(report.methods.knn.area - knn.area)).toBeLessThan(1e-3);
  expect(Math.abs(report.methods.knn.area50 - knn.area50)).toBeLessThan(1e-3);
  expect(Math.abs(report.methods.knn.peakAccuracy - knn.peak)).toBeLessThan(1e-3);

  // UniRoute (K-means): centroids from S_tr, Psi of the test pool from S_val, gamma = Psi_{k(x)}.
  const trainX = train.map((p) => emb[p]);
  const areas: number[] = [];
  for (let seed = 0; seed < 4; seed++) {
    const centres = kmeansRef(trainX, 10, seed);
    const psi = psiRef(
      valX.map((v) => nearest(v, centres)),
      valErrors,
      10,
    );
    areas.push(metrics(testX.map((t) => psi.map((row) => row[nearest(t, centres)]))).area);
  }
  const refArea = areas.reduce((a, b) => a + b, 0) / areas.length;
  expect(Math.abs(report.methods['uniroute-kmeans'].area - refArea)).toBeLessThan(0.01);
  // A check that can fail: the routers beat ZeroRouter here, so a broken UniRoute would show.
  expect(refArea).toBeGreaterThan(report.methods['zero-router'].area);
}

describe('independent implementation vs routelab eval (same embeddings and split files)', () => {
  it(`${TITLE} (in-repo LLMRouter sample)`, () => agreesWithReference(SAMPLE_DIR), 120_000);
  itShared('routerbench_subset', `${TITLE} (RouterBench)`, () => agreesWithReference(sharedDir('routerbench_subset')), 120_000);
});
