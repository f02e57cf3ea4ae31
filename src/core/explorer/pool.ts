/**
 * The test pool of a session: the base H_te plus any LLMs added after training, with every method's
 * gamma, exact deferral curve and metrics recomputed on it (no retraining: an added LLM is only its
 * Psi from S_val). Deterministic, so removing an LLM gives back the previous curves exactly.
 */
import { deferralCurve, paretoFront, type CurvePoint } from '../eval/curve';
import { curveMetrics, zeroRouterCurve } from '../eval/metrics';
import type { MethodName } from '../eval/methods';
import { meanErrors } from './knn';
import { groupedDeferralCurve } from './groupedCurve';
import type { AddedModel, MethodView, SessionBase, SessionPool, SinglePoint } from './types';

/** Methods in the order the views list them. */
export const POOL_METHODS: readonly MethodName[] = ['uniroute-kmeans', 'uniroute-learnedmap', 'knn', 'zero-router', 'oracle'];

/** gamma of an added LLM on the test prompts for one method (length nTe); null when the method has no estimate. */
function addedGamma(base: SessionBase, model: AddedModel, method: MethodName): Float64Array | null {
  const n = base.testRows.length;
  const { k } = base;
  const g = new Float64Array(n);
  switch (method) {
    case 'uniroute-kmeans':
      for (let p = 0; p < n; p++) g[p] = model.profile.psi[base.testClusters[p]];
      return g;
    case 'uniroute-learnedmap': {
      const phi = base.testPhi;
      if (!phi) return null;
      for (let p = 0; p < n; p++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += phi[p * k + c] * model.profile.psi[c];
        g[p] = s;
      }
      return g;
    }
    case 'knn': {
      const kk = base.neighbourCount;
      const fallback = meanErrors(model.valErrors, 1)[0];
      for (let p = 0; p < n; p++) {
        let s = 0;
        let c = 0;
        for (let j = 0; j < kk; j++) {
          const e = model.valErrors[base.testNeighbours[p * kk + j]];
          if (!Number.isNaN(e)) {
            s += e;
            c++;
          }
        }
        g[p] = c > 0 ? s / c : fallback;
      }
      return g;
    }
    case 'zero-router': {
      let s = 0;
      let c = 0;
      for (const e of model.valErrors) {
        if (!Number.isNaN(e)) {
          s += e;
          c++;
        }
      }
      // runTrial's ZeroRouter reads a validation accuracy of 0 for an LLM with no validation score.
      g.fill(c > 0 ? s / c : 1);
      return g;
    }
    case 'oracle':
      // The true error where the file has a test score; NaN (never chosen) where it has none.
      for (let p = 0; p < n; p++) g[p] = 1 - model.testScores[p];
      return g;
    default: {
      const never: never = method;
      throw new Error(`unknown method ${String(never)}`);
    }
  }
}

/** Appends one column per added LLM to an nTe x m0 matrix. */
function widen(base: Float64Array, n: number, m0: number, columns: Float64Array[]): Float64Array {
  if (columns.length === 0) return base;
  const m = m0 + columns.length;
  const out = new Float64Array(n * m);
  for (let p = 0; p < n; p++) {
    out.set(base.subarray(p * m0, (p + 1) * m0), p * m);
    for (let j = 0; j < columns.length; j++) out[p * m + m0 + j] = columns[j][p];
  }
  return out;
}

/** An added LLM's test scores with every unknown cell replaced by 1 - gamma (its expected accuracy). */
function effectiveScores(model: AddedModel, gamma: Float64Array | null): Float64Array {
  const out = Float64Array.from(model.testScores);
  for (let p = 0; p < out.length; p++) if (Number.isNaN(out[p])) out[p] = gamma ? 1 - gamma[p] : NaN;
  return out;
}

function meanOf(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length ? s / values.length : NaN;
}

/**
 * Evaluates every method of `base` on the test pool base H_te + `added`. The cost axis is normalised
 * by the max pool cost; QNC's target is the most accurate pool LLM (an added LLM without test scores
 * counts at its estimated accuracy: 1 - K-means gamma, averaged over the test prompts).
 */
