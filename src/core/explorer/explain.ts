/**
 * Per-prompt explanation of a routing decision: for one test prompt, every pool LLM's predicted
 * error gamma(x,h), its cost penalty lambda c(h), the total gamma + lambda c(h), and the winner.
 */
import { blockAt, blockRow, type MethodName } from '../eval';
import { routeAt } from '../routing/route';
import type { SessionPool } from './types';

export interface ExplainedModel {
  name: string;
  /** gamma(x, h); NaN when the method has no estimate (the oracle on an unknown score). */
  predictedError: number;
  cost: number;
  /** lambda * c(h). */
  penalty: number;
  /** gamma(x, h) + lambda * c(h) (Infinity for a NaN gamma). */
  total: number;
  /** True score of h on x, NaN when unknown (an added LLM without test scores). */
  trueScore: number;
  winner: boolean;
}

export interface PromptExplanation {
  /** Row of the prompt among the session's test prompts. */
  row: number;
  method: MethodName;
  costPenalty: number;
  models: ExplainedModel[];
  /** Pool column of the winner (routeAt's rule: lowest total, ties to the cheaper, then earlier). */
  winner: number;
}

/** Explains the routing of test prompt `row` with `method` at `costPenalty`. */
export function explainPrompt(pool: SessionPool, method: MethodName, row: number, costPenalty: number): PromptExplanation {
  const view = pool.methods[method];
  if (!view) throw new Error(`method ${method} is not available in this session`);
  if (!Number.isInteger(row) || row < 0 || row >= pool.n) throw new RangeError(`test prompt ${row} is outside [0, ${pool.n})`);
  if (Number.isNaN(costPenalty) || costPenalty < 0) throw new RangeError(`costPenalty must be >= 0, got ${costPenalty}`);
  const m = pool.costs.length;
  const gamma = blockRow(view.gammaBlocks, row, new Float64Array(m));
  // The winner by the routing rule itself, so the table can never disagree with the routing.
  const winner = routeAt(gamma, m, pool.costs, costPenalty)[0];
  const models: ExplainedModel[] = pool.names.map((name, h) => {
    const g = gamma[h];
    const cost = pool.costs[h];
    const penalty = costPenalty === Infinity ? Infinity : costPenalty * cost;
    const total = Number.isNaN(g) ? Infinity : g + penalty;
    const unknown = pool.unknownScore !== null && pool.unknownScore[row * m + h] === 1;
    const trueScore = unknown ? NaN : blockAt(view.scoreBlocks, row, h);
    return { name, predictedError: g, cost, penalty, total, trueScore, winner: h === winner };
  });
  return { row, method, costPenalty, models, winner };
}
