/**
 * Deferral curves as the metrics read them (shared UNIROUTE.md "Metrics"): points, the Pareto
 * front, its piecewise-linear reading and its upper concave hull. The exact points come from the
 * sweep (sweep.ts).
 */

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
