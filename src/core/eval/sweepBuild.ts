/**
 * Building an exact deferral sweep: every prompt's (or group's) cost-penalty path walked once
 * (costPenaltyPath.ts), all switches merged by breakpoint, and the curve's running mean cost and
 * accuracy updated switch by switch with compensated sums. The public face is sweep.ts.
 */
import { checkCosts } from '../routing/route';
import { blockAt, blockRow, type ColumnBlocks } from './blocks';
import { costOrder, eventOrder, newPathEvents, walkCostPenaltyPath } from './costPenaltyPath';

/**
 * A deferral sweep: the curve's points plus the switches behind them, so a caller can replay the
 * routing at any lambda (the explorer's live routing) without re-routing every prompt. Plain
 * typed arrays only: it crosses the worker boundary and lives in the UI store.
 */
export interface DeferralSweep {
  /** Prompts and LLMs swept. */
  n: number;
  m: number;
  /** The curve as columns: point i is (cost[i], accuracy[i]), the routing for lambda in [costPenalty[i], costPenalty[i + 1]). */
  cost: Float64Array;
  accuracy: Float64Array;
  costPenalty: Float64Array;
  /** The group of every prompt when prompts were swept in groups of identical gamma rows; null: one path per prompt. */
  groupOf: Int32Array | null;
  /** The lambda = 0 choice of every path (prompt or group; -1 for an empty group). */
  starts: Int32Array;
  /** Every switch in sweep order (by breakpoint): the LLM left, the LLM taken, the path (prompt or group). */
  from: Int32Array;
  to: Int32Array;
  tag: Int32Array;
  /** Every switch's breakpoint (g_to - g_from) / (c_from - c_to) and settled penalty, in sweep order (extendSweep reuses them). */
  lambda: Float64Array;
  settled: Float64Array;
  /** pointEnd[i]: the switches from[0 .. pointEnd[i]) are applied at point i (0 at the lambda = 0 point). */
  pointEnd: Int32Array;
}

/** Prompts that route alike (identical gamma rows, e.g. one K-means cluster): `of[p]` in [0, count). */
export interface SweepGroups {
  of: Int32Array;
  count: number;
}

/** Neumaier-compensated running sum: the curve is updated incrementally over many switches. */
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

/** Point columns for a sweep of B switches (at most B + 1 points): push, then done() trims them. */
function newColumns(B: number) {
  const cost = new Float64Array(B + 1);
  const accuracy = new Float64Array(B + 1);
  const costPenalty = new Float64Array(B + 1);
  const columns = {
    length: 0,
    push(c: number, a: number, l: number): void {
      cost[columns.length] = c;
      accuracy[columns.length] = a;
      costPenalty[columns.length++] = l;
    },
    done: () => ({
      cost: cost.slice(0, columns.length),
      accuracy: accuracy.slice(0, columns.length),
      costPenalty: costPenalty.slice(0, columns.length),
    }),
  };
  return columns;
}

function grown(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(length);
  out.set(a);
  return out;
}

/** Per-group prompt counts, first prompt and score sums (group x LLM): the group's path stands for all its prompts. */
export function groupTotals(groups: SweepGroups, scores: ColumnBlocks, n: number, m: number) {
  const { of, count } = groups;
  if (of.length !== n) throw new RangeError(`groups give ${of.length} prompts, the sweep has ${n}`);
  const size = new Float64Array(count);
  const first = new Int32Array(count).fill(-1);
  const sums = new Float64Array(count * m);
  const { m0 } = scores;
  for (let p = 0; p < n; p++) {
    const g = of[p];
    if (!(g >= 0 && g < count)) throw new RangeError(`group ${g} of prompt ${p} is outside [0, ${count})`);
    size[g]++;
    if (first[g] < 0) first[g] = p;
    const row = g * m;
    const from = p * m0;
    for (let h = 0; h < m0; h++) sums[row + h] += scores.base[from + h];
    for (let j = 0; j < scores.columns.length; j++) sums[row + m0 + j] += scores.columns[j][p];
  }
  return { size, first, sums };
}

export type GroupTotals = ReturnType<typeof groupTotals>;

