/**
 * A hand-checkable router for tests: K = 2 clusters in D = 2 ('external' embedder), centroids
 * (0,0) and (10,0), 4 validation prompts (v1, v2 in cluster 0; v3, v4 in cluster 1) and 3 LLMs
 * with dyadic Psi, so every gamma + lambda * c below is exact in floating point:
 *   cheap  c = 1  Psi = [0.25, 0.75]
 *   mid    c = 2  Psi = [0.5,  0.5 ]
 *   big    c = 4  Psi = [0.125, 0.25]
 * Their validation scores (v1..v4) average to those errors per cluster, so K-NN agrees by hand too:
 *   cheap [1, 0.5, 0, 0.5]   mid [0.5, 0.5, 0.5, 0.5]   big [1, 0.75, 0.75, 0.75]
 * Every LLM is in the routing pool.
 */
import { ROUTER_SCHEMA, ROUTER_TOOL, ROUTER_VERSION, type Router } from './schema';

export function tinyRouter(overrides: Partial<Router> = {}): Router {
  const model = (name: string, cost: number, psi: number[], scores: number[]) => ({
    name,
    cost,
    psi: Float64Array.from(psi),
    counts: Int32Array.from([2, 2]),
    overall: (psi[0] + psi[1]) / 2,
    addedAfterTraining: false,
    validationScores: Float64Array.from(scores),
    added: null,
  });
  return {
    schema: ROUTER_SCHEMA,
    version: ROUTER_VERSION,
    method: 'kmeans',
    embedder: { kind: 'external', dim: 2 },
    centroids: { rows: 2, cols: 2, data: Float32Array.from([0, 0, 10, 0]) },
    clusterMap: null,
    validationPrompts: [
      { id: 'v1', text: 'first, "quoted"', cluster: 0 },
      { id: 'v2', text: 'second\nline', cluster: 0 },
      { id: 'v3', text: 'third', cluster: 1 },
      { id: 'v4', text: 'fourth', cluster: 1 },
    ],
    validationEmbeddings: null,
    models: [
      model('cheap', 1, [0.25, 0.75], [1, 0.5, 0, 0.5]),
      model('mid', 2, [0.5, 0.5], [0.5, 0.5, 0.5, 0.5]),
      model('big', 4, [0.125, 0.25], [1, 0.75, 0.75, 0.75]),
    ],
    pool: ['cheap', 'mid', 'big'],
    pseudoCount: 1,
    costPenalty: 0,
    costUnit: 'usd_per_call',
    provenance: {
      dataset: 'tiny',
      dataHash: '0123456789abcdef',
      seed: 7,
      split: { train: 12, val: 4, test: 6, trainModels: ['cheap', 'big'], testModels: ['mid'] },
      k: 2,
      knnK: 3,
      metricsAtTraining: { 'uniroute-kmeans': { area: 0.5, area50: 0.25, qnc: null, aiq: 0.5, peakAccuracy: 0.75 } },
      createdAt: '2025-01-01T00:00:00.000Z',
      tool: ROUTER_TOOL,
    },
    ...overrides,
  };
}

/** The tiny router as a learned map: theta rows [0, 0, 0] and [1, 0, -5], so Phi((5, 0)) = [0.5, 0.5]. */
export function tinyLearnedRouter(): Router {
  return tinyRouter({ method: 'learnedmap', clusterMap: { k: 2, dim: 2, theta: Float32Array.from([0, 0, 0, 1, 0, -5]) } });
}

/** Prompts x as a 2-column Matrix. */
export function points(...xs: [number, number][]) {
  return { rows: xs.length, cols: 2, data: Float32Array.from(xs.flat()) };
}
