/**
 * The portable UniRoute router (docs/router-file.md): everything needed to route a new prompt
 * (embedder settings, centroids, optional learned cluster map Phi, each LLM's error profile Psi and
 * cost) plus the validation prompts that let an unseen LLM join without retraining.
 * Type-only imports here: this file (and route.ts) must run without tfjs.
 */
import type { EmbedderSettings } from '../embed';
import type { ClusterMap } from '../routing/clusterMap';
import type { Matrix } from '../types';

export const ROUTER_SCHEMA = 'routelab.router';
export const ROUTER_VERSION = 1;
/** Refuse router files larger than this (characters of JSON text, ~bytes): a sane bound, not a format limit. */
export const MAX_ROUTER_CHARS = 64 * 1024 * 1024;
export const ROUTER_TOOL = 'routelab 0.1.0';

/** 'kmeans': Phi(x) = one-hot of the nearest centroid; 'learnedmap': Phi(x) = softmax(theta [phi(x), 1]). */
export type RouterMethod = 'kmeans' | 'learnedmap';
export const ROUTER_METHODS: readonly RouterMethod[] = ['kmeans', 'learnedmap'];

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
  clusterMap: ClusterMap | null;
  validationPrompts: ValidationPrompt[];
  models: RouterModel[];
  /** Shrinkage pseudo-count a of Psi (also used when an LLM is added). */
  pseudoCount: number;
  /** Default cost penalty lambda for route(). */
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
