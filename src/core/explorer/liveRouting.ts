/**
 * Live routing at a cost penalty lambda over the session's test pool (the Routing view's slider):
 * route(x) = argmin_h gamma(x,h) + lambda c(h) for every test prompt, then shares, mean cost and
 * accuracy. A replay of the method's exact deferral sweep (src/core/eval sweep.ts): a binary search
 * over its breakpoints, not a pass over n x m.
 */
import { choiceAt, replayAt, type MethodName } from '../eval';
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
 * the cheaper LLM, then the earlier column; NaN gamma never chosen; lambda = +infinity the cheapest
 * LLM with an estimate) and summarises the routing. `choice`, when given (length n), receives each
 * prompt's chosen pool column.
 */
export function routeLive(pool: SessionPool, method: MethodName, costPenalty: number, choice?: Int32Array): LiveRouting {
  const view = pool.methods[method];
  if (!view) throw new Error(`method ${method} is not available in this session`);
  if (Number.isNaN(costPenalty) || costPenalty < 0) throw new RangeError(`costPenalty must be >= 0, got ${costPenalty}`);
  const { n, costs } = pool;
  const m = costs.length;
  const counts = new Int32Array(m);
  if (!view.live) return summary(pool, method, costPenalty, counts, NaN, NaN, 0);
  const { point, flagged } = replayAt(view.live, costPenalty, counts);
  if (choice) choice.set(choiceAt(view.sweep, costPenalty));
  let costSum = 0;
  for (let h = 0; h < m; h++) costSum += counts[h] * costs[h];
  return summary(pool, method, costPenalty, counts, costSum / n, view.live.accuracy[point], flagged);
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
