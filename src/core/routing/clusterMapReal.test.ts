import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { kmeans } from '../cluster';
import { assignNearest } from '../cluster';
import { embedTexts, fitEmbedder } from '../embed';
import { SHARED_DATA, hasSharedData, loadSharedScores } from '../eval/sharedData.node';
import { initTf, type BackendName } from '../tf';
import type { Matrix } from '../types';
import type { ClusterMapInput } from './clusterMap';
import { trainClusterMap } from './clusterMapTrain';
import { computeErrorProfiles } from './errorProfile';

/**
 * S_tr / S_val from llmrouter_nim9: every third prompt (the files are sorted by benchmark, so a
 * stride mixes them), built-in 256-d embeddings, K-means K = 8, Psi from S_val, all 9 LLMs.
 */
async function nim9Input(): Promise<ClusterMapInput> {
  const scores = loadSharedScores('llmrouter_nim9');
  const prompts = Papa.parse<Record<string, string>>(readFileSync(`${SHARED_DATA}/llmrouter_nim9/prompts.csv`, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const textOf = new Map(prompts.map((p) => [p.prompt_id, p.text]));
  const m = scores.modelNames.length;
  const trainRows = scores.promptIds.map((_, i) => i).filter((i) => i % 3 === 0);
  const valRows = scores.promptIds
    .map((_, i) => i)
    .filter((i) => i % 3 === 1)
    .slice(0, 600);
  const settings = fitEmbedder(scores.promptIds.map((id) => textOf.get(id) ?? ''));
  const embed = (rows: number[]): Matrix =>
    embedTexts(
      rows.map((i) => textOf.get(scores.promptIds[i]) ?? ''),
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

describe.runIf(hasSharedData('llmrouter_nim9'))('learned map on real data (llmrouter_nim9, ~2,000 x 9 LLMs, D = 256, K = 8)', () => {
  it('trains to the same losses on the SIMD kernel and on tfjs (cpu and wasm backends)', async () => {
    await initTf({ prefer: ['cpu'] });
    const input = await nim9Input();
    expect(input.trainX.rows).toBeGreaterThan(1900);
    // patience 100: here the validation loss rises from epoch 0 (the K-means start generalises
    // best on this small set), and all six epochs are compared.
    const opts = { seed: 2, epochs: 6, batchSize: 128, patience: 100 };
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
  });
});
