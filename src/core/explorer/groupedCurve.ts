/**
 * The exact deferral curve when prompts come in groups with identical gamma rows (UniRoute K-means:
 * gamma(x,h) = Psi_{k(x)}(h), so every prompt of a cluster routes alike). One cost-penalty path per
 * group instead of per prompt: O(K m h + n m) instead of O(n m h + B log B). Same points as the
 * core's deferralCurve (same breakpoints and tie rules; sums in another order, so equal to rounding).
 */
import { costPenaltyPath } from '../eval/costPenaltyPath';
import type { CurvePoint } from '../eval/curve';
import { checkCosts } from '../routing/route';

/** Neumaier-compensated running sum (as deferralCurve keeps it). */
class Sum {
  s = 0;
  c = 0;
  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/**
 * deferralCurve for prompts grouped by `groupOf` (nTe entries in [0, groups)): every prompt of a group
 * must have the same gamma row (the first prompt of each group stands for it). Scores are summed per
 * group and LLM; a chosen LLM without a score throws, as in deferralCurve.
 */
export function groupedDeferralCurve(gamma: Float64Array, scores: Float64Array, m: number, costs: ArrayLike<number>, normaliser: number, groupOf: Int32Array, groups: number): CurvePoint[] {
  checkCosts(costs, m);
  if (!Number.isFinite(normaliser) || normaliser <= 0) throw new RangeError(`normaliser must be a finite number > 0, got ${normaliser}`);
  const n = groupOf.length;
  if (gamma.length !== n * m || scores.length !== n * m) throw new RangeError(`gamma and scores must be ${n} x ${m}`);
  if (n === 0) return [];
  const size = new Float64Array(groups);
  const first = new Int32Array(groups).fill(-1);
  const sums = new Float64Array(groups * m);
  for (let p = 0; p < n; p++) {
    const g = groupOf[p];
    if (g < 0 || g >= groups) throw new RangeError(`group ${g} of prompt ${p} is outside [0, ${groups})`);
    size[g]++;
    if (first[g] < 0) first[g] = p;
    for (let h = 0; h < m; h++) sums[g * m + h] += scores[p * m + h];
  }
  const scoreOf = (g: number, h: number): number => {
    const s = sums[g * m + h];
    if (Number.isNaN(s)) throw new RangeError(`a prompt of group ${g} has no score for model ${h}, which it is routed to`);
    return s;
  };
  const evLambda: number[] = [];
  const evSettled: number[] = [];
  const evGroup: number[] = [];
  const evFrom: number[] = [];
  const evTo: number[] = [];
  const cost = new Sum();
  const acc = new Sum();
  for (let g = 0; g < groups; g++) {
    if (first[g] < 0) continue;
    const start = costPenaltyPath(gamma, first[g] * m, m, costs, (lambda, from, to, settled) => {
      evLambda.push(lambda);
      evSettled.push(settled);
      evGroup.push(g);
      evFrom.push(from);
      evTo.push(to);
    });
    cost.add(size[g] * costs[start]);
    acc.add(scoreOf(g, start));
  }
  const points: CurvePoint[] = [{ cost: cost.value / n / normaliser, accuracy: acc.value / n, costPenalty: 0 }];
  const order = Array.from({ length: evLambda.length }, (_, i) => i).sort((i, j) => evLambda[i] - evLambda[j] || i - j);
  // As deferralCurve: switches group by the exact quotient; the reported penalty is the largest
  // settled value (where routeAt's own arithmetic has switched), never decreasing.
  let reported = 0;
  let groupSettled = 0;
  for (let e = 0; e < order.length; e++) {
    const i = order[e];
    const g = evGroup[i];
    cost.add(size[g] * costs[evTo[i]]);
    cost.add(-size[g] * costs[evFrom[i]]);
    acc.add(scoreOf(g, evTo[i]));
    acc.add(-scoreOf(g, evFrom[i]));
    if (evSettled[i] > groupSettled) groupSettled = evSettled[i];
    if (e + 1 === order.length || evLambda[order[e + 1]] !== evLambda[i]) {
      reported = Math.max(reported, groupSettled);
      points.push({ cost: cost.value / n / normaliser, accuracy: acc.value / n, costPenalty: reported });
      groupSettled = 0;
    }
  }
  return points;
}
