/**
 * Routing with a loaded router in plain TypeScript (no tfjs, no DOM: runs in a Node service or an
 * edge function): route(x) = argmin over the routing pool of gamma(x,h) + costPenalty * c(h), with
 * gamma(x,h) = Phi(x) . Psi(h) and the clusterMap Phi one-hot of the nearest centroid ('kmeans') or
 * the learned softmax ('learnedmap') -- the training pipeline's own plain-TS functions (assignNearest,
 * clusterMapProbs), so a router routes exactly as it was evaluated -- or the K-NN / ZeroRouter baselines' gamma. `routePrompts` is
 * RouteLab's one routing decision: the CLI, the `routelab/router` module, the server and the app call it.
 */
import { assignNearest } from '../cluster/nearest';
import { embedTexts } from '../embed';
import { clusterMapProbs } from '../routing/clusterMap';
import { routeAt } from '../routing/route';
import type { Matrix } from '../types';
import { knnGammaOf } from './knnRouting';
import { routerPool, type Router } from './schema';

/** Prompts to route: texts (built-in embedder) or their embeddings phi(x) (rows = prompts). */
export interface RouteInput {
  texts?: string[];
  embeddings?: Matrix;
}

export interface ModelScore {
  name: string;
  /** gamma(x, h) = Phi(x) . Psi(h): the predicted probability that h errs on x. */
  predictedError: number;
  cost: number;
  /** gamma(x, h) + costPenalty * c(h): the routed LLM has the smallest. */
  penalised: number;
}

export interface RouteDecision {
  chosen: string;
  /** Most probable cluster under Phi ('learnedmap'), else the nearest centroid. */
  cluster: number;
  /** Every LLM routed among (the pool, or every LLM with allModels), in router order. */
  perModel: ModelScore[];
}

/** How to route: the operating point's lambda and pool unless overridden. */
export interface RouteOptions {
  /** lambda >= 0 in the router's costUnit; default the file's costPenalty. */
  costPenalty?: number;
  /** Route among every LLM of the file instead of its routing pool. */
  allModels?: boolean;
}

/** Router indices of the LLMs routed among: the pool (router order), or every LLM. */
export function routedModels(router: Router, allModels = false): number[] {
  const pool = new Set(routerPool(router));
  return router.models.flatMap((h, j) => (allModels || pool.has(h.name) ? [j] : []));
}

/** phi(x) of the input: the given embeddings (width checked) or the texts embedded with the router's embedder. */
export function embedInput(router: Router, input: RouteInput): Matrix {
  const dim = router.centroids.cols;
  if ((input.texts === undefined) === (input.embeddings === undefined)) throw new Error('give exactly one of texts or embeddings');
  if (input.embeddings) {
    const e = input.embeddings;
    if (e.cols !== dim) throw new Error(`embeddings have ${e.cols} columns but this router expects ${dim}`);
    if (e.data.length !== e.rows * e.cols) throw new Error(`embeddings hold ${e.data.length} values, expected ${e.rows} x ${e.cols}`);
    for (let i = 0; i < e.data.length; i++) {
      if (!Number.isFinite(e.data[i])) throw new Error(`embedding ${Math.floor(i / dim)} has a non-finite value at column ${i % dim}`);
    }
    return e;
  }
  // Throws a clear message for an 'external' embedder: new text cannot be embedded here.
  return embedTexts(input.texts!, router.embedder);
}

/** Phi(x), n x K: the learned map's softmax ('learnedmap'), else one-hot of the nearest centroid. */
export function clusterProbs(router: Router, input: RouteInput): Float64Array {
  const x = embedInput(router, input);
  return probsOf(router, x);
}

function probsOf(router: Router, x: Matrix): Float64Array {
  const k = router.centroids.rows;
  switch (router.method) {
    case 'kmeans':
    case 'knn':
    case 'zero-router': {
      const nearest = assignNearest(x, router.centroids);
      const out = new Float64Array(x.rows * k);
      nearest.forEach((c, r) => (out[r * k + c] = 1));
      return out;
    }
    case 'learnedmap':
      if (!router.clusterMap) throw new Error('this learnedmap router has no cluster map');
      return clusterMapProbs(x, router.clusterMap);
    default: {
      const never: never = router.method;
      throw new Error(`unknown router method ${String(never)}`);
    }
  }
}