/** The checks every sweep makes on its costs and cost normaliser. */
export function checkSweepInputs(costs: ArrayLike<number>, m: number, normaliser: number): void {
  checkCosts(costs, m);
  if (!Number.isFinite(normaliser) || normaliser <= 0) {
    throw new RangeError(`normaliser (max test-pool cost) must be a finite number > 0, got ${normaliser}`);
  }
}

/** The score a path counts for LLM h (a group's sum, or the prompt's score); a missing one is an error naming the path. */
export function scoreReader(scores: ColumnBlocks, m: number, totals: GroupTotals | null): (t: number, h: number) => number {
  return (t, h) => {
    const s = totals ? totals.sums[t * m + h] : blockAt(scores, t, h);
    if (Number.isNaN(s)) {
      throw new RangeError(`${totals ? `a prompt of group ${t}` : `prompt ${t}`} has no score for model ${h}, which it is routed to`);
    }
    return s;
  };
}

/** Switches in sweep order (by breakpoint, then path, then along the path), with the scores each one swaps. */
export interface SortedSwitches {
  length: number;
  lambda: Float64Array;
  settled: Float64Array;
  from: Int32Array;
  to: Int32Array;
  tag: Int32Array;
  scoreFrom: Float64Array;
  scoreTo: Float64Array;
}

export function newSortedSwitches(B: number): SortedSwitches {
  return {
    length: B,
    lambda: new Float64Array(B),
    settled: new Float64Array(B),
    from: new Int32Array(B),
    to: new Int32Array(B),
    tag: new Int32Array(B),
    scoreFrom: new Float64Array(B),
    scoreTo: new Float64Array(B),
  };
}

/**
 * The curve of sorted switches: the lambda = 0 point from every path's start (in path order), then
 * the running mean cost and accuracy updated switch by switch with compensated sums, one point per
 * distinct breakpoint. Every sweep (built or extended) ends here, so equal switches give equal points.
 */
export function assembleSweep(
  sw: SortedSwitches,
  starts: Int32Array,
  startScore: (t: number) => number,
  totals: GroupTotals | null,
  groupOf: Int32Array | null,
  n: number,
  m: number,
  c64: Float64Array,
  normaliser: number,
): DeferralSweep {
  const cost = new Sum();
  const acc = new Sum();
  for (let t = 0; t < starts.length; t++) {
    const start = starts[t];
    if (start < 0) continue; // an empty group
    cost.add((totals ? totals.size[t] : 1) * c64[start]);
    acc.add(startScore(t));
  }
  // Switches are grouped by equality of the float64 quotient (g_to - g_from) / (c_from - c_to), so
  // all paths with the same gamma and cost pair switch in one step. Quotients that are equal in
  // decimal but round apart (e.g. (0.8 - 0.1) / 1 and 0.7 / 1) stay two points ~1e-16 apart in
  // lambda, as in any float64 sweep; on the shared data this moves a K-NN Area by < 1e-4 and the
  // oracle's not at all (an oracle step's slope is its own lambda, so such points are collinear).
  // The penalty reported is the largest settled value of the group: routeAt at exactly that
  // penalty reproduces the point (settled values differ from the quotient by a few ulps at most).
  // Each switch adds the new value and subtracts the old one separately (no rounded difference).
  const { lambda, settled, from, to, tag, scoreFrom, scoreTo } = sw;
  const B = sw.length;
  const out = newColumns(B);
  out.push(cost.value / n / normaliser, acc.value / n, 0);
  const pointEnd = new Int32Array(B + 1);
  let reported = 0;
  let groupSettled = 0;
  for (let e = 0; e < B; e++) {
    const w = totals ? totals.size[tag[e]] : 1;
    cost.add(w * c64[to[e]]);
    cost.add(-(w * c64[from[e]]));
    acc.add(scoreTo[e]);
    acc.add(-scoreFrom[e]);
    if (settled[e] > groupSettled) groupSettled = settled[e];
    if (e + 1 === B || lambda[e + 1] !== lambda[e]) {
      reported = Math.max(reported, groupSettled);
      pointEnd[out.length] = e + 1;
      out.push(cost.value / n / normaliser, acc.value / n, reported);
      groupSettled = 0;
    }
  }
  return { ...out.done(), n, m, groupOf, starts, from, to, tag, lambda, settled, pointEnd: pointEnd.slice(0, out.length) };
}

