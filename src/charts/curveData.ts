/**
 * Deferral-curve helpers for the charts: flat extension to the cost axis ends, simplification for
 * SVG (an exact curve over 10,000 prompts can have thousands of breakpoints), and interpolation.
 */

export type CurvePoint = readonly [cost: number, accuracy: number];

/** The finite points, copied and sorted by cost (ties by accuracy, so a vertical step rises left to right). */
export function sortedFinite(points: readonly CurvePoint[]): [number, number][] {
  return points
    .filter(([c, a]) => Number.isFinite(c) && Number.isFinite(a))
    .map(([c, a]) => [c, a] as [number, number])
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Finite points sorted by cost, extended flat to cost 0 and to `xMax` (the curve is flat beyond its ends). */
export function extendFlat(points: readonly CurvePoint[], xMax = 1): [number, number][] {
  const sorted = sortedFinite(points);
  if (sorted.length === 0) return sorted;
  if (sorted[0][0] > 0) sorted.unshift([0, sorted[0][1]]);
  const last = sorted[sorted.length - 1];
  if (last[0] < xMax) sorted.push([xMax, last[1]]);
  return sorted;
}

/**
 * Ramer-Douglas-Peucker: drops points that lie within `tolerance` (in data units, both axes) of the
 * polyline through the points kept; the end points always stay. Iterative, so long curves cannot
 * overflow the stack.
 */
export function simplifyCurve(points: readonly CurvePoint[], tolerance: number): [number, number][] {
  const n = points.length;
  if (n <= 2 || !(tolerance > 0)) return points.map(([c, a]) => [c, a]);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [i0, i1] = stack.pop()!;
    const [x0, y0] = points[i0];
    const [x1, y1] = points[i1];
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let worstD = tolerance;
    for (let i = i0 + 1; i < i1; i++) {
      const [x, y] = points[i];
      const d = len === 0 ? Math.hypot(x - x0, y - y0) : Math.abs(dy * (x - x0) - dx * (y - y0)) / len;
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([i0, worst], [worst, i1]);
    }
  }
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push([points[i][0], points[i][1]]);
  return out;
}

/** Accuracy of a piecewise-linear curve (sorted by cost) at cost x, flat outside its ends; NaN when empty. */
export function interpolateAt(points: readonly CurvePoint[], x: number): number {
  const n = points.length;
  if (n === 0 || !Number.isFinite(x)) return NaN;
  if (x <= points[0][0]) return points[0][1];
  if (x >= points[n - 1][0]) return points[n - 1][1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid][0] <= x) lo = mid;
    else hi = mid;
  }
  const [x0, y0] = points[lo];
  const [x1, y1] = points[hi];
  return x1 === x0 ? Math.max(y0, y1) : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/** Y-axis domain for accuracies: the data range padded and snapped outwards to `step`, within [0, 1]. */
export function accuracyDomain(values: readonly number[], step = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  const pad = Math.max(0.01, (hi - lo) * 0.05);
  const snapLo = Math.floor((lo - pad) / step + 1e-9) * step;
  const snapHi = Math.ceil((hi + pad) / step - 1e-9) * step;
  return [Math.max(0, Number(snapLo.toFixed(6))), Math.min(1, Number(snapHi.toFixed(6)))];
}

/** Tick values for an accuracy domain: steps of 0.05, 0.1 or 0.2 so there are at most ~8 ticks. */
export function accuracyTicks(domain: readonly [number, number]): number[] {
  const [lo, hi] = domain;
  const range = hi - lo;
  if (!(range > 0)) return [lo];
  const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25].find((s) => range / s <= 8) ?? 0.5;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9; t += step) ticks.push(Number(t.toFixed(6)));
  return ticks;
}
