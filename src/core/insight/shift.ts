/**
 * Deployment-shift preview: unlabelled production prompts routed by a saved router, in plain
 * TypeScript on the router file (no tfjs), so the browser and Node run the same code. The prompts
 * are embedded with the router's own embedder and assigned to clusters (Phi: one-hot of the
 * nearest centroid, or the learned map's softmax); their cluster mix is compared with the
 * validation mix, and at the router's lambda the predicted share per LLM, mean cost and accuracy
 * (1 - gamma of the chosen LLM: the profile's own estimate) are given under the new mix. Clusters
 * the new prompts hit whose Psi rests on fewer than MIN_VALIDATION validation prompts are flagged.
 */
import { clusterProbs, embedInput, routePrompts, type RouteDecision, type RouteInput, type Router } from '../routerFile';

/** A cluster whose error profiles rest on fewer validation prompts than this is flagged when hit. */
export const MIN_VALIDATION = 5;

export interface ShiftPrediction {
  /** Prompts routed to each LLM (the router's LLMs in order, or its pool). */
  shares: { name: string; count: number; share: number }[];
  /** Mean cost of the chosen LLMs, in the router's cost unit. */
  meanCost: number;
  /** Mean of 1 - gamma(x, chosen): the accuracy the error profiles predict. */
  accuracy: number;
}

export interface ShiftPreview {
  prompts: number;
  method: Router['method'];
  costPenalty: number;
  costUnit: string;
  /** Per cluster: share of validation and of new prompts (mean Phi), validation prompts behind its Psi, new prompts whose top cluster it is. */
  mix: { cluster: number; validation: number; production: number; validationPrompts: number; productionPrompts: number }[];
  /** 0.5 * sum over clusters of |production - validation|: 0 = the same mix, 1 = disjoint. */
  totalVariation: number;
  /** At costPenalty on the new prompts. */
  predicted: ShiftPrediction;
  /** The same prediction for the validation prompts (what the benchmark mix gives); null when it cannot be computed here. */
  atValidation: ShiftPrediction | null;
  /** Clusters the new prompts hit that rest on fewer than MIN_VALIDATION validation prompts. */
  flagged: { cluster: number; validationPrompts: number; productionPrompts: number }[];
  notes: string[];
}

function predictionOf(decisions: RouteDecision[], weights?: readonly number[]): ShiftPrediction {
  const names = decisions[0]?.perModel.map((s) => s.name) ?? [];
  const count = new Map(names.map((n) => [n, 0]));
  let total = 0;
  let cost = 0;
  let acc = 0;
  decisions.forEach((d, i) => {
    const w = weights ? weights[i] : 1;
    const chosen = d.perModel.find((s) => s.name === d.chosen)!;
    count.set(d.chosen, (count.get(d.chosen) ?? 0) + w);
    total += w;
    cost += w * chosen.cost;
    acc += w * (1 - chosen.predictedError);
  });
  return {
    shares: [...count].map(([name, c]) => ({ name, count: c, share: total > 0 ? c / total : 0 })),
    meanCost: total > 0 ? cost / total : NaN,
    accuracy: total > 0 ? acc / total : NaN,
  };
}

/** Mean of the rows of Phi (n x K). */
function meanRows(phi: Float64Array, k: number): number[] {
  const n = phi.length / k;
  const out = new Array<number>(k).fill(0);
  for (let r = 0; r < n; r++) for (let c = 0; c < k; c++) out[c] += phi[r * k + c] / n;
  return out;
}

/** The benchmark side: the validation prompts' mix and routing (K-means: per cluster; learned map: their texts embedded). */
function validationSide(router: Router, costPenalty: number, notes: string[]) {
  const k = router.centroids.rows;
  const counts = new Array<number>(k).fill(0);
  for (const v of router.validationPrompts) counts[v.cluster]++;
  const nVal = router.validationPrompts.length;
  const hard = counts.map((c) => (nVal > 0 ? c / nVal : 0));
  if (router.method === 'kmeans') {
    // Under K-means every prompt of a cluster routes alike: route each centroid (its own nearest) once.
    const decisions = routePrompts(router, { embeddings: router.centroids }, costPenalty);
    return { mix: hard, prediction: nVal > 0 ? predictionOf(decisions, counts) : null, counts };
  }
  if (router.embedder.kind === 'external' || nVal === 0) {
    notes.push('the validation prompts cannot be embedded here (external embeddings): the validation mix is their nearest-centroid share');
    return { mix: hard, prediction: null, counts };
  }
  const input: RouteInput = { embeddings: embedInput(router, { texts: router.validationPrompts.map((v) => v.text) }) };
  return { mix: meanRows(clusterProbs(router, input), k), prediction: predictionOf(routePrompts(router, input, costPenalty)), counts };
}

/** The shift preview of `input` (production prompts' texts, or their embeddings) under `router` at costPenalty. */
export function shiftPreview(router: Router, input: RouteInput, costPenalty: number = router.costPenalty): ShiftPreview {
  const notes: string[] = [];
  const x = embedInput(router, input);
  if (x.rows === 0) throw new Error('no prompts to preview');
  const k = router.centroids.rows;
  const given: RouteInput = { embeddings: x };
  const decisions = routePrompts(router, given, costPenalty);
  const production = meanRows(clusterProbs(router, given), k);
  const top = new Array<number>(k).fill(0);
  for (const d of decisions) top[d.cluster]++;
  const val = validationSide(router, costPenalty, notes);
  const mix = production.map((p, c) => ({
    cluster: c,
    validation: val.mix[c],
    production: p,
    validationPrompts: val.counts[c],
    productionPrompts: top[c],
  }));
  const totalVariation = 0.5 * mix.reduce((s, r) => s + Math.abs(r.production - r.validation), 0);
  return {
    prompts: x.rows,
    method: router.method,
    costPenalty,
    costUnit: router.costUnit,
    mix,
    totalVariation,
    predicted: predictionOf(decisions),
    atValidation: val.prediction,
    flagged: mix
      .filter((r) => r.productionPrompts > 0 && r.validationPrompts < MIN_VALIDATION)
      .map(({ cluster, validationPrompts, productionPrompts }) => ({ cluster, validationPrompts, productionPrompts })),
    notes,
  };
}
