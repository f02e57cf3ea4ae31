/**
 * A trained trial -> the portable Router: centroids, the learned clusterMap Phi when trained, every
 * dataset LLM's errorProfile Psi and scores on S_val, the validation prompts with their clusters,
 * the routing pool (default: the unseen test pool), the cost penalty, provenance.
 * Type-only imports from eval: exporting needs no tfjs.
 */
import type { EmbedderSettings } from '../embed';
import type { TrialResult, TrialSetup } from '../eval/pipeline';
import type { Dataset } from '../types';
import { datasetHash } from './hash';
import { ROUTER_SCHEMA, ROUTER_TOOL, ROUTER_VERSION, type MetricsAtTraining, type Router, type RouterMethod } from './schema';

export interface ExportOptions {
  method: RouterMethod;
  /** Settings of the embedder that produced the trial's phi(x) (datasetEmbeddings(...).settings). */
  embedder: EmbedderSettings;
  /** Shrinkage pseudo-count a the trial's profiles were computed with. */
  pseudoCount: number;
  /** Default cost penalty lambda stored in the file (0: the quality end). */
  costPenalty?: number;
  /** ISO time stamp; default now (tests pass a fixed one). */
  createdAt?: string;
  /** Precomputed datasetHash(dataset). */
  dataHash?: string;
  /** The routing pool: the trial's unseen test pool (default, what its metrics and the explorer's Routing view use), every LLM, or these names. */
  pool?: 'test' | 'all' | readonly string[];
}

/** Names of the routing pool the options ask for, checked against the dataset. */
function poolNames(dataset: Dataset, setup: TrialSetup, pool: ExportOptions['pool']): string[] {
  if (pool === undefined || pool === 'test') return setup.testModels.map((h) => dataset.models[h].name);
  if (pool === 'all') return dataset.models.map((h) => h.name);
  const known = new Set(dataset.models.map((h) => h.name));
  const unknown = pool.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`the pool names LLMs the dataset does not have: ${unknown.map((n) => `"${n}"`).join(', ')}`);
  if (pool.length === 0) throw new Error('the routing pool needs at least one LLM');
  return [...new Set(pool)];
}

/** Builds the Router from a dataset, the trial's setup (split) and its result (trial.fitted must be set). */
export function exportRouter(dataset: Dataset, setup: TrialSetup, trial: TrialResult, options: ExportOptions): Router {
  const fitted = trial.fitted;
  if (!fitted) throw new Error('the trial fitted no router (was uniroute-kmeans or uniroute-learnedmap among its methods?)');
  if (options.method === 'learnedmap' && !fitted.clusterMap) {
    throw new Error('method "learnedmap" needs a trained cluster map, and this trial has none (it needs at least one training LLM)');
  }
  const costPenalty = options.costPenalty ?? 0;
  if (!Number.isFinite(costPenalty) || costPenalty < 0) throw new Error(`costPenalty must be a finite number >= 0, got ${costPenalty}`);
  const { k, centroids, profiles, valClusters } = fitted;
  if (options.embedder.dim !== centroids.cols)
    throw new Error(`embedder dim ${options.embedder.dim} disagrees with the centroids' ${centroids.cols} columns`);
  if (profiles.m !== dataset.models.length)
    throw new Error(`the trial has profiles of ${profiles.m} LLMs, the dataset ${dataset.models.length}`);
  if (valClusters.length !== setup.split.val.length)
    throw new Error(`${valClusters.length} validation clusters for ${setup.split.val.length} validation prompts`);

  const metricsAtTraining: Record<string, MetricsAtTraining> = {};
  for (const [name, r] of Object.entries(trial.methods)) {
    if (r) metricsAtTraining[name] = { area: r.area, area50: r.area50, qnc: r.qnc, aiq: r.aiq, peakAccuracy: r.peakAccuracy };
  }
  const names = (idx: number[]) => idx.map((h) => dataset.models[h].name);
  const m = dataset.models.length;
  const val = setup.split.val;
  // phi of the validation prompts travels only where K-NN cannot recompute it from their text.
  const e = dataset.embeddings;
  const needVectors = options.method === 'knn' && options.embedder.kind === 'external';
  if (needVectors && !e) throw new Error('method "knn" with an external embedder needs the dataset\'s embeddings');
  return {
    schema: ROUTER_SCHEMA,
    version: ROUTER_VERSION,
    method: options.method,
    embedder: options.embedder,
    centroids: { rows: centroids.rows, cols: centroids.cols, data: Float32Array.from(centroids.data) },
    clusterMap:
      options.method === 'learnedmap' && fitted.clusterMap
        ? { ...fitted.clusterMap, theta: Float32Array.from(fitted.clusterMap.theta) }
        : null,
    validationPrompts: setup.split.val.map((p, i) => ({
      id: dataset.prompts[p].id,
      text: dataset.prompts[p].text,
      cluster: valClusters[i],
    })),
    validationEmbeddings:
      needVectors && e
        ? {
            rows: val.length,
            cols: e.cols,
            data: Float32Array.from(val.flatMap((p) => Array.from(e.data.subarray(p * e.cols, (p + 1) * e.cols)))),
          }
        : null,
    models: dataset.models.map((h, j) => ({
      name: h.name,
      cost: h.cost,
      psi: profiles.psi.slice(j * k, (j + 1) * k),
      counts: profiles.counts.slice(j * k, (j + 1) * k),
      overall: profiles.overall[j],
      addedAfterTraining: false,
      validationScores: Float64Array.from(val, (p) => dataset.scores[p * m + j]),
      added: null,
    })),
    pool: poolNames(dataset, setup, options.pool),
    pseudoCount: options.pseudoCount,
    costPenalty,
    costUnit: dataset.costUnit,
    provenance: {
      dataset: dataset.name,
      dataHash: options.dataHash ?? datasetHash(dataset),
      seed: setup.seed,
      split: {
        train: setup.split.train.length,
        val: setup.split.val.length,
        test: setup.split.test.length,
        trainModels: names(setup.trainModels),
        testModels: names(setup.testModels),
      },
      k,
      knnK: trial.chosen.knnK,
      metricsAtTraining,
      createdAt: options.createdAt ?? new Date().toISOString(),
      tool: ROUTER_TOOL,
    },
  };
}
