/**
 * An independent, deliberately naive reading of UNIROUTE.md's metrics, used only by tests to check the
 * CLI: route at every candidate cost penalty (all pairwise breakpoints, midpoints between them, 0 and
 * beyond the largest), keep the non-dominated points, interpolate linearly, flat extensions, and
 * integrate exactly. Shares no code with src/core/eval.
 */
export type Pt = [number, number];

function routeAll(gamma: (i: number, j: number) => number, n: number, costs: number[], lambda: number): number[] {
  const choice: number[] = [];
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < costs.length; j++) {
      const a = gamma(i, j) + lambda * costs[j];
      const b = gamma(i, best) + lambda * costs[best];
      if (a < b || (a === b && costs[j] < costs[best])) best = j;
    }
    choice.push(best);
  }
  return choice;
}

/** Exact-by-enumeration curve points of a router given gamma(i, j). */
export function bruteCurve(
  gamma: (i: number, j: number) => number,
  score: (i: number, j: number) => number,
  n: number,
  costs: number[],
  normaliser: number,
): Pt[] {
  const breaks = new Set<number>([0]);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < costs.length; a++)
      for (let b = 0; b < costs.length; b++) {
        if (costs[b] <= costs[a]) continue;
        const l = (gamma(i, a) - gamma(i, b)) / (costs[b] - costs[a]);
        if (l > 0) breaks.add(l);
      }
  const sorted = [...breaks].sort((x, y) => x - y);
  const lambdas = [...sorted];
  for (let t = 0; t + 1 < sorted.length; t++) lambdas.push((sorted[t] + sorted[t + 1]) / 2);
  lambdas.push(sorted[sorted.length - 1] * 2 + 1);
  return lambdas.map((l) => {
    const choice = routeAll(gamma, n, costs, l);
    let c = 0;
    let acc = 0;
    choice.forEach((j, i) => {
      c += costs[j];
      acc += score(i, j);
    });
    return [c / n / normaliser, acc / n] as Pt;
  });
}

export function front(points: Pt[]): Pt[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Pt[] = [];
  for (const p of sorted) if (!out.length || p[1] > out[out.length - 1][1]) out.push(p);
  return out;
}

function accAt(f: Pt[], x: number): number {
  if (x <= f[0][0]) return f[0][1];
  for (let i = 1; i < f.length; i++)
    if (x <= f[i][0]) return f[i - 1][1] + ((f[i][1] - f[i - 1][1]) * (x - f[i - 1][0])) / (f[i][0] - f[i - 1][0]);
  return f[f.length - 1][1];
}

/** Integral of the interpolated front over [lo, hi] (trapezoids between all knots: exact for piecewise-linear). */
export function integral(f: Pt[], lo: number, hi: number): number {
  const xs = [lo, hi, ...f.map((p) => p[0]).filter((x) => x > lo && x < hi)].sort((a, b) => a - b);
  let s = 0;
  for (let i = 1; i < xs.length; i++) s += ((accAt(f, xs[i - 1]) + accAt(f, xs[i])) / 2) * (xs[i] - xs[i - 1]);
  return s;
}

/** ZeroRouter: upper concave non-decreasing hull on (cost, val accuracy), placed at test accuracies. */
export function zeroRouterPoints(costs: number[], valAcc: number[], testAcc: number[], normaliser: number): Pt[] {
  const idx = costs.map((_, j) => j).sort((a, b) => costs[a] - costs[b] || valAcc[b] - valAcc[a] || a - b);
  const hull: number[] = [];
  for (const j of idx) {
    if (hull.length && costs[hull[hull.length - 1]] === costs[j]) continue; // same cost: keep the more accurate
    if (hull.length && valAcc[j] <= valAcc[hull[hull.length - 1]]) continue; // non-decreasing
    while (hull.length >= 2) {
      const [a, b] = [hull[hull.length - 2], hull[hull.length - 1]];
      const cross = (costs[b] - costs[a]) * (valAcc[j] - valAcc[a]) - (valAcc[b] - valAcc[a]) * (costs[j] - costs[a]);
      if (cross >= 0) hull.pop();
      else break;
    }
    hull.push(j);
  }
  return hull.map((j) => [costs[j] / normaliser, testAcc[j]] as Pt);
}
