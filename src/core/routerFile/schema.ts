/**
 * The portable UniRoute router (docs/router-file.md): everything needed to route a new prompt
 * (embedder settings, centroids, optional learned cluster map Phi, each LLM's error profile Psi and
 * cost) plus the validation prompts that let an unseen LLM join without retraining.
 * Type-only imports here: this file (and route.ts) must run without tfjs.
 */
import type { EmbedderSettings } from '../embed';
import type { Matrix } from '../types';

export const ROUTER_SCHEMA = 'routelab.router';
/** The version written. Version 1 files (no pool, no validation scores, no record of how an LLM was added) still load. */
export const ROUTER_VERSION = 2;
export const READABLE_ROUTER_VERSIONS: readonly number[] = [1, 2];
/** Refuse router files larger than this (characters of JSON text, ~bytes): a sane bound, not a format limit. */
export const MAX_ROUTER_CHARS = 64 * 1024 * 1024;
export const ROUTER_TOOL = 'routelab 0.1.0';

/**
 * How the file computes gamma(x, h): 'kmeans': Phi(x) = one-hot of the nearest centroid;
 * 'learnedmap': Phi(x) = softmax(theta [phi(x), 1]); both gamma = Phi(x) . Psi(h). The two
 * baselines the explorer also routes with: 'knn': mean error of h on the k nearest validation
 * prompts; 'zero-router': h's overall validation error, the same for every prompt.
 */
export type RouterMethod = 'kmeans' | 'learnedmap' | 'knn' | 'zero-router';
/** The two UniRoute variants: what training and the onboarding simulator fit. */
export type UniRouteMethod = Extract<RouterMethod, 'kmeans' | 'learnedmap'>;
export const UNIROUTE_METHODS: readonly UniRouteMethod[] = ['kmeans', 'learnedmap'];
export const ROUTER_METHODS: readonly RouterMethod[] = ['kmeans', 'learnedmap', 'knn', 'zero-router'];
/** Methods a version-1 file may name (the two UniRoute variants). */
export const V1_ROUTER_METHODS: readonly RouterMethod[] = ['kmeans', 'learnedmap'];

/** How an LLM joined after training: 'exact' when its scores file also scored every test prompt of the session (exact test accuracy), else 'validation-only' (test accuracy estimated as 1 - gamma where unscored). */
export type AddedHow = 'exact' | 'validation-only';

/** The record of an LLM added after training from a scores file (no retraining). */
export interface AddedRecord {
  how: AddedHow;
  /** Name of the scores file it was added from ('' when unknown: an LLM a version-1 file added). */
  scoresFile: string;
  /** Its scores on test prompts from that file, by prompt id (empty when it scored validation prompts only). */
  testScores: Record<string, number>;
}

/**
 * The learned cluster map Phi: theta K x (D+1) row-major, the last column the bias. The same shape
 * as routing/clusterMap's ClusterMap (a test keeps them assignable), declared here so that the
 * router's types do not pull in the trainers.
 */
export interface RouterClusterMap {
  k: number;
  dim: number;
  theta: Float32Array;
}

/** A validation prompt (S_val): the representative prompts every LLM, old or new, is scored on. */
export interface ValidationPrompt {
  id: string;
  text: string;
  /** Nearest centroid (0-based), the cluster its score counts towards in Psi. */
  cluster: number;
}

/** One LLM of the router: its cost c(h) and errorProfile Psi(h) with the evidence behind each cell. */
export interface RouterModel {
  name: string;
  cost: number;
  /** Psi_k(h), k = 0..K-1, shrunk towards `overall` with the router's pseudoCount. */
  psi: Float64Array;
  /** n_k(h): scored validation prompts behind Psi_k(h). */
  counts: Int32Array;
  /** Mean error of h over its scored validation prompts. */
  overall: number;
  /** True when added from validation scores after training (add-model). */
  addedAfterTraining: boolean;
  /** Score on each validation prompt (validationPrompts order, NaN = not scored): the evidence behind Psi and K-NN's gamma; null when unknown (a version-1 file). */
  validationScores: Float64Array | null;
  /** How it was added after training (non-null exactly when addedAfterTraining); null for the dataset's LLMs. */
  added: AddedRecord | null;
}

/** Metrics of one method on the training trial's test prompts and test pool (no curve). */
export interface MetricsAtTraining {
  area: number;
  area50: number;
  qnc: number | null;
  aiq: number;
  peakAccuracy: number;
}

/** Where the router came from: enough to reproduce it with `routelab train`. */
export interface RouterProvenance {
  /** Dataset name (its folder name for the CLI). */
  dataset: string;
  /** FNV-1a 64-bit (16 hex digits) of the canonical dataset content (datasetHash). */
  dataHash: string;
  seed: number;
  split: { train: number; val: number; test: number; trainModels: string[]; testModels: string[] };
  k: number;
  knnK: number;
  metricsAtTraining: Record<string, MetricsAtTraining>;
  /** ISO 8601 time of training. */
  createdAt: string;
  tool: string;
}

/** The in-memory router: typed arrays for speed; `serializeRouter` / `parseRouter` convert to and from JSON. */
export interface Router {
  schema: typeof ROUTER_SCHEMA;
  version: typeof ROUTER_VERSION;
  method: RouterMethod;
  embedder: EmbedderSettings;
  /** K x D centroids mu_k of k-means on the training prompts. */
  centroids: Matrix;
  /** The learned cluster map Phi (theta K x (D+1), last column bias); required for method 'learnedmap'. */
  clusterMap: RouterClusterMap | null;
  validationPrompts: ValidationPrompt[];
  /** phi(x) of the validation prompts (rows in validationPrompts order) for K-NN; needed only with an 'external' embedder, else null. */
  validationEmbeddings: Matrix | null;
  models: RouterModel[];
  /** The routing pool: names of the LLMs `route` chooses among by default (a version-1 file: every LLM). */
  pool: string[];
  /** Shrinkage pseudo-count a of Psi (also used when an LLM is added). */
  pseudoCount: number;
  /** The cost penalty lambda of the operating point, in `costUnit`: the default of route(). */
  costPenalty: number;
  /** Unit of every cost (e.g. "usd_per_call"), '' when the data did not say. */
  costUnit: string;
  provenance: RouterProvenance;
}

/** K, the number of clusters. */
export function routerK(router: Router): number {
  return router.centroids.rows;
}

/** D, the embedding width. */
export function routerDim(router: Router): number {
  return router.centroids.cols;
}

/**
 * Names of the routing pool. A router object made before version 2 (e.g. one an older session of
 * the app kept) has no pool: like a version-1 file, it routes among every LLM.
 */
export function routerPool(router: Router): string[] {
  return router.pool ?? router.models.map((h) => h.name);
}
