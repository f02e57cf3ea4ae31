/**
 * A 10-prompt, 3-LLM session worked out by hand (used by the explorer tests).
 *
 * Embeddings: even prompts sit in cluster A at (0,0), odd prompts in cluster B at (10,0); the
 * centroids are exactly those points. Split: train [0,1], val [2,3,4,5], test [6,7,8,9].
 * LLMs (all in the test pool, no training LLM): cheap (cost 1) is right on A and wrong on B,
 * strong (cost 10) is always right, spec (cost 2) is right on B and wrong on A.
 *
 * Psi with pseudo-count a = 1 (overall cheap = spec = 0.5, strong = 0):
 *   cheap: A (0 + 0.5) / 3 = 1/6,  B (2 + 0.5) / 3 = 5/6
 *   strong: 0 and 0
 *   spec:  A 5/6, B 1/6
 * UniRoute (K-means) on an A prompt: cheap 1/6 + lambda, strong 10 lambda, spec 5/6 + 2 lambda,
 *   so strong below lambda = 1/54, cheap from 1/54 on.
 * On a B prompt: strong below 1/48 (10 lambda < 1/6 + 2 lambda), spec on [1/48, 2/3), cheap from 2/3.
 * Curve (normaliser 10): lambda 0 -> (1.0, 1); 1/54 -> (0.55, 1); 1/48 -> (0.15, 1); 2/3 -> (0.1, 0.5).
 */
import type { Dataset, Matrix } from '../types';
import type { Router } from '../routerFile';
import { ROUTER_SCHEMA, ROUTER_TOOL, ROUTER_VERSION } from '../routerFile';
import { computeErrorProfiles, errorsFromScores } from '../routing/errorProfile';
import { selectBlock } from '../eval';
import type { SessionRouter, SessionSetup } from './types';

export const N = 10;
const CHEAP = (p: number) => (p % 2 === 0 ? 1 : 0);
const STRONG = () => 1;
const SPEC = (p: number) => (p % 2 === 1 ? 1 : 0);

export function tinyDataset(): Dataset {
  const scores = new Float64Array(N * 3);
  for (let p = 0; p < N; p++) {
    scores[p * 3] = CHEAP(p);
    scores[p * 3 + 1] = STRONG();
    scores[p * 3 + 2] = SPEC(p);
  }
  return {
    name: 'tiny',
    prompts: Array.from({ length: N }, (_, p) => ({ id: `q${p}`, text: `prompt ${p}`, task: p % 2 === 0 ? 'alpha' : 'beta' })),
    models: [
      { name: 'cheap', cost: 1 },
      { name: 'strong', cost: 10 },
      { name: 'spec', cost: 2 },
    ],
    costUnit: 'usd',
    scores,
  };
}

export function tinyEmbeddings(): Matrix {
  const data = new Float32Array(N * 2);
  for (let p = 0; p < N; p++) data[p * 2] = p % 2 === 0 ? 0 : 10;
  return { rows: N, cols: 2, data };
}

export const TINY_SETUP: SessionSetup = {
  split: { train: [0, 1], val: [2, 3, 4, 5], test: [6, 7, 8, 9] },
  trainModels: [],
  testModels: [0, 1, 2],
  seed: 0,
};

export const CENTROIDS: Matrix = { rows: 2, cols: 2, data: Float32Array.from([0, 0, 10, 0]) };

export function tinyRouter(knnK = 1): SessionRouter {
  const d = tinyDataset();
  const valClusters = Int32Array.from([0, 1, 0, 1]);
  const profiles = computeErrorProfiles(valClusters, errorsFromScores(selectBlock(d.scores, 3, TINY_SETUP.split.val, [0, 1, 2])), 3, 2, 1);
  return { centroids: CENTROIDS, clusterMap: null, profiles, knnK, pseudoCount: 1 };
}

/** The portable Router matching tinyRouter (for add-model tests). */
export function tinyPortableRouter(): Router {
  const d = tinyDataset();
  const r = tinyRouter();
  return {
    schema: ROUTER_SCHEMA,
    version: ROUTER_VERSION,
    method: 'kmeans',
    embedder: { kind: 'external', dim: 2 },
    centroids: CENTROIDS,
    clusterMap: null,
    validationPrompts: TINY_SETUP.split.val.map((p) => ({ id: `q${p}`, text: `prompt ${p}`, cluster: p % 2 })),
    validationEmbeddings: null,
    models: d.models.map((h, j) => ({
      name: h.name,
      cost: h.cost,
      psi: r.profiles.psi.slice(j * 2, j * 2 + 2),
      counts: r.profiles.counts.slice(j * 2, j * 2 + 2),
      overall: r.profiles.overall[j],
      addedAfterTraining: false,
      validationScores: Float64Array.from(TINY_SETUP.split.val, (p) => d.scores[p * d.models.length + j]),
      added: null,
    })),
    pool: ['cheap', 'strong', 'spec'],
    pseudoCount: 1,
    costPenalty: 0,
    costUnit: 'usd',
    provenance: {
      dataset: 'tiny',
      dataHash: '0000000000000000',
      seed: 0,
      split: { train: 2, val: 4, test: 4, trainModels: [], testModels: ['cheap', 'strong', 'spec'] },
      k: 2,
      knnK: 1,
      metricsAtTraining: {},
      createdAt: '2025-01-01T00:00:00.000Z',
      tool: ROUTER_TOOL,
    },
  };
}
