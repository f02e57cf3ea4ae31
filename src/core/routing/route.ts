/**
 * The routing rule (UniRoute Proposition 1, plug-in form):
 * route(x) = argmin_h gamma(x, h) + costPenalty * c(h).
 */

/** Throws unless every cost c(h) is a finite number >= 0 (the routing rule needs it). */
export function checkCosts(costs: ArrayLike<number>, m: number): void {
  if (costs.length !== m) throw new RangeError(`costs has ${costs.length} values, expected one per model (${m})`);
  for (let h = 0; h < m; h++) {
    const c = costs[h];
    if (!Number.isFinite(c) || c < 0) throw new RangeError(`cost of model ${h} must be a finite number >= 0, got ${c}`);
  }
}

function checkShape(values: ArrayLike<number>, m: number, what: string): number {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be a positive integer, got ${m}`);
  if (values.length % m !== 0) throw new RangeError(`${what} has ${values.length} values, not a multiple of ${m} models`);
  return values.length / m;
}

/**
 * The chosen LLM of every prompt at cost penalty lambda: argmin_h gamma(x, h) + lambda * c(h).
 * Exact ties go to the lower cost, then the earlier column. A NaN gamma (no estimate, e.g. the
 * oracle on a blank score) or any non-finite gamma counts as +infinity: never chosen while
 * another LLM has a number.
 * lambda = +Infinity is allowed and means the cheapest LLM (ties: lower gamma, then earlier column).
 */
export function routeAt(gamma: Float64Array, m: number, costs: ArrayLike<number>, costPenalty: number): Int32Array {
  const n = checkShape(gamma, m, 'gamma');
  checkCosts(costs, m);
  if (Number.isNaN(costPenalty) || costPenalty < 0) {
    throw new RangeError(`costPenalty must be >= 0, got ${costPenalty}`);
  }
  const choice = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const row = p * m;
    let best = 0;
    let bestValue = NaN;
    let bestGamma = NaN;
    for (let h = 0; h < m; h++) {
      const raw = gamma[row + h];
      const g = Number.isFinite(raw) ? raw : Infinity;
      const c = costs[h];
      if (costPenalty === Infinity) {
        // The limit lambda -> infinity: among LLMs with an estimate, the cheapest, ties to the
        // lower gamma; LLMs without one only when none has (then cheapest, earliest column).
        const better =
          h === 0 ||
          (g !== Infinity && bestGamma === Infinity) ||
          ((g !== Infinity) === (bestGamma !== Infinity) && (c < costs[best] || (c === costs[best] && g < bestGamma)));
        if (better) {
          best = h;
          bestGamma = g;
        }
        continue;
      }
      const value = g + costPenalty * c;
      if (h === 0 || value < bestValue || (value === bestValue && c < costs[best])) {
        best = h;
        bestValue = value;
      }
    }
    choice[p] = best;
  }
  return choice;
}

/** What a routing did: share of prompts per LLM, mean cost and mean accuracy (score of the choice). */
export interface RoutingSummary {
  share: Float64Array;
  meanCost: number;
  accuracy: number;
}

/**
 * Share per LLM, mean c(h) and mean score of the chosen LLMs (NaN for no prompts). Every chosen
 * score must be present: callers leave out prompts without a score for some pool LLM.
 */
export function routingSummary(choice: Int32Array, scores: Float64Array, m: number, costs: ArrayLike<number>): RoutingSummary {
  const n = checkShape(scores, m, 'scores');
  if (choice.length !== n) throw new RangeError(`choice has ${choice.length} prompts but scores have ${n}`);
  checkCosts(costs, m);
  const share = new Float64Array(m);
  let cost = 0;
  let acc = 0;
  for (let p = 0; p < n; p++) {
    const h = choice[p];
    if (h < 0 || h >= m) throw new RangeError(`choice ${h} of prompt ${p} is outside [0, ${m})`);
    const s = scores[p * m + h];
    if (Number.isNaN(s)) throw new RangeError(`prompt ${p} has no score for its chosen model ${h}`);
    share[h]++;
    cost += costs[h];
    acc += s;
  }
  for (let h = 0; h < m; h++) share[h] = n > 0 ? share[h] / n : 0;
  return { share, meanCost: n > 0 ? cost / n : NaN, accuracy: n > 0 ? acc / n : NaN };
}
