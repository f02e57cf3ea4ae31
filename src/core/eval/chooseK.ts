/**
 * Choosing K (clusters) and k (K-NN neighbours) with the paper's procedure: training LLMs only,
 * profiles from the training prompts, routed on the validation prompts, largest deferral area wins.
 * Test LLMs are never looked at.
 */
import type { Matrix } from '../types';
import { DEFAULTS } from '../defaults';
import { kmeans, type KMeansEngineChoice, type TfBackendHint } from '../cluster';
import type { SpawnLloydShard } from '../cluster';
import { computeErrorProfiles } from '../routing/errorProfile';
import { kmeansGamma } from '../routing/gamma';
import { nearestCentroids, nearestNeighbours } from '../routing/knnShortlist';
import { knnFallback, knnGammaFromNeighbours } from '../routing/knn';
import { meanScored } from '../stats';
import { deferralCurve } from './sweep';
import { curveMetrics } from './metrics';

export const DEFAULT_K_GRID: number[] = [...DEFAULTS.kGrid];
export const DEFAULT_KNN_K_GRID: number[] = [...DEFAULTS.knnKGrid];

export interface SelectionInput {
  trainX: Matrix;
  /** S_tr x H_tr errors, NaN = missing. */
  trainErrors: Float64Array;
  valX: Matrix;
  /** S_val x H_tr errors, NaN = missing. */
  valErrors: Float64Array;
  /** c(h) of the training LLMs. */
  costs: number[];
  grid: number[];
}

export interface Selection {
  best: number;
  /** Deferral area on S_val (training LLMs) for each candidate tried. */
  scores: { value: number; area: number }[];
}

/** Area of routing the training LLMs on the fully scored validation prompts with `gamma`. */
export function validationArea(gamma: Float64Array, valErrors: Float64Array, m: number, costs: number[]): number {
  const n = valErrors.length / m;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let j = 0; j < m; j++) if (Number.isNaN(valErrors[i * m + j])) ok = false;
    if (ok) rows.push(i);
  }
  const g = new Float64Array(rows.length * m);
  const s = new Float64Array(rows.length * m);
  rows.forEach((r, i) => {
    for (let j = 0; j < m; j++) {
      g[i * m + j] = gamma[r * m + j];
      s[i * m + j] = 1 - valErrors[r * m + j];
    }
  });
  const maxCost = Math.max(...costs);
  const normaliser = maxCost > 0 ? maxCost : 1;
  const curve = deferralCurve(g, s, m, costs, normaliser);
  // Rows are fully scored; with none, every LLM's accuracy reads 0 (no target to reach).
  const accs = Array.from({ length: m }, (_, j) => meanScored(s, m, j, 0));
  return curveMetrics(curve, { qncTarget: Math.max(...accs), aiqRange: [Math.min(...costs) / normaliser, maxCost / normaliser] }).area;
}

/** Candidate values capped by the data (at most `cap`), deduplicated, ascending. */
export function cappedGrid(grid: number[], cap: number): number[] {
  const values = [...new Set(grid.map((v) => Math.max(1, Math.min(Math.floor(v), cap))))];
  return values.sort((a, b) => a - b);
}

/** K for UniRoute (K-means); ties keep the smaller K. */
export async function chooseK(
  input: SelectionInput & {
    seed: number;
    pseudoCount: number;
    maxIterations: number;
    engine?: KMeansEngineChoice;
    tfBackend?: TfBackendHint;
    spawnShard?: SpawnLloydShard;
    cores?: number;
  },
): Promise<Selection> {
  const m = input.costs.length;
  const scores: Selection['scores'] = [];
  for (const k of cappedGrid(input.grid, input.trainX.rows)) {
    const km = await kmeans(input.trainX, {
      k,
      seed: input.seed,
      maxIterations: input.maxIterations,
      engine: input.engine,
      tfBackend: input.tfBackend,
      spawnShard: input.spawnShard,
      cores: input.cores,
    });
    // Training LLMs are represented by their per-cluster errors on S_tr for this choice.
    const profiles = computeErrorProfiles(km.assignments, input.trainErrors, m, k, input.pseudoCount);
    const gamma = kmeansGamma(nearestCentroids(input.valX, km.centroids), profiles);
    scores.push({ value: k, area: validationArea(gamma, input.valErrors, m, input.costs) });
  }
  return { best: argBest(scores), scores };
}

/** k for the K-NN router: neighbours among S_tr, routed on S_val; ties keep the smaller k. */
export function chooseKnnK(input: SelectionInput): Selection {
  const m = input.costs.length;
  const grid = cappedGrid(input.grid, input.trainX.rows);
  const maxK = grid[grid.length - 1];
  const neighbours = nearestNeighbours(input.valX, input.trainX, maxK);
  const scores: Selection['scores'] = [];
  // The K-NN router's own gamma (knnGamma's fallback included) on S_val, for each k of the grid.
  const fallback = knnFallback(input.trainErrors, m);
  for (const k of grid) {
    const gamma = knnGammaFromNeighbours(neighbours, maxK, k, input.trainErrors, m, fallback);
    scores.push({ value: k, area: validationArea(gamma, input.valErrors, m, input.costs) });
  }
  return { best: argBest(scores), scores };
}

function argBest(scores: Selection['scores']): number {
  let best = scores[0];
  for (const s of scores) if (s.area > best.area + 1e-12) best = s;
  return best.value;
}
