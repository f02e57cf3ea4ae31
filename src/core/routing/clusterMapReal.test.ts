import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { kmeans } from '../cluster';
import { assignNearest } from '../cluster';
import { embedTexts, fitEmbedder } from '../embed';
import { SAMPLE_DIR, itShared, loadScores, sharedDir, textsOf } from '../../testing/datasets.node';
import { initTf, type BackendName } from '../tf';
import type { Matrix } from '../types';
import type { ClusterMapInput } from './clusterMap';
import { trainClusterMap } from './clusterMapTrain';
import { computeErrorProfiles } from './errorProfile';

/**
 * S_tr / S_val from LLMRouter data: every third prompt (the files are sorted by benchmark, so a
 * stride mixes them), built-in 256-d embeddings, K-means K = 8, Psi from S_val, all 9 LLMs.
 */
async function llmRouterInput(dir: string): Promise<ClusterMapInput> {
  const scores = loadScores(dir);
  const texts = textsOf(dir, scores.promptIds);
  const m = scores.modelNames.length;
  const trainRows = scores.promptIds.map((_, i) => i).filter((i) => i % 3 === 0);
  const valRows = scores.promptIds
    .map((_, i) => i)
    .filter((i) => i % 3 === 1)
    .slice(0, 600);
  const settings = fitEmbedder(texts);
  const embed = (rows: number[]): Matrix =>
    embedTexts(
      rows.map((i) => texts[i]),
      settings,
    );
  const errors = (rows: number[]): Float64Array =>
    Float64Array.from(rows.flatMap((i) => Array.from(scores.scores.subarray(i * m, (i + 1) * m), (s) => 1 - s)));
  const trainX = embed(trainRows);
  const valX = embed(valRows);
  const valErrors = errors(valRows);
  const km = await kmeans(trainX, { k: 8, seed: 1 });
  const psi = computeErrorProfiles(assignNearest(valX, km.centroids), valErrors, m, 8).psi;
  return { trainX, trainErrors: errors(trainRows), valX, valErrors, psi, centroids: km.centroids };
}

/** The SIMD kernel and tfjs (cpu and wasm backends) train to the same losses on `dir`'s data. */
async function sameLossesOnEveryEngine(
  dir: string,
  trainRows: number,
  training: { batchSize: number; learningRate?: number },
): Promise<void> {
  await initTf({ prefer: ['cpu'] });
  const input = await llmRouterInput(dir);
  expect(input.trainX.rows).toBe(trainRows);
  // patience 100: here the validation loss rises from epoch 0 (the K-means start generalises
  // best on this small set), and all six epochs are compared.
  const opts = { seed: 2, epochs: 6, patience: 100, ...training };
  const simd = await trainClusterMap(input, opts);
  expect(simd.engine).toBe('wasm-simd');
  // Learning lowers the train loss (the soft K-means start is not a minimum).
  expect(simd.history[6].trainLoss).toBeLessThan(simd.history[0].trainLoss - 0.01);
  for (const backend of ['cpu', 'wasm'] as BackendName[]) {
    await initTf({ prefer: [backend] });
    const before = tf.memory().numTensors;
    const ref = await trainClusterMap(input, { ...opts, engine: 'tfjs' });
    expect(tf.memory().numTensors).toBe(before);
    simd.history.forEach((e, i) => {
      expect(Math.abs(e.trainLoss - ref.history[i].trainLoss)).toBeLessThan(2e-5); // seen: 2e-7 (cpu), 3e-6 (wasm)
      expect(Math.abs(e.valLoss - ref.history[i].valLoss)).toBeLessThan(2e-5); // seen: 2e-7 (cpu), 3e-6 (wasm)
    });
    expect(simd.bestEpoch).toBe(ref.bestEpoch);
  }
}

describe('learned map on real data (LLMRouter, 9 LLMs, D = 256, K = 8)', () => {
  const title = 'trains to the same losses on the SIMD kernel and on tfjs (cpu and wasm backends)';
  it(`${title} (in-repo sample, 400 training prompts, batches of 64, step 0.05)`, () =>
    sameLossesOnEveryEngine(SAMPLE_DIR, 400, { batchSize: 64, learningRate: 0.05 }));
  itShared('llmrouter_nim9', `${title} (1,997 training prompts)`, () =>
    sameLossesOnEveryEngine(sharedDir('llmrouter_nim9'), 1997, { batchSize: 128 }),
  );
});
