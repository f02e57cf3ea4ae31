/**
 * The test pool of a session: the base H_te plus any LLMs added after training, with every method's
 * gamma, exact deferral curve and metrics recomputed on it (no retraining: an added LLM is only its
 * Psi from S_val). Deterministic, so removing an LLM gives back the previous curves exactly.
 */
import {
  buildSweep,
  curveMetrics,
  extendSweep,
  paretoFront,
  poolMetricOptions,
  replayIndex,
  sweepCurve,
  zeroRouterCurve,
  type ColumnBlocks,
  type CurvePoint,
  type DeferralSweep,
  type MethodName,
  type SweepGroups,
} from '../eval';
import { knnFallback, knnGammaFromNeighbours } from '../routing/knn';
import { meanScored } from '../stats';
import type { AddedModel, MethodView, SessionBase, SessionPool, SinglePoint } from './types';

/** Methods in the order the views list them. */
export const POOL_METHODS: readonly MethodName[] = ['uniroute-kmeans', 'uniroute-learnedmap', 'knn', 'zero-router', 'oracle'];

/** gamma of an added LLM on the test prompts for one method (length nTe); null when the method has no estimate. */
function addedGamma(base: SessionBase, model: AddedModel, method: MethodName): Float64Array | null {
  const n = base.testRows.length;
  const { k } = base;
  const g = new Float64Array(n);
  // Locals, not property chains, in the loops: this runs once per add, often before the JIT has warmed up.
  const psi = model.profile.psi;
  const valErrors = model.valErrors;
  const testScores = model.testScores;
  switch (method) {
    case 'uniroute-kmeans': {
      const clusters = base.testClusters;
      for (let p = 0; p < n; p++) g[p] = psi[clusters[p]];
      return g;
    }
    case 'uniroute-learnedmap': {
      const phi = base.testPhi;
      if (!phi) return null;
      for (let p = 0; p < n; p++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += phi[p * k + c] * psi[c];
        g[p] = s;
      }
      return g;
    }
    case 'knn':
      // The base pool's K-NN rule (knnGamma) on this LLM's own column of validation errors.
      return knnGammaFromNeighbours(base.testNeighbours, base.neighbourCount, base.neighbourCount, valErrors, 1, knnFallback(valErrors, 1));
    case 'zero-router':
      // Error 1 without a validation score: zeroRouterValAccuracy reads such an LLM's accuracy as 0.
      return g.fill(meanScored(valErrors, 1, 0, 1));
    case 'oracle':
      // The true error where the file has a test score; NaN (never chosen) where it has none.
      for (let p = 0; p < n; p++) g[p] = 1 - testScores[p];
      return g;
    default: {
      const never: never = method;
      throw new Error(`unknown method ${String(never)}`);
    }
  }
}

/** The n x m matrix of column blocks (the base block itself when nothing was added). */
function dense(b: ColumnBlocks, n: number): Float64Array {
  if (b.columns.length === 0) return b.base;
  const m = b.m0 + b.columns.length;
  const out = new Float64Array(n * m);
  // One native copy per row rather than an element loop.
  for (let p = 0; p < n; p++) {
    out.set(b.base.subarray(p * b.m0, (p + 1) * b.m0), p * m);
    for (let j = 0; j < b.columns.length; j++) out[p * m + b.m0 + j] = b.columns[j][p];
  }
  return out;
}