/**
 * The sweep of a router with predicted errors `gamma` on n prompts with true `scores` (both n x m
 * column blocks; asBlocks for a plain matrix): one point at lambda = 0, then one after each
 * distinct breakpoint (paths switching at the same lambda switch together), ending at the
 * lambda -> infinity routing. Point i equals routingSummary(routeAt(gamma, m, costs, lambda)) for
 * every lambda in [costPenalty[i], costPenalty[i + 1]), breakpoints included (routeAt's tie rule:
 * the cheaper LLM). With `groups` (prompts with identical gamma rows, e.g. a K-means cluster) one
 * path per group, the first prompt's row walked and the group's scores summed: the same points,
 * summed in another order. Scores of every LLM a prompt can be routed to must be present.
 * Cost: O(n m + n t^2 + B) for staircases of t LLMs and B breakpoints in total (radix-sorted).
 */
export function buildSweep(
  gamma: ColumnBlocks,
  scores: ColumnBlocks,
  n: number,
  costs: ArrayLike<number>,
  normaliser: number,
  groups?: SweepGroups,
): DeferralSweep {
  const m = gamma.m0 + gamma.columns.length;
  checkSweepInputs(costs, m, normaliser);
  const totals = groups ? groupTotals(groups, scores, n, m) : null;
  const paths = groups ? groups.count : n;
  const starts = new Int32Array(paths).fill(-1);
  const groupOf = groups ? groups.of : null;
  const c64 = Float64Array.from(costs);
  if (n === 0) {
    const none = new Int32Array(0);
    const noLambda = new Float64Array(0);
    return {
      ...newColumns(0).done(),
      n,
      m,
      groupOf,
      starts,
      from: none,
      to: none,
      tag: none,
      lambda: noLambda,
      settled: noLambda,
      pointEnd: none,
    };
  }

  const scoreOf = scoreReader(scores, m, totals);
  const byCost = costOrder(costs, m);
  const events = newPathEvents(6 * paths);
  // A plain matrix is walked in place; blocks are assembled row by row into `row`.
  const plain = gamma.columns.length === 0;
  const row = new Float64Array(m);
  // Scores of each switch, read while the path's row is in cache (the sweep visits paths at random).
  let scoreFrom: Float64Array = new Float64Array(events.lambda.length);
  let scoreTo: Float64Array = new Float64Array(events.lambda.length);
  const startScores = new Float64Array(paths);
  for (let t = 0; t < paths; t++) {
    const p = totals ? totals.first[t] : t;
    if (p < 0) continue; // an empty group
    const firstEvent = events.length;
    const start = plain
      ? walkCostPenaltyPath(gamma.base, p * m, m, c64, byCost, events, t)
      : walkCostPenaltyPath(blockRow(gamma, p, row), 0, m, c64, byCost, events, t);
    starts[t] = start;
    if (scoreFrom.length < events.lambda.length) {
      scoreFrom = grown(scoreFrom, events.lambda.length);
      scoreTo = grown(scoreTo, events.lambda.length);
    }
    // Every LLM on the path needs a score (checked in path order: the first missing one is reported).
    for (let i = firstEvent; i < events.length; i++) {
      scoreFrom[i] = scoreOf(t, events.from[i]);
      scoreTo[i] = scoreOf(t, events.to[i]);
    }
    startScores[t] = scoreOf(t, start);
  }
  const order = eventOrder(events);
  const sw = newSortedSwitches(order.length);
  for (let e = 0; e < order.length; e++) {
    const i = order[e];
    sw.lambda[e] = events.lambda[i];
    sw.settled[e] = events.settled[i];
    sw.from[e] = events.from[i];
    sw.to[e] = events.to[i];
    sw.tag[e] = events.tag[i];
    sw.scoreFrom[e] = scoreFrom[i];
    sw.scoreTo[e] = scoreTo[i];
  }
  return assembleSweep(sw, starts, (t) => startScores[t], totals, groupOf, n, m, c64, normaliser);
}
