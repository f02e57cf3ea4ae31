/**
 * Exact deferral curves: sweep the cost penalty lambda from 0 (quality end) to +infinity
 * (cheapest end) at every breakpoint where some prompt's argmin changes (shared UNIROUTE.md
 * "Metrics"), plus the Pareto front and its piecewise-linear reading.
 */
import { checkCosts } from '../routing/route';
import { costPenaltyPath } from './costPenaltyPath';

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

/** Neumaier-compensated running sum: the curve is updated incrementally over many switches. */
interface Sum {
  s: number;
  c: number;
}

function add(sum: Sum, x: number): void {
  const t = sum.s + x;
  sum.c += Math.abs(sum.s) >= Math.abs(x) ? sum.s - t + x : x - t + sum.s;
  sum.s = t;
}

/**
 * Growable columns of switch events: breakpoint, settled penalty, and the cost and score before
 * (from) and after (to), kept apart so the running sums add them without rounding a difference.
 */
interface SwitchEvents {
  length: number;
  lambda: Float64Array;
  settled: Float64Array;
  costFrom: Float64Array;
  costTo: Float64Array;
  scoreFrom: Float64Array;
  scoreTo: Float64Array;
}

const EVENT_COLUMNS = ['lambda', 'settled', 'costFrom', 'costTo', 'scoreFrom', 'scoreTo'] as const;

function newEvents(capacity: number): SwitchEvents {
  const ev = { length: 0 } as SwitchEvents;
  for (const key of EVENT_COLUMNS) ev[key] = new Float64Array(capacity);
  return ev;
}

function pushEvent(ev: SwitchEvents, values: Record<(typeof EVENT_COLUMNS)[number], number>): void {
  if (ev.length === ev.lambda.length) {
    for (const key of EVENT_COLUMNS) {
      const grown = new Float64Array(ev[key].length * 2 + 16);
      grown.set(ev[key]);
      ev[key] = grown;
    }
  }
  const i = ev.length++;
  for (const key of EVENT_COLUMNS) ev[key][i] = values[key];
}

/** Event indices by breakpoint, stable: one prompt's switches keep their order. */
function eventOrder(ev: SwitchEvents): Uint32Array {
  const lambda = ev.lambda;
  const order = new Uint32Array(ev.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((i, j) => (lambda[i] < lambda[j] ? -1 : lambda[i] > lambda[j] ? 1 : i - j));
}

function scoreOf(scores: Float64Array, p: number, m: number, h: number): number {
  const s = scores[p * m + h];
  if (Number.isNaN(s)) throw new RangeError(`prompt ${p} has no score for model ${h}, which it is routed to`);
  return s;
}

/**
 * The exact deferral curve of a router with predicted errors `gamma` (n x m) on prompts with true
 * `scores` (n x m): one point at lambda = 0, then one after each distinct breakpoint value (all
 * prompts switching at the same lambda switch together), ending at the lambda -> infinity routing.
 * The point at lambda equals routingSummary(routeAt(gamma, m, costs, lambda)) for every lambda in
 * [point.costPenalty, next.costPenalty), breakpoints included (routeAt's tie rule: the cheaper LLM).
 * Scores of LLMs a prompt can be routed to must be present. Empty input gives [].
 * Cost: O(n m h + B log B) for hull size h and B breakpoints in total.
 */
export function deferralCurve(
  gamma: Float64Array,
  scores: Float64Array,
  m: number,
  costs: ArrayLike<number>,
  normaliser: number,
): CurvePoint[] {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be a positive integer, got ${m}`);
  if (gamma.length % m !== 0 || scores.length !== gamma.length) {
    throw new RangeError(`gamma (${gamma.length}) and scores (${scores.length}) must both be n x ${m}`);
  }
  checkCosts(costs, m);
  if (!Number.isFinite(normaliser) || normaliser <= 0) {
    throw new RangeError(`normaliser (max test-pool cost) must be a finite number > 0, got ${normaliser}`);
  }
  const n = gamma.length / m;
  if (n === 0) return [];

  const events = newEvents(n);
  const cost: Sum = { s: 0, c: 0 };
  const acc: Sum = { s: 0, c: 0 };
  for (let p = 0; p < n; p++) {
    const start = costPenaltyPath(gamma, p * m, m, costs, (lambda, from, to, settled) => {
      pushEvent(events, {
        lambda,
        settled,
        costFrom: costs[from],
        costTo: costs[to],
        scoreFrom: scoreOf(scores, p, m, from),
        scoreTo: scoreOf(scores, p, m, to),
      });
    });
    add(cost, costs[start]);
    add(acc, scoreOf(scores, p, m, start));
  }

  const points: CurvePoint[] = [];
  const emit = (costPenalty: number): void => {
    points.push({ cost: (cost.s + cost.c) / n / normaliser, accuracy: (acc.s + acc.c) / n, costPenalty });
  };
  emit(0);
  // Switches are grouped by equality of the float64 quotient (g_to - g_from) / (c_from - c_to), so
  // all prompts with the same gamma and cost pair switch in one step. Quotients that are equal in
  // decimal but round apart (e.g. (0.8 - 0.1) / 1 and 0.7 / 1) stay two points ~1e-16 apart in
  // lambda, as in any float64 sweep; on the shared data this moves a K-NN Area by < 1e-4 and the
  // oracle's not at all (an oracle step's slope is its own lambda, so such points are collinear).
  // The penalty reported is the largest settled value of the group: routeAt at exactly that
  // penalty reproduces the point (settled values differ from the quotient by a few ulps at most).
  const { lambda, settled, costFrom, costTo, scoreFrom, scoreTo } = events;
  const order = eventOrder(events);
  let reported = 0;
  let groupSettled = 0;
  for (let e = 0; e < order.length; e++) {
    const i = order[e];
    add(cost, costTo[i]);
    add(cost, -costFrom[i]);
    add(acc, scoreTo[i]);
    add(acc, -scoreFrom[i]);
    if (settled[i] > groupSettled) groupSettled = settled[i];
    if (e + 1 === order.length || lambda[order[e + 1]] !== lambda[i]) {
      reported = Math.max(reported, groupSettled);
      emit(reported);
      groupSettled = 0;
    }
  }
  return points;
}

/**
 * The non-dominated points sorted by cost (a point is dominated when another has cost <= and
 * accuracy >=, one of them strictly; of identical points the first is kept). Linear interpolation
 * between consecutive points (mixing two routings at random) is the curve.
 */
export function paretoFront(points: CurvePoint[]): CurvePoint[] {
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
