/**
 * Live routing at a cost penalty lambda over the session's test pool (the Routing view's slider):
 * route(x) = argmin_h gamma(x,h) + lambda c(h) for every test prompt, then shares, mean cost and
 * accuracy. A replay of the method's exact deferral sweep (liveIndex.ts): a binary search over its
 * breakpoints, not a pass over n x m.
 */
import type { MethodName } from '../eval/methods';
import { blockAt, blockRow, type CurvePoint } from '../eval/curve';
import { replayAt } from './liveIndex';
import type { SessionPool } from './types';

export interface LiveRouting {
  method: MethodName;
  costPenalty: number;
  /** Share of test prompts routed to each pool LLM (sums to 1). */
  share: Float64Array;
  /** Test prompts routed to each pool LLM. */
  counts: Int32Array;
  /** Mean c(h) of the chosen LLMs, in the dataset's cost unit. */
  meanCost: number;
  /** meanCost / normaliser: the deferral curve's cost axis. */
  meanCostNormalised: number;
  /** Mean score of the chosen LLMs (an estimate where an added LLM without test scores is chosen). */
  accuracy: number;
  /** Prompts routed to an LLM whose test score is estimated (1 - gamma). */
  estimatedPrompts: number;
  /** The operating point on the deferral curve: (meanCostNormalised, accuracy). */
  operatingPoint: { cost: number; accuracy: number };
}

/**
 * Routes every test prompt with `method`'s gamma at `costPenalty` (routeAt's rule: exact ties to
 * the cheaper LLM, then the earlier column; NaN gamma never chosen) and summarises the routing.
 * `choice`, when given (length n), receives each prompt's chosen pool column.
 */
export function routeLive(pool: SessionPool, method: MethodName, costPenalty: number, choice?: Int32Array): LiveRouting {
  const view = pool.methods[method];
  if (!view) throw new Error(`method ${method} is not available in this session`);
  if (Number.isNaN(costPenalty) || costPenalty < 0) throw new RangeError(`costPenalty must be >= 0, got ${costPenalty}`);
  const { n, costs } = pool;
  const m = costs.length;
  // The sweep's replay gives the same routing in O(log P + m); per-prompt choices and lambda =
  // infinity (where routeAt may pick a cheapest LLM without an estimate) take the direct pass.
  if (view.live && !choice && costPenalty !== Infinity && n > 0) {
    const counts = new Int32Array(m);
    const { point, estimated } = replayAt(view.live, costPenalty, counts);
    let costSum = 0;
    for (let h = 0; h < m; h++) costSum += counts[h] * costs[h];
    return summary(pool, method, costPenalty, counts, costSum / n, view.live.accuracy[point], estimated);
  }
  const { gammaBlocks, scoreBlocks } = view;
  const unknown = pool.unknownScore;
  const gamma = new Float64Array(m);
  const counts = new Int32Array(m);
  const infinite = costPenalty === Infinity;
  // lambda * c(h) once per LLM, not once per prompt.
  const penalty = new Float64Array(m);
  for (let h = 0; h < m; h++) penalty[h] = infinite ? 0 : costPenalty * costs[h];
  let costSum = 0;
  let accSum = 0;
  let estimatedPrompts = 0;
  for (let p = 0; p < n; p++) {
    const row = p * m;
    blockRow(gammaBlocks, p, gamma);
    let best = -1;
    let bestValue = Infinity;
    let bestGamma = Infinity;
    for (let h = 0; h < m; h++) {
      const raw = gamma[h];
      const g = raw !== raw ? Infinity : raw; // NaN: no estimate
      if (infinite) {
        if (best < 0 || costs[h] < costs[best] || (costs[h] === costs[best] && g < bestGamma)) {
          best = h;
          bestGamma = g;
        }
        continue;
      }
      const value = g + penalty[h];
      if (best < 0 || value < bestValue || (value === bestValue && costs[h] < costs[best])) {
        best = h;
        bestValue = value;
      }
    }
    counts[best]++;
    costSum += costs[best];
    accSum += blockAt(scoreBlocks, p, best);
    if (unknown !== null && unknown[row + best] === 1) estimatedPrompts++;
    if (choice) choice[p] = best;
  }
  return summary(pool, method, costPenalty, counts, n > 0 ? costSum / n : NaN, n > 0 ? accSum / n : NaN, estimatedPrompts);
}

function summary(
  pool: SessionPool,
  method: MethodName,
  costPenalty: number,
  counts: Int32Array,
  meanCost: number,
  accuracy: number,
  estimatedPrompts: number,
): LiveRouting {
  const { n } = pool;
  const share = new Float64Array(counts.length);
  for (let h = 0; h < counts.length; h++) share[h] = n > 0 ? counts[h] / n : 0;
  return {
    method,
    costPenalty,
    share,
    counts,
    meanCost,
    meanCostNormalised: meanCost / pool.normaliser,
    accuracy,
    estimatedPrompts,
    operatingPoint: { cost: meanCost / pool.normaliser, accuracy },
  };
}

/**
 * The curve point in force at `costPenalty`: the last point whose costPenalty <= lambda (the exact
 * curve's points hold on [costPenalty, next)). Equals routeLive's operating point (tested).
 */
export function curvePointAt(points: readonly CurvePoint[], costPenalty: number): CurvePoint | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  if (costPenalty >= points[hi].costPenalty) return points[hi];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid].costPenalty <= costPenalty) lo = mid;
    else hi = mid;
  }
  return points[lo];
}
