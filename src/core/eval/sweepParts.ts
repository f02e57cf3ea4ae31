/**
 * The parts every deferral sweep is made of (sweepBuild.ts builds one, sweepExtend.ts adds an LLM
 * to one): its shape, the scores each path counts, and the curve summed switch by switch.
 */
import { checkCosts } from '../routing/route';
import type { ColumnBlocks } from './blocks';
import type { PathEvents } from './costPenaltyPath';

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
  /** The score every switch gives up and takes (a group's sum over its prompts), in sweep order. */
  scoreFrom: Float64Array;
  scoreTo: Float64Array;
  /** With groups: each group's prompt count, first prompt and score sums (group x LLM); null without. */
  groupTotals: GroupTotals | null;
  /** pointEnd[i]: the switches from[0 .. pointEnd[i]) are applied at point i (0 at the lambda = 0 point). */
  pointEnd: Int32Array;
}

/** Prompts that route alike (identical gamma rows, e.g. one K-means cluster): `of[p]` in [0, count). */
export interface SweepGroups {
  of: Int32Array;
  count: number;
}

/** Per-group prompt counts, first prompt and score sums (group x LLM): the group's path stands for all its prompts. */
export function groupTotals(groups: SweepGroups, scores: ColumnBlocks, n: number, m: number): GroupTotals {
  const { of, count } = groups;
  if (of.length !== n) throw new RangeError(`groups give ${of.length} prompts, the sweep has ${n}`);
  const size = new Float64Array(count);
  const first = new Int32Array(count).fill(-1);
  const sums = new Float64Array(count * m);
  const { m0, base, columns } = scores;
  const extra = columns.length;
  for (let p = 0; p < n; p++) {
    const g = of[p];
    if (!(g >= 0 && g < count)) throw new RangeError(`group ${g} of prompt ${p} is outside [0, ${count})`);
    size[g]++;
    if (first[g] < 0) first[g] = p;
    const row = g * m;
    const from = p * m0;
    for (let h = 0; h < m0; h++) sums[row + h] += base[from + h];
    for (let j = 0; j < extra; j++) sums[row + m0 + j] += columns[j][p];
  }
  return { size, first, sums };
}

export interface GroupTotals {
  size: Float64Array;
  first: Int32Array;
  sums: Float64Array;
}

/**
 * groupTotals with one more score column, from the totals without it: the old sums are copied and
 * the new column summed over the prompts in order, as groupTotals sums every column.
 */
export function extendGroupTotals(prev: GroupTotals, groups: SweepGroups, scores: ColumnBlocks, n: number, m: number): GroupTotals {
  const { of, count } = groups;
  if (of.length !== n) throw new RangeError(`groups give ${of.length} prompts, the sweep has ${n}`);
  const sums = new Float64Array(count * m);
  const old = prev.sums;
  for (let g = 0; g < count; g++) sums.set(old.subarray(g * (m - 1), (g + 1) * (m - 1)), g * m);
  const column = scores.columns[scores.columns.length - 1];
  for (let p = 0; p < n; p++) sums[of[p] * m + m - 1] += column[p];
  return { size: prev.size, first: prev.first, sums };
}

/** The checks every sweep makes on its costs and cost normaliser. */
export function checkSweepInputs(costs: ArrayLike<number>, m: number, normaliser: number): void {
  checkCosts(costs, m);
  if (!Number.isFinite(normaliser) || normaliser <= 0) {
    throw new RangeError(`normaliser (max test-pool cost) must be a finite number > 0, got ${normaliser}`);
  }
}

/**
 * The scores a path counts (a group's sums, or the prompt's row of the score blocks), read in loops
 * over typed arrays (this runs once per added LLM, often before the JIT has warmed up); a missing
 * score is an error naming the path.
 */
export class PathScores {
  private readonly sums: Float64Array | null;
  private readonly base: Float64Array;
  private readonly m0: number;
  private readonly columns: readonly Float64Array[];

  constructor(
    scores: ColumnBlocks,
    private readonly m: number,
    totals: GroupTotals | null,
  ) {
    this.sums = totals ? totals.sums : null;
    this.base = scores.base;
    this.m0 = scores.m0;
    this.columns = scores.columns;
  }

  at(t: number, h: number): number {
    const s = this.sums !== null ? this.sums[t * this.m + h] : h < this.m0 ? this.base[t * this.m0 + h] : this.columns[h - this.m0][t];
    if (s !== s) this.missing(t, h);
    return s;
  }