export function evaluatePool(base: SessionBase, added: readonly AddedModel[] = []): SessionPool {
  const n = base.testRows.length;
  const m0 = base.testModels.length;
  const names = [...base.testModels.map((h) => base.modelNames[h]), ...added.map((a) => a.name)];
  const costs = Float64Array.from([...base.testModels.map((h) => base.modelCosts[h]), ...added.map((a) => a.cost)]);
  const m = names.length;
  const maxCost = Math.max(...costs);
  const normaliser = maxCost > 0 ? maxCost : 1;
  const isAdded = names.map((_, j) => j >= m0);
  const estimated = names.map((_, j) => j >= m0 && added[j - m0].estimated);

  // Single points: a base LLM's mean test score; an added one's true scores, unknown cells at 1 - K-means gamma.
  const kmeansCols = added.map((a) => addedGamma(base, a, 'uniroute-kmeans'));
  const addedSingles = added.map((a, j) => effectiveScores(a, kmeansCols[j]));
  const singles: SinglePoint[] = names.map((name, j) => {
    let accuracy: number;
    if (j < m0) {
      let s = 0;
      for (let p = 0; p < n; p++) s += base.testScores[p * m0 + j];
      accuracy = s / n;
    } else accuracy = meanOf(addedSingles[j - m0]);
    return { name, cost: costs[j] / normaliser, costRaw: costs[j], accuracy, estimated: estimated[j] };
  });
  let best = 0;
  let bestIdx = 0;
  singles.forEach((s, j) => {
    if (s.accuracy > best || (s.accuracy === best && costs[j] < costs[bestIdx])) {
      best = s.accuracy;
      bestIdx = j;
    }
  });
  const qncScale = base.qncDenominator === 'most-accurate' && costs[bestIdx] > 0 ? maxCost / costs[bestIdx] : 1;
  const minCost = Math.min(...costs) / normaliser;
  const metricOptions = { qncTarget: best, qncDenominatorScale: qncScale, aiqRange: [minCost, maxCost / normaliser] as [number, number] };

  const methods: SessionPool['methods'] = {};
  const anyEstimated = estimated.some(Boolean);
  let sharedScores: Float64Array | undefined;
  for (const method of POOL_METHODS) {
    const baseGamma = base.gammas[method];
    if (!baseGamma) continue;
    const cols = added.map((a) => addedGamma(base, a, method));
    if (cols.some((c) => c === null)) continue;
    const gamma = widen(baseGamma, n, m0, cols as Float64Array[]);
    // The oracle never routes to an unknown cell (NaN gamma), so its scores can keep NaN there.
    // Without estimated cells every method counts the same true scores: one shared matrix.
    let scores: Float64Array;
    if (method === 'oracle' || !anyEstimated) scores = sharedScores ??= widen(base.testScores, n, m0, added.map((a) => a.testScores));
    else scores = widen(base.testScores, n, m0, added.map((a, j) => (method === 'zero-router' ? addedSingles[j] : effectiveScores(a, cols[j]))));
    let points: CurvePoint[];
    if (method === 'zero-router') {
      // The core's ZeroRouter curve (hull on validation accuracy, placed at test accuracy), as runTrial draws it.
      const valAccuracy = [...base.valAccuracy, ...cols.slice().map((c) => 1 - (c as Float64Array)[0])];
      points = zeroRouterCurve(valAccuracy, singles.map((s) => s.accuracy), Array.from(costs), normaliser);
    } else if (method === 'uniroute-kmeans') {
      // Every prompt of a cluster has the same gamma row: one cost-penalty path per cluster.
      points = groupedDeferralCurve(gamma, scores, m, costs, normaliser, base.testClusters, base.k);
    } else points = deferralCurve(gamma, scores, m, costs, normaliser);
    // The metrics of the front equal those of all points (the peak is on the front), and cost less.
    const front = paretoFront(points);
    const view: MethodView = {
      gamma,
      scores,
      points,
      front,
      metrics: curveMetrics(front, metricOptions),
      estimated: method !== 'oracle' && estimated.some(Boolean),
    };
    methods[method] = view;
  }
  let unknownScore: Uint8Array | null = null;
  if (estimated.some(Boolean)) {
    unknownScore = new Uint8Array(n * m);
    added.forEach((a, j) => {
      for (let p = 0; p < n; p++) if (Number.isNaN(a.testScores[p])) unknownScore![p * m + m0 + j] = 1;
    });
  }
  return { names, costs, normaliser, added: isAdded, estimated, n, methods, singles, unknownScore, qncTarget: best };
}