/** A method view whose dense gamma, scores and full point list are built on first read (the hot paths read blocks and columns). */
function methodView(
  gammaBlocks: ColumnBlocks,
  scoreBlocks: ColumnBlocks,
  n: number,
  points: () => CurvePoint[],
  rest: Omit<MethodView, 'gamma' | 'scores' | 'points' | 'gammaBlocks' | 'scoreBlocks'>,
): MethodView {
  let gamma: Float64Array | undefined;
  let scores: Float64Array | undefined;
  const view = { gammaBlocks, scoreBlocks, ...rest };
  Object.defineProperty(view, 'gamma', { enumerable: true, get: () => (gamma ??= dense(gammaBlocks, n)) });
  Object.defineProperty(view, 'scores', { enumerable: true, get: () => (scores ??= dense(scoreBlocks, n)) });
  Object.defineProperty(view, 'points', { enumerable: true, get: points });
  return view as MethodView;
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

/** Whether `previous` can be the pool of the same session before the last of m LLMs joined (same prompts, LLMs and costs). */
function isPoolBefore(previous: SessionPool, n: number, names: readonly string[], costs: Float64Array): boolean {
  const m = names.length;
  if (previous.n !== n || previous.names.length !== m - 1) return false;
  for (let j = 0; j < m - 1; j++) if (previous.names[j] !== names[j] || previous.costs[j] !== costs[j]) return false;
  return true;
}

/**
 * Evaluates every method of `base` on the test pool base H_te + `added`. The cost axis is normalised
 * by the max pool cost; QNC's target is the most accurate pool LLM (an added LLM without test scores
 * counts at its estimated accuracy: 1 - K-means gamma, averaged over the test prompts).
 *
 * `previous`, when given, must be evaluatePool(base, added.slice(0, -1)) (the pool before the last
 * LLM joined): each method's sweep is then extended by the new LLM's column (extendSweep: only the
 * prompts it can change are walked again), which gives the same pool bit for bit.
 */
export function evaluatePool(base: SessionBase, added: readonly AddedModel[] = [], previous?: SessionPool | null): SessionPool {
  const n = base.testRows.length;
  const m0 = base.testModels.length;
  const names = [...base.testModels.map((h) => base.modelNames[h]), ...added.map((a) => a.name)];
  const costs = Float64Array.from([...base.testModels.map((h) => base.modelCosts[h]), ...added.map((a) => a.cost)]);
  const m = names.length;
  const before = previous && added.length > 0 && isPoolBefore(previous, n, names, costs) ? previous : null;
  const maxCost = Math.max(...costs);
  const normaliser = maxCost > 0 ? maxCost : 1;
  const isAdded = names.map((_, j) => j >= m0);
  const estimated = names.map((_, j) => j >= m0 && added[j - m0].estimated);

  // Single points: a base LLM's mean test score; an added one's true scores, unknown cells at 1 - K-means gamma.
  const kmeansCols = added.map((a) => addedGamma(base, a, 'uniroute-kmeans'));
  const addedSingles = added.map((a, j) => effectiveScores(a, kmeansCols[j]));
  // Column sums in one row-major pass (each column still summed in prompt order); the pool before
  // the last LLM joined has them already.
  const sums = new Float64Array(m0);
  if (!before) for (let p = 0; p < n; p++) for (let j = 0; j < m0; j++) sums[j] += base.testScores[p * m0 + j];
  const singles: SinglePoint[] = names.map((name, j) => {
    const accuracy = before && j < m - 1 ? before.singles[j].accuracy : j < m0 ? sums[j] / n : meanOf(addedSingles[j - m0]);
    return { name, cost: costs[j] / normaliser, costRaw: costs[j], accuracy, estimated: estimated[j] };
  });
  const metricOptions = poolMetricOptions(
    singles.map((x) => x.accuracy),
    costs,
    normaliser,
    base.qncDenominator,
  );

  let unknownScore: Uint8Array | null = null;
  if (estimated.some(Boolean)) {
    unknownScore = new Uint8Array(n * m);
    added.forEach((a, j) => {
      for (let p = 0; p < n; p++) if (Number.isNaN(a.testScores[p])) unknownScore![p * m + m0 + j] = 1;
    });
  }

  const methods: SessionPool['methods'] = {};
  const anyEstimated = estimated.some(Boolean);
  let sharedScores: ColumnBlocks | undefined;
  for (const method of POOL_METHODS) {
    const baseGamma = base.gammas[method];
    if (!baseGamma) continue;
    const cols = method === 'uniroute-kmeans' ? kmeansCols : added.map((a) => addedGamma(base, a, method));
    if (cols.some((c) => c === null)) continue;
    // The base block and one column per added LLM: no n x m copy (gamma / scores materialise on demand).
    const gamma: ColumnBlocks = { base: baseGamma, m0, columns: cols as Float64Array[] };
    // The oracle never routes to an unknown cell (NaN gamma), so its scores can keep NaN there.
    // Without estimated cells every method counts the same true scores: one shared matrix.
    let scores: ColumnBlocks;
    if (method === 'oracle' || !anyEstimated)
      scores = sharedScores ??= { base: base.testScores, m0, columns: added.map((a) => a.testScores) };
    else
      scores = {
        base: base.testScores,
        m0,
        columns: added.map((a, j) => (method === 'zero-router' ? addedSingles[j] : effectiveScores(a, cols[j]))),
      };
    let curve: { points: () => CurvePoint[]; front: CurvePoint[] };
    let sweep: DeferralSweep;
    const prevSweep = before?.methods[method]?.sweep;
    const sweepOf = (g: ColumnBlocks, sc: ColumnBlocks, groups?: SweepGroups): DeferralSweep =>
      prevSweep ? extendSweep(prevSweep, g, sc, n, costs, normaliser, groups) : buildSweep(g, sc, n, costs, normaliser, groups);
    if (method === 'zero-router') {
      // The core's ZeroRouter curve (hull on validation accuracy, placed at test accuracy), as runTrial draws it.
      const valAccuracy = [...base.valAccuracy, ...cols.map((c) => 1 - (c as Float64Array)[0])];
      const points = zeroRouterCurve(
        valAccuracy,
        singles.map((x) => x.accuracy),
        Array.from(costs),
        normaliser,
      );
      curve = { points: () => points, front: paretoFront(points) };
      // Routed live, ZeroRouter sends every prompt to one LLM (the same gamma row): one path for all.
      sweep = sweepOf(gamma, scores, { of: prevSweep?.groupOf ?? new Int32Array(n), count: 1 });
    } else {
      // UniRoute (K-means) gives every prompt of a cluster the same gamma row: one path per cluster.
      sweep = sweepOf(gamma, scores, method === 'uniroute-kmeans' ? { of: base.testClusters, count: base.k } : undefined);
      curve = sweepCurve(sweep);
    }
    // The metrics of the front equal those of all points (the peak is on the front), and cost less.
    methods[method] = methodView(gamma, scores, n, curve.points, {
      front: curve.front,
      metrics: curveMetrics(curve.front, metricOptions),
      estimated: method !== 'oracle' && estimated.some(Boolean),
      sweep,
      live: n > 0 ? replayIndex(sweep, unknownScore) : null,
    });
  }
  return { names, costs, normaliser, added: isAdded, estimated, n, methods, singles, unknownScore, qncTarget: metricOptions.qncTarget };
}
