/**
 * The exact deferral curve when prompts come in groups with identical gamma rows (UniRoute K-means:
 * gamma(x,h) = Psi_{k(x)}(h), so every prompt of a cluster routes alike). One cost-penalty path per
 * group instead of per prompt: O(K m h + n m) instead of O(n m h + B). Same points as the
 * core's deferralCurve (same breakpoints and tie rules; sums in another order, so equal to rounding).
 */
import { costOrder, eventOrder, newPathEvents, walkCostPenaltyPath } from '../eval/costPenaltyPath';
import {
  asBlocks,
  blockRow,
  emptySweep,
  newColumns,
  sweepPoints,
  type ColumnBlocks,
  type CurvePoint,
  type DeferralSweep,
} from '../eval/curve';
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
export function groupedDeferralCurve(
  gamma: Float64Array,
  scores: Float64Array,
  m: number,
  costs: ArrayLike<number>,
  normaliser: number,
  groupOf: Int32Array,
  groups: number,
): CurvePoint[] {
  return sweepPoints(groupedDeferralSweep(gamma, scores, m, costs, normaliser, groupOf, groups));
}

/** groupedDeferralCurve with its switches (tags are groups; starts[g] = -1 for an empty group). */
export function groupedDeferralSweep(
  gamma: Float64Array,
  scores: Float64Array,
  m: number,
  costs: ArrayLike<number>,
  normaliser: number,
  groupOf: Int32Array,
  groups: number,
): DeferralSweep {
  if (gamma.length !== groupOf.length * m || scores.length !== groupOf.length * m)
    throw new RangeError(`gamma and scores must be ${groupOf.length} x ${m}`);
  return groupedDeferralSweepBlocks(asBlocks(gamma, m), asBlocks(scores, m), costs, normaliser, groupOf, groups);
}

/** groupedDeferralSweep with gamma and scores as column blocks (the pool with added LLMs). */
export function groupedDeferralSweepBlocks(
  gamma: ColumnBlocks,
  scores: ColumnBlocks,
  costs: ArrayLike<number>,
  normaliser: number,
  groupOf: Int32Array,
  groups: number,
): DeferralSweep {
  const m = gamma.m0 + gamma.columns.length;
  checkCosts(costs, m);
  if (!Number.isFinite(normaliser) || normaliser <= 0) throw new RangeError(`normaliser must be a finite number > 0, got ${normaliser}`);
  const n = groupOf.length;
  const starts = new Int32Array(groups).fill(-1);
  if (n === 0) return emptySweep(starts);
  const size = new Float64Array(groups);
  const first = new Int32Array(groups).fill(-1);
  const sums = new Float64Array(groups * m);
  const { m0 } = scores;
  for (let p = 0; p < n; p++) {
    const g = groupOf[p];
    if (g < 0 || g >= groups) throw new RangeError(`group ${g} of prompt ${p} is outside [0, ${groups})`);
    size[g]++;
    if (first[g] < 0) first[g] = p;
    const row = g * m;
    const from = p * m0;
    for (let h = 0; h < m0; h++) sums[row + h] += scores.base[from + h];
    for (let j = 0; j < scores.columns.length; j++) sums[row + m0 + j] += scores.columns[j][p];
  }
  const scoreOf = (g: number, h: number): number => {
    const s = sums[g * m + h];
    if (Number.isNaN(s)) throw new RangeError(`a prompt of group ${g} has no score for model ${h}, which it is routed to`);
    return s;
  };
  const byCost = costOrder(costs, m);
  const c64 = Float64Array.from(costs);
  const events = newPathEvents(4 * groups);
  const row = new Float64Array(m);
  const cost = new Sum();
  const acc = new Sum();
  for (let g = 0; g < groups; g++) {
    if (first[g] < 0) continue;
    const start = walkCostPenaltyPath(blockRow(gamma, first[g], row), 0, m, c64, byCost, events, g);
    starts[g] = start;
    cost.add(size[g] * costs[start]);
    acc.add(scoreOf(g, start));
  }
  const order = eventOrder(events);
  const out = newColumns(order.length);
  out.push(cost.value / n / normaliser, acc.value / n, 0);
  const { lambda, settled } = events;
  const B = order.length;
  const from = new Int32Array(B);
  const to = new Int32Array(B);
  const tag = new Int32Array(B);
  const pointEnd: number[] = [0];
  // As deferralCurve: switches group by the exact quotient; the reported penalty is the largest
  // settled value (where routeAt's own arithmetic has switched), never decreasing.
  let reported = 0;
  let groupSettled = 0;
  for (let e = 0; e < B; e++) {
    const i = order[e];
    const g = events.tag[i];
    from[e] = events.from[i];
    to[e] = events.to[i];
    tag[e] = g;
    cost.add(size[g] * costs[to[e]]);
    cost.add(-size[g] * costs[from[e]]);
    acc.add(scoreOf(g, to[e]));
    acc.add(-scoreOf(g, from[e]));
    if (settled[i] > groupSettled) groupSettled = settled[i];
    if (e + 1 === B || lambda[order[e + 1]] !== lambda[i]) {
      reported = Math.max(reported, groupSettled);
      out.push(cost.value / n / normaliser, acc.value / n, reported);
      pointEnd.push(e + 1);
      groupSettled = 0;
    }
  }
  return { ...out.done(), starts, from, to, tag, pointEnd: Int32Array.from(pointEnd) };
}