  /** outFrom[e] / outTo[e] = the scores switch e swaps, for e in [lo, hi). */
  fill(tag: Int32Array, from: Int32Array, to: Int32Array, lo: number, hi: number, outFrom: Float64Array, outTo: Float64Array): void {
    const { sums, base, m0, columns, m } = this;
    for (let e = lo; e < hi; e++) {
      const t = tag[e];
      const a = from[e];
      const b = to[e];
      let sa: number;
      let sb: number;
      if (sums !== null) {
        sa = sums[t * m + a];
        sb = sums[t * m + b];
      } else {
        sa = a < m0 ? base[t * m0 + a] : columns[a - m0][t];
        sb = b < m0 ? base[t * m0 + b] : columns[b - m0][t];
      }
      if (sa !== sa) this.missing(t, a);
      if (sb !== sb) this.missing(t, b);
      outFrom[e] = sa;
      outTo[e] = sb;
    }
  }

  private missing(t: number, h: number): never {
    throw new RangeError(`${this.sums ? `a prompt of group ${t}` : `prompt ${t}`} has no score for model ${h}, which it is routed to`);
  }
}

/** Switches in sweep order (by breakpoint, then path, then along the path), with the scores each one swaps. */
export interface SortedSwitches extends PathEvents {
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

/** Neumaier's compensation term of s + x (the curve is summed over many switches): add it to c, then s = s + x. */
function compensation(s: number, x: number, t: number): number {
  return Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
}

/**
 * The curve of sorted switches: the lambda = 0 point from every path's start (in path order), then
 * the running mean cost and accuracy updated switch by switch with Neumaier-compensated sums, one
 * point per distinct breakpoint. Every sweep (built or extended) ends here, so equal switches give
 * equal points. `startScores[t]`: the score path t counts at its lambda = 0 choice.
 */
export function assembleSweep(
  sw: SortedSwitches,
  starts: Int32Array,
  startScores: Float64Array,
  totals: GroupTotals | null,
  groupOf: Int32Array | null,
  n: number,
  m: number,
  c64: Float64Array,
  normaliser: number,
): DeferralSweep {
  const size = totals ? totals.size : null;
  // Running sums (s) and their compensations (c) of the chosen LLMs' costs and scores.
  let costS = 0;
  let costC = 0;
  let accS = 0;
  let accC = 0;
  let x = 0;
  let t1 = 0;
  for (let t = 0; t < starts.length; t++) {
    const start = starts[t];
    if (start < 0) continue; // an empty group
    x = (size ? size[t] : 1) * c64[start];
    t1 = costS + x;
    costC += compensation(costS, x, t1);
    costS = t1;
    x = startScores[t];
    t1 = accS + x;
    accC += compensation(accS, x, t1);
    accS = t1;
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
  const cost = new Float64Array(B + 1);
  const accuracy = new Float64Array(B + 1);
  const costPenalty = new Float64Array(B + 1);
  const pointEnd = new Int32Array(B + 1);
  cost[0] = (costS + costC) / n / normaliser;
  accuracy[0] = (accS + accC) / n;
  let points = 1;
  let reported = 0;
  let groupSettled = 0;
  for (let e = 0; e < B; e++) {
    const w = size ? size[tag[e]] : 1;
    x = w * c64[to[e]];
    t1 = costS + x;
    costC += compensation(costS, x, t1);
    costS = t1;
    x = -(w * c64[from[e]]);
    t1 = costS + x;
    costC += compensation(costS, x, t1);
    costS = t1;
    x = scoreTo[e];
    t1 = accS + x;
    accC += compensation(accS, x, t1);
    accS = t1;
    x = -scoreFrom[e];
    t1 = accS + x;
    accC += compensation(accS, x, t1);
    accS = t1;
    if (settled[e] > groupSettled) groupSettled = settled[e];
    if (e + 1 === B || lambda[e + 1] !== lambda[e]) {
      reported = Math.max(reported, groupSettled);
      pointEnd[points] = e + 1;
      cost[points] = (costS + costC) / n / normaliser;
      accuracy[points] = (accS + accC) / n;
      costPenalty[points++] = reported;
      groupSettled = 0;
    }
  }
  return {
    cost: cost.slice(0, points),
    accuracy: accuracy.slice(0, points),
    costPenalty: costPenalty.slice(0, points),
    n,
    m,
    groupOf,
    starts,
    from,
    to,
    tag,
    lambda,
    settled,
    scoreFrom,
    scoreTo,
    groupTotals: totals,
    pointEnd: pointEnd.slice(0, points),
  };
}
