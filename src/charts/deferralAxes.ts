/**
 * Axes of the deferral chart: the cost axis on a linear or a log scale, an optional zoom box (drag to
 * zoom), and their ticks. A log axis cannot show cost 0, so it starts at a 1-2-5 value at or below
 * the cheapest positive cost; anything cheaper (and the curves' flat start at 0) is drawn at that end.
 */
import { accuracyDomain, accuracyTicks } from './curveData';
import { logAxisMin, logAxisTicks } from './logScale';

export type CostAxisScale = 'linear' | 'log';

/** A zoomed region in data units (normalised cost, accuracy). */
export interface ZoomBox {
  cost: [number, number];
  accuracy: [number, number];
}

export interface DeferralAxes {
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: number[];
  yTicks: number[];
  /** Smallest cost drawn: 0 on a linear axis, the axis start on a log axis (cheaper points sit there). */
  xFloor: number;
}

/** 1, 2 or 5 times a power of ten, so that [lo, hi] gets at most `maxTicks` ticks. */
export function niceTicks(lo: number, hi: number, maxTicks = 8): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / Math.max(1, maxTicks - 1);
  const e = Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * 10 ** e).find((s) => (hi - lo) / s <= maxTicks - 1 + 1e-9) ?? 10 ** (e + 1);
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/** The axes for the drawn data (`costs` and `accuracies` of every curve point and single LLM). */
export function deferralAxes(
  costs: readonly number[],
  accuracies: readonly number[],
  xMax: number,
  scale: CostAxisScale,
  zoom: ZoomBox | null,
): DeferralAxes {
  const xFloor = scale === 'log' ? logAxisMin(costs, xMax) : 0;
  const yData = accuracyDomain(accuracies);
  // A little room past the data's ends, so a point at cost 0 or 1 or at 100% accuracy is drawn whole,
  // not cut in half by the plot's edge (the ticks stay within the data range).
  let xDomain: [number, number] = scale === 'log' ? [xFloor, xMax * 1.04] : [-0.015 * xMax, xMax * 1.015];
  let yDomain: [number, number] = [yData[0], yData[1] + (yData[1] >= 1 ? 0.025 : 0)];
  if (zoom) {
    const x0 = Math.max(xFloor, Math.min(zoom.cost[0], zoom.cost[1]));
    const x1 = Math.min(xMax, Math.max(zoom.cost[0], zoom.cost[1]));
    if (x1 > x0) xDomain = [x0, x1];
    const y0 = Math.max(0, Math.min(zoom.accuracy[0], zoom.accuracy[1]));
    const y1 = Math.min(1, Math.max(zoom.accuracy[0], zoom.accuracy[1]));
    if (y1 > y0) yDomain = [y0, y1];
  }
  const xTicks =
    scale === 'log'
      ? logAxisTicks(xDomain[0], Math.min(xDomain[1], xMax))
      : !zoom && xMax === 1
        ? [0, 0.2, 0.4, 0.6, 0.8, 1]
        : niceTicks(Math.max(0, xDomain[0]), Math.min(xDomain[1], xMax), 7);
  const yTicks = zoom ? niceTicks(yDomain[0], yDomain[1], 8) : accuracyTicks(yData);
  return { xDomain, yDomain, xTicks, yTicks, xFloor };
}

/**
 * The zoom box a drag selected (data units at its two corners), or null when it is too small to be
 * a zoom (under `minFraction` of the current domain on either axis: a click, not a drag).
 */
export function zoomFromDrag(
  a: { cost: number; accuracy: number },
  b: { cost: number; accuracy: number },
  current: Pick<DeferralAxes, 'xDomain' | 'yDomain'>,
  scale: CostAxisScale,
  minFraction = 0.01,
): ZoomBox | null {
  const span = (lo: number, hi: number) => (scale === 'log' ? Math.log10(hi) - Math.log10(lo) : hi - lo);
  const [x0, x1] = [Math.min(a.cost, b.cost), Math.max(a.cost, b.cost)];
  const [y0, y1] = [Math.min(a.accuracy, b.accuracy), Math.max(a.accuracy, b.accuracy)];
  if (![x0, x1, y0, y1].every(Number.isFinite) || (scale === 'log' && !(x0 > 0))) return null;
  if (span(x0, x1) < minFraction * span(...current.xDomain)) return null;
  if (y1 - y0 < minFraction * (current.yDomain[1] - current.yDomain[0])) return null;
  return { cost: [x0, x1], accuracy: [y0, y1] };
}

/** A curve's points as drawn: costs below the axis floor (cost 0 on a log axis) move up to it. */
export function atFloor(points: readonly (readonly [number, number])[], xFloor: number): [number, number][] {
  return points.map(([c, a]) => [Math.max(c, xFloor), a]);
}
