/**
 * Exact deferral curves: sweep the cost penalty lambda from 0 (quality end) to +infinity
 * (cheapest end) at every breakpoint where some prompt's argmin changes (shared UNIROUTE.md
 * "Metrics"), plus the Pareto front and its piecewise-linear reading.
 */
import { checkCosts } from '../routing/route';
import {
  asBlocks,
  blockAt,
  blockRow,
  costOrder,
  eventOrder,
  newPathEvents,
  walkCostPenaltyPath,
  type ColumnBlocks,
} from './costPenaltyPath';

export { asBlocks, blockAt, blockRow, type ColumnBlocks } from './costPenaltyPath';

/** One point of a deferral curve. */
export interface CurvePoint {
  /** Normalised mean cost c~ = mean c(chosen) / normaliser. */
  cost: number;
  /** Mean score of the chosen LLMs. */
  accuracy: number;
  /**
   * The lambda (in the dataset's own cost unit, not normalised) from which this routing holds:
   * the point is the routing for lambda in [costPenalty, next point's costPenalty).
   */
  costPenalty: number;
}

/**
 * Neumaier-compensated running sum, kept in two locals (s, c) by the callers: the curve is updated
 * incrementally over many switches. Returns the new compensation; the caller adds x to s itself.
 */
function compensation(s: number, x: number, t: number): number {
  return Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
}

function grown(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(length);
  out.set(a);
  return out;
}

function missingScore(p: number, h: number): RangeError {
  return new RangeError(`prompt ${p} has no score for model ${h}, which it is routed to`);
}

/**
 * A deferral sweep: the curve's points plus the switches behind them, so a caller can replay the
 * routing at any lambda (the explorer's live routing) without re-routing every prompt.
 */
export interface DeferralSweep {
  /** The curve as columns: point i is (cost[i], accuracy[i], costPenalty[i]) (see sweepPoints). */
  cost: Float64Array;
  accuracy: Float64Array;
  costPenalty: Float64Array;
  /** The lambda = 0 choice of every prompt (or group; -1 for an empty group). */
  starts: Int32Array;
  /** Every switch in sweep order (by breakpoint): the LLM left, the LLM taken, the prompt (or group). */
  from: Int32Array;
  to: Int32Array;
  tag: Int32Array;
  /** pointEnd[i]: how many switches are applied at points[i] (0 for the lambda = 0 point). */
  pointEnd: Int32Array;
}

/**
 * The exact deferral curve of a router with predicted errors `gamma` (n x m) on prompts with true
 * `scores` (n x m): one point at lambda = 0, then one after each distinct breakpoint value (all
 * prompts switching at the same lambda switch together), ending at the lambda -> infinity routing.
 * The point at lambda equals routingSummary(routeAt(gamma, m, costs, lambda)) for every lambda in
 * [point.costPenalty, next.costPenalty), breakpoints included (routeAt's tie rule: the cheaper LLM).
 * Scores of LLMs a prompt can be routed to must be present. Empty input gives [].
 * Cost: O(n m + n t^2 + B) for staircases of t LLMs and B breakpoints in total (radix-sorted).
 */
export function deferralCurve(
  gamma: Float64Array,
  scores: Float64Array,
  m: number,
  costs: ArrayLike<number>,
  normaliser: number,
): CurvePoint[] {
  return sweepPoints(deferralSweep(gamma, scores, m, costs, normaliser));
}

/** The points of a sweep as CurvePoint objects; `known` supplies objects already made for some indices. */
export function sweepPoints(sweep: DeferralSweep, known?: ReadonlyMap<number, CurvePoint>): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let i = 0; i < sweep.cost.length; i++)
    points.push(known?.get(i) ?? { cost: sweep.cost[i], accuracy: sweep.accuracy[i], costPenalty: sweep.costPenalty[i] });
  return points;
}

