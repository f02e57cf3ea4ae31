import { describe, expect, it } from 'vitest';
import type { TrialResult, TrialSetup } from '../eval/pipeline';
import type { Dataset } from '../types';
import { exportRouter } from './export';
import { parseRouter } from './parse';
import { serializeRouter } from './serialize';

// 4 prompts, 2 LLMs, K = 2 in D = 1: validation prompts p1 (cluster 1) and p3 (cluster 0).
const dataset: Dataset = {
  name: 'toy',
  prompts: ['p0', 'p1', 'p2', 'p3'].map((id) => ({ id, text: `text ${id}` })),
  models: [
    { name: 'a', cost: 1 },
    { name: 'b', cost: 3 },
  ],
  costUnit: 'usd',
  scores: Float64Array.from([1, 1, 0, 1, 1, 0, 1, 1]),
};
const setup: TrialSetup = { split: { train: [0, 2], val: [1, 3], test: [] }, trainModels: [0], testModels: [1], seed: 9 };
const fitted = {
  k: 2,
  centroids: { rows: 2, cols: 1, data: Float32Array.from([0.25, 0.75]) },
  kmeansHistory: [],
  clusterMap: null,
  clusterMapHistory: [],
  valClusters: Int32Array.from([1, 0]),
  profiles: {
    k: 2,
    m: 2,
    psi: Float64Array.from([0.5, 1, 0.25, 0.5]),
    counts: Int32Array.from([1, 1, 1, 1]),
    overall: Float64Array.from([0.5, 0.5]),
  },
  knnK: 1,
};
const trial = {
  fitted,
  methods: { 'uniroute-kmeans': { area: 0.5, area50: 0.25, qnc: null, aiq: 0.5, peakAccuracy: 1, curve: [[0, 1]] } },
  singles: {},
  counts: { train: 2, val: 2, test: 0, testScored: 0, trainModels: 1, testModels: 1 },
  dropped: 0,
  chosen: { k: 2, knnK: 1 },
  notes: [],
} as unknown as TrialResult;
const options = {
  method: 'kmeans' as const,
  embedder: { kind: 'external' as const, dim: 1 },
  pseudoCount: 1,
  createdAt: 'then',
  dataHash: 'h',
};

describe('exportRouter', () => {
  it('takes every LLM with its Psi row, the validation prompts with their clusters, and the metrics without curves', () => {
    const r = exportRouter(dataset, setup, trial, options);
    expect(r.validationPrompts).toEqual([
      { id: 'p1', text: 'text p1', cluster: 1 },
      { id: 'p3', text: 'text p3', cluster: 0 },
    ]);
    expect(r.models.map((h) => [h.name, h.cost, Array.from(h.psi), Array.from(h.counts), h.overall])).toEqual([
      ['a', 1, [0.5, 1], [1, 1], 0.5],
      ['b', 3, [0.25, 0.5], [1, 1], 0.5],
    ]);
    expect(r.provenance).toMatchObject({
      dataset: 'toy',
      dataHash: 'h',
      seed: 9,
      k: 2,
      knnK: 1,
      createdAt: 'then',
      split: { train: 2, val: 2, test: 0, trainModels: ['a'], testModels: ['b'] },
    });
    expect(r.provenance.metricsAtTraining).toEqual({
      'uniroute-kmeans': { area: 0.5, area50: 0.25, qnc: null, aiq: 0.5, peakAccuracy: 1 },
    });
    expect(r.costPenalty).toBe(0);
    const back = parseRouter(serializeRouter(r));
    expect(back.ok && back.data).toEqual(r);
  });

  it('refuses a trial without a fitted router, and learnedmap without a map', () => {
    expect(() => exportRouter(dataset, setup, { ...trial, fitted: null }, options)).toThrow(/fitted no router/);
    expect(() => exportRouter(dataset, setup, trial, { ...options, method: 'learnedmap' })).toThrow(/needs a trained cluster map/);
    expect(() => exportRouter(dataset, setup, trial, { ...options, embedder: { kind: 'external', dim: 2 } })).toThrow(
      "embedder dim 2 disagrees with the centroids' 1 columns",
    );
  });
});
