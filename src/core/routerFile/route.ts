/**
 * Routing with a loaded router in plain TypeScript (no tfjs, no DOM: runs in a Node service or an
 * edge function): route(x) = argmin_h gamma(x,h) + costPenalty * c(h), gamma(x,h) = Phi(x) . Psi(h),
 * with the clusterMap Phi one-hot of the nearest centroid ('kmeans') or the learned softmax ('learnedmap').
 * Both are the training pipeline's own plain-TS functions (assignNearest, clusterMapProbs), so a
 * router routes exactly as it was evaluated.
 */
import { assignNearest } from '../cluster/nearest';
import { embedTexts } from '../embed';
import { clusterMapProbs } from '../routing/clusterMap';
import { routeAt } from '../routing/route';
import type { Matrix } from '../types';
import type { Router } from './schema';

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
  /** Nearest centroid ('kmeans') or the most probable cluster under Phi ('learnedmap'). */
  cluster: number;
  /** Every LLM of the router, in router order. */
  perModel: ModelScore[];
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

/** Phi(x), n x K: one-hot of the nearest centroid ('kmeans') or the learned map's softmax ('learnedmap'). */
export function clusterProbs(router: Router, input: RouteInput): Float64Array {
  const x = embedInput(router, input);
  return probsOf(router, x);
}

function probsOf(router: Router, x: Matrix): Float64Array {
  const k = router.centroids.rows;
  switch (router.method) {
    case 'kmeans': {
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

/** gamma(x, h) = Phi(x) . Psi(h) for every prompt and router LLM: n x M row-major. */
export function predictedErrors(router: Router, input: RouteInput): Float64Array {
  return gammaOf(router, probsOf(router, embedInput(router, input)));
}

function gammaOf(router: Router, phi: Float64Array): Float64Array {
  const k = router.centroids.rows;
  const m = router.models.length;
  const n = phi.length / k;
  const gamma = new Float64Array(n * m);
  for (let r = 0; r < n; r++) {
    for (let h = 0; h < m; h++) {
      const psi = router.models[h].psi;
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
 * Routes every prompt: the chosen LLM and, for every LLM, gamma, cost and the penalised score.
 * costPenalty (lambda) defaults to the router's; ties go to the cheaper LLM, then the earlier one.
 */
export function routePrompts(router: Router, input: RouteInput, costPenalty: number = router.costPenalty): RouteDecision[] {
  if (!(costPenalty >= 0) || !Number.isFinite(costPenalty)) throw new Error(`costPenalty must be a finite number >= 0, got ${costPenalty}`);
  const x = embedInput(router, input);
  const phi = probsOf(router, x);
  const k = router.centroids.rows;
  const m = router.models.length;
  const gamma = gammaOf(router, phi);
  const costs = router.models.map((h) => h.cost);
  const choice = routeAt(gamma, m, costs, costPenalty);
  const clusters = argmaxRows(phi, k);
  const decisions: RouteDecision[] = [];
  for (let r = 0; r < x.rows; r++) {
    decisions.push({
      chosen: router.models[choice[r]].name,
      cluster: clusters[r],
      perModel: router.models.map((h, j) => {
        const g = gamma[r * m + j];
        return { name: h.name, predictedError: g, cost: h.cost, penalised: g + costPenalty * h.cost };
      }),
    });
  }
  return decisions;
}