/** deferralCurve with the switches behind it (see DeferralSweep). */
export function deferralSweep(
  gamma: Float64Array,
  scores: Float64Array,
  m: number,
  costs: ArrayLike<number>,
  normaliser: number,
): DeferralSweep {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be a positive integer, got ${m}`);
  if (gamma.length % m !== 0 || scores.length !== gamma.length) {
    throw new RangeError(`gamma (${gamma.length}) and scores (${scores.length}) must both be n x ${m}`);
  }
  return deferralSweepBlocks(asBlocks(gamma, m), asBlocks(scores, m), gamma.length / m, costs, normaliser);
}

/** deferralSweep over n prompts whose gamma and scores come as column blocks (same points, bit for bit). */
export function deferralSweepBlocks(
  gamma: ColumnBlocks,
  scores: ColumnBlocks,
  n: number,
  costs: ArrayLike<number>,
  normaliser: number,
): DeferralSweep {
  const m = gamma.m0 + gamma.columns.length;
  checkCosts(costs, m);
  if (!Number.isFinite(normaliser) || normaliser <= 0) {
    throw new RangeError(`normaliser (max test-pool cost) must be a finite number > 0, got ${normaliser}`);
  }
  const starts = new Int32Array(n);
  if (n === 0) return emptySweep(starts);

  const byCost = costOrder(costs, m);
  const c64 = Float64Array.from(costs);
  const events = newPathEvents(6 * n);
  // A plain matrix is walked in place; blocks are assembled row by row into `row`.
  const plain = gamma.columns.length === 0;
  const row = new Float64Array(m);
  // Scores of each switch, read while the prompt's row is in cache (the sweep visits prompts at random).
  let scoreFrom: Float64Array = new Float64Array(events.lambda.length);
  let scoreTo: Float64Array = new Float64Array(events.lambda.length);
  let costS = 0;
  let costC = 0;
  let accS = 0;
  let accC = 0;
  let t = 0;
  for (let p = 0; p < n; p++) {
    const first = events.length;
    const start = plain
      ? walkCostPenaltyPath(gamma.base, p * m, m, c64, byCost, events, p)
      : walkCostPenaltyPath(blockRow(gamma, p, row), 0, m, c64, byCost, events, p);
    starts[p] = start;
    if (scoreFrom.length < events.lambda.length) {
      scoreFrom = grown(scoreFrom, events.lambda.length);
      scoreTo = grown(scoreTo, events.lambda.length);
    }
    // Every LLM on the path needs a score (checked in path order: the first missing one is reported).
    for (let i = first; i < events.length; i++) {
      const sFrom = blockAt(scores, p, events.from[i]);
      const sTo = blockAt(scores, p, events.to[i]);
      if (Number.isNaN(sFrom)) throw missingScore(p, events.from[i]);
      if (Number.isNaN(sTo)) throw missingScore(p, events.to[i]);
      scoreFrom[i] = sFrom;
      scoreTo[i] = sTo;
    }
    const s = blockAt(scores, p, start);
    if (Number.isNaN(s)) throw missingScore(p, start);
    const c = costs[start];
    t = costS + c;
    costC += compensation(costS, c, t);
    costS = t;
    t = accS + s;
    accC += compensation(accS, s, t);
    accS = t;
  }

  // Switches are grouped by equality of the float64 quotient (g_to - g_from) / (c_from - c_to), so
  // all prompts with the same gamma and cost pair switch in one step. Quotients that are equal in
  // decimal but round apart (e.g. (0.8 - 0.1) / 1 and 0.7 / 1) stay two points ~1e-16 apart in
  // lambda, as in any float64 sweep; on the shared data this moves a K-NN Area by < 1e-4 and the
  // oracle's not at all (an oracle step's slope is its own lambda, so such points are collinear).
  // The penalty reported is the largest settled value of the group: routeAt at exactly that
  // penalty reproduces the point (settled values differ from the quotient by a few ulps at most).
  // Each switch adds the new value and subtracts the old one separately (no rounded difference).
  const { lambda, settled } = events;
  const order = eventOrder(events);
  const B = order.length;
  const out = newColumns(B);
  out.push((costS + costC) / n / normaliser, (accS + accC) / n, 0);
  const from = new Int32Array(B);
  const to = new Int32Array(B);
  const tag = new Int32Array(B);
  const pointEnd = new Int32Array(B + 1);
  let reported = 0;
  let groupSettled = 0;
  for (let e = 0; e < B; e++) {
    const i = order[e];
    const hTo = events.to[i];
    const hFrom = events.from[i];
    from[e] = hFrom;
    to[e] = hTo;
    tag[e] = events.tag[i];
    const cTo = c64[hTo];
    const cFrom = -c64[hFrom];
    const sTo = scoreTo[i];
    const sFrom = -scoreFrom[i];
    t = costS + cTo;
    costC += compensation(costS, cTo, t);
    costS = t;
    t = costS + cFrom;
    costC += compensation(costS, cFrom, t);
    costS = t;
    t = accS + sTo;
    accC += compensation(accS, sTo, t);
    accS = t;
    t = accS + sFrom;
    accC += compensation(accS, sFrom, t);
    accS = t;
    if (settled[i] > groupSettled) groupSettled = settled[i];
    if (e + 1 === B || lambda[order[e + 1]] !== lambda[i]) {
      reported = Math.max(reported, groupSettled);
      pointEnd[out.length] = e + 1;
      out.push((costS + costC) / n / normaliser, (accS + accC) / n, reported);
      groupSettled = 0;
    }
  }
  return { ...out.done(), starts, from, to, tag, pointEnd: pointEnd.slice(0, out.length) };
}

/** A sweep without points (no prompts). */
export function emptySweep(starts: Int32Array): DeferralSweep {
  const none = new Float64Array(0);
  return {
    cost: none,
    accuracy: none,
    costPenalty: none,
    starts,
    from: new Int32Array(0),
    to: new Int32Array(0),
    tag: new Int32Array(0),
    pointEnd: new Int32Array(0),
  };
}

/** Point columns for a sweep of B switches (at most B + 1 points): push, then done() trims them. */
export function newColumns(B: number) {
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

/**
 * The non-dominated points sorted by cost (a point is dominated when another has cost <= and
 * accuracy >=, one of them strictly; of identical points the first is kept). Linear interpolation
 * between consecutive points (mixing two routings at random) is the curve.
 */
export function paretoFront(points: CurvePoint[]): CurvePoint[] {
  // An exact curve's cost falls strictly with lambda: the cost order is the reverse order, no sort.
  let falling = true;
  for (let i = 0; i < points.length && falling; i++) {
    const pt = points[i];
    if (Number.isNaN(pt.accuracy) || Number.isNaN(pt.cost) || (i > 0 && !(pt.cost < points[i - 1].cost))) falling = false;
  }
  if (falling) {
    const front: CurvePoint[] = [];
    for (let i = points.length - 1; i >= 0; i--) {
      if (front.length === 0 || points[i].accuracy > front[front.length - 1].accuracy) front.push(points[i]);
    }
    return front;
  }
  const sorted = points
    .filter((pt) => !Number.isNaN(pt.cost) && !Number.isNaN(pt.accuracy))
    .map((pt, i) => ({ pt, i }))
    .sort((a, b) => a.pt.cost - b.pt.cost || b.pt.accuracy - a.pt.accuracy || a.i - b.i);
  const front: CurvePoint[] = [];
  for (const { pt } of sorted) {
    if (front.length === 0 || pt.accuracy > front[front.length - 1].accuracy) front.push(pt);
  }
  return front;
}

/**
 * Accuracy of a front (sorted by cost, as paretoFront returns it) at normalised cost `cost`:
 * linear between points, flat below the cheapest point and beyond the last. NaN for an empty front.
 */
export function accuracyAt(front: CurvePoint[], cost: number): number {
  const last = front.length - 1;
  if (last < 0) return NaN;
  if (cost <= front[0].cost) return front[0].accuracy;
  if (cost >= front[last].cost) return front[last].accuracy;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (front[mid].cost <= cost) lo = mid;
    else hi = mid;
  }
  const a = front[lo];
  const b = front[hi];
  return a.accuracy + ((cost - a.cost) / (b.cost - a.cost)) * (b.accuracy - a.accuracy);
}

/** Exact integral over [lo, hi] of accuracyAt(front, .) (piecewise linear, flat extensions). */
export function integrateFront(front: CurvePoint[], lo: number, hi: number): number {
  if (front.length === 0) return NaN;
  if (!(hi > lo)) return 0;
  let total = 0;
  let x0 = lo;
  let y0 = accuracyAt(front, lo);
  for (const pt of front) {
    if (pt.cost <= lo) continue;
    if (pt.cost >= hi) break;
    total += ((pt.cost - x0) * (y0 + pt.accuracy)) / 2;
    x0 = pt.cost;
    y0 = pt.accuracy;
  }
  total += ((hi - x0) * (y0 + accuracyAt(front, hi))) / 2;
  return total;
}

/**
 * Upper concave hull of a front (sorted by cost, accuracy increasing): the vertices, collinear
 * ones dropped. Since the front rises, the hull is non-decreasing (RouterBench's AIQ curve).
 */
export function upperConcaveHull(front: CurvePoint[]): CurvePoint[] {
  const hull: CurvePoint[] = [];
  for (const pt of front) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2];
      const b = hull[hull.length - 1];
      // b is kept only if it lies strictly above the chord a -> pt.
      const cross = (b.cost - a.cost) * (pt.accuracy - a.accuracy) - (b.accuracy - a.accuracy) * (pt.cost - a.cost);
      if (cross >= 0) hull.pop();
      else break;
    }
    hull.push(pt);
  }
  return hull;
}