/**
 * Cluster of each prompt: its nearest centroid (how validation prompts were clustered for Psi);
 * with `byMap` and a learned map, the cluster Phi(x) gives the most probability.
 */
export function clusterOf(router: Router, input: RouteInput, byMap = false): Int32Array {
  const x = embedInput(router, input);
  if (!byMap || !router.clusterMap) return assignNearest(x, router.centroids);
  return argmaxRows(clusterMapProbs(x, router.clusterMap), router.centroids.rows);
}

function argmaxRows(values: Float64Array, k: number): Int32Array {
  const n = values.length / k;
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (values[r * k + c] > values[r * k + best]) best = c;
    out[r] = best;
  }
  return out;
}

/** gamma(x, h) of the router's method for every prompt and the LLMs `models` (default every LLM): n x models row-major. */
export function predictedErrors(router: Router, input: RouteInput, models: number[] = routedModels(router, true)): Float64Array {
  const x = embedInput(router, input);
  return gammaOf(router, x, probsOf(router, x), models);
}

function gammaOf(router: Router, x: Matrix, phi: Float64Array, models: number[]): Float64Array {
  const m = models.length;
  const n = x.rows;
  if (router.method === 'knn') return knnGammaOf(router, x, models);
  if (router.method === 'zero-router') {
    // ZeroRouter: prompt-independent, gamma(x, h) = h's overall validation error.
    const gamma = new Float64Array(n * m);
    for (let r = 0; r < n; r++) for (let h = 0; h < m; h++) gamma[r * m + h] = router.models[models[h]].overall;
    return gamma;
  }
  const k = router.centroids.rows;
  const gamma = new Float64Array(n * m);
  for (let r = 0; r < n; r++) {
    for (let h = 0; h < m; h++) {
      const psi = router.models[models[h]].psi;
      let s = 0;
      for (let c = 0; c < k; c++) {
        const p = phi[r * k + c];
        // One-hot Phi: skipping zeros makes gamma exactly Psi_{k(x)}(h), as UniRoute (K-means) defines it.
        if (p !== 0) s += p * psi[c];
      }
      gamma[r * m + h] = s;
    }
  }
  return gamma;
}

/**
 * Routes every prompt among the routing pool (every LLM with `allModels`) at the operating point's
 * lambda (or `costPenalty`): the chosen LLM and, for every LLM routed among, gamma, cost and the
 * penalised score. Ties go to the cheaper LLM, then the earlier one. A number is taken as costPenalty.
 */
export function routePrompts(router: Router, input: RouteInput, options: RouteOptions | number = {}): RouteDecision[] {
  const o = typeof options === 'number' ? { costPenalty: options } : options;
  const costPenalty = o.costPenalty ?? router.costPenalty;
  if (!(costPenalty >= 0) || !Number.isFinite(costPenalty)) throw new Error(`costPenalty must be a finite number >= 0, got ${costPenalty}`);
  const x = embedInput(router, input);
  const phi = probsOf(router, x);
  const models = routedModels(router, o.allModels);
  if (models.length === 0) throw new Error("the routing pool names none of the router's LLMs");
  const m = models.length;
  const gamma = gammaOf(router, x, phi, models);
  const costs = models.map((j) => router.models[j].cost);
  const choice = routeAt(gamma, m, costs, costPenalty);
  const clusters = argmaxRows(phi, router.centroids.rows);
  const decisions: RouteDecision[] = [];
  for (let r = 0; r < x.rows; r++) {
    decisions.push({
      chosen: router.models[models[choice[r]]].name,
      cluster: clusters[r],
      perModel: models.map((j, h) => {
        const g = gamma[r * m + h];
        const { name, cost } = router.models[j];
        return { name, predictedError: g, cost, penalised: g + costPenalty * cost };
      }),
    });
  }
  return decisions;
}
