/**
 * "Set penalty for a target": the cost penalty lambda that reaches a target, read exactly off the
 * deferral curve's breakpoints (each CurvePoint holds for lambda in [costPenalty, next)). A single
 * lambda gives a curve point, never a mix of two, so answers are points of the exact curve.
 */
import type { CurvePoint } from '../eval';
import { costText, lambdaIntervalText, lambdaText, percentText } from './numberText';

export interface PenaltyChoice {
  /**
   * The lambda to set: inside [from, to), away from the ends (0 for the lambda = 0 point, the
   * geometric mean of the ends, or 2 x from for the last point), so float rounding at a breakpoint
   * cannot tip a prompt the other way.
   */
  costPenalty: number;
  /** The chosen point holds for lambda in [from, to). */
  from: number;
  to: number;
  /** The curve point it gives (normalised cost, accuracy). */
  point: CurvePoint;
}

/** Slack for comparing means of many floats with a typed-in target. */
const EPS = 1e-12;

/**
 * A deferral curve by increasing cost penalty: its points, or its columns (a sweep's: an exact
 * curve has tens of thousands of points, and reading the columns makes no object per point).
 */
export type CurveSource = readonly CurvePoint[] | Columns;

interface Columns {
  cost: ArrayLike<number>;
  accuracy: ArrayLike<number>;
  costPenalty: ArrayLike<number>;
}

function columnsOf(curve: CurveSource): Columns {
  if (!Array.isArray(curve)) return curve as Columns;
  const points = curve as readonly CurvePoint[];
  return {
    cost: Float64Array.from(points, (p) => p.cost),
    accuracy: Float64Array.from(points, (p) => p.accuracy),
    costPenalty: Float64Array.from(points, (p) => p.costPenalty),
  };
}

/** Point i of a curve (the point object itself when the curve is given as points). */
function pointOf(curve: CurveSource, c: Columns, i: number): CurvePoint {
  return Array.isArray(curve)
    ? (curve as readonly CurvePoint[])[i]
    : { cost: c.cost[i], accuracy: c.accuracy[i], costPenalty: c.costPenalty[i] };
}

/** The highest accuracy on a curve (-infinity without points). */
export function peakAccuracy(curve: CurveSource): number {
  const { accuracy } = columnsOf(curve);
  let best = -Infinity;
  for (let i = 0; i < accuracy.length; i++) if (accuracy[i] > best) best = accuracy[i];
  return best;
}

/**
 * The cheapest routing reaching `targetAccuracy`: among curve points with accuracy >= target, the
 * lowest cost (ties: higher accuracy, then the larger lambda, i.e. the cheaper side). Null when no
 * lambda reaches the target.
 */
export function penaltyForAccuracy(curve: CurveSource, targetAccuracy: number): PenaltyChoice | null {
  const c = columnsOf(curve);
  const { cost, accuracy, costPenalty } = c;
  let best = -1;
  for (let i = 0; i < cost.length; i++) {
    if (!(accuracy[i] >= targetAccuracy - EPS)) continue;
    if (
      best < 0 ||
      cost[i] < cost[best] ||
      (cost[i] === cost[best] && (accuracy[i] > accuracy[best] || (accuracy[i] === accuracy[best] && costPenalty[i] > costPenalty[best])))
    )
      best = i;
  }
  return best < 0 ? null : choiceAt(curve, c, best);
}

/**
 * The most accurate routing whose mean normalised cost is at most `budget` (c~, the curve's cost
 * axis): ties go to the cheaper point, then the larger lambda. Null when even lambda -> infinity
 * (the cheapest routing) costs more than the budget.
 */
export function penaltyForBudget(curve: CurveSource, budget: number): PenaltyChoice | null {
  const c = columnsOf(curve);
  const { cost, accuracy, costPenalty } = c;
  let best = -1;
  for (let i = 0; i < cost.length; i++) {
    if (!(cost[i] <= budget + EPS)) continue;
    if (
      best < 0 ||
      accuracy[i] > accuracy[best] ||
      (accuracy[i] === accuracy[best] && (cost[i] < cost[best] || (cost[i] === cost[best] && costPenalty[i] > costPenalty[best])))
    )
      best = i;
  }
  return best < 0 ? null : choiceAt(curve, c, best);
}

/** The interval of lambda in which point i holds (points are by increasing costPenalty) and a safe value inside it. */
export function penaltyForPoint(curve: CurveSource, i: number): PenaltyChoice {
  if (!Array.isArray(curve)) return choiceAt(curve, curve as Columns, i);
  const points = curve as readonly CurvePoint[];
  const lambdas = { length: points.length, get: (j: number) => points[j].costPenalty };
  return penaltyBand(lambdas, i, points[i]);
}

function choiceAt(curve: CurveSource, c: Columns, i: number): PenaltyChoice {
  return penaltyBand({ length: c.costPenalty.length, get: (j) => c.costPenalty[j] }, i, pointOf(curve, c, i));
}

function penaltyBand(lambdas: { length: number; get: (j: number) => number }, i: number, point: CurvePoint): PenaltyChoice {
  const from = lambdas.get(i);
  const to = i + 1 < lambdas.length ? lambdas.get(i + 1) : Infinity;
  let costPenalty: number;
  if (from === 0) costPenalty = 0;
  else if (to === Infinity) costPenalty = from * 2;
  else costPenalty = Math.sqrt(from * to);
  return { costPenalty, from, to, point };
}

/** Which target a "Set penalty for a target" field sets. */
export type TargetKind = 'accuracy' | 'budget';

/**
 * A typed-in target percentage, checked: an accuracy or a budget (share of the most expensive pool
 * LLM's cost, the curve's cost axis) must be a number from 0 to 100. Returns the fraction or why not.
 */
export function parseTargetPercent(kind: TargetKind, text: string): { ok: true; value: number } | { ok: false; message: string } {
  const what = kind === 'accuracy' ? 'an accuracy' : 'a budget (as a share of the most expensive pool LLM’s cost)';
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (trimmed === '') return { ok: false, message: `Enter ${what} between 0% and 100%.` };
  const v = Number(trimmed);
  if (!Number.isFinite(v)) return { ok: false, message: `"${text.trim()}" is not a number: enter ${what} between 0% and 100%.` };
  if (v < 0 || v > 100) {
    const why =
      kind === 'accuracy'
        ? 'an accuracy lies between 0% and 100%'
        : v > 100
          ? 'no routing costs more than its most expensive LLM (100%)'
          : 'a cost cannot be negative';
    return { ok: false, message: `${trimmed}% is out of range: ${why}. Enter ${what} between 0% and 100%.` };
  }
  return { ok: true, value: v / 100 };
}

/** What a target search found, in words a person reads: the lambda, what it gives, and the band of lambda that gives it. */
export function describeTarget(
  kind: TargetKind,
  target: number,
  choice: PenaltyChoice | null,
  points: readonly CurvePoint[],
  normaliser: number,
  costUnit: string,
): string {
  if (!choice) {
    if (kind === 'accuracy') {
      const peak = points.reduce((a, p) => Math.max(a, p.accuracy), -Infinity);
      return `No λ reaches ${percentText(target)} with this router: its most accurate routing gives ${percentText(peak)}.`;
    }
    const cheapest = points.reduce((a, p) => Math.min(a, p.cost), Infinity);
    return `No routing fits a budget of ${percentText(target)}: even the cheapest costs ${percentText(cheapest)} of the most expensive pool LLM.`;
  }
  const { point } = choice;
  const band = lambdaIntervalText(choice.from, choice.to);
  const gives = `${lambdaText(choice.costPenalty)}: accuracy ${percentText(point.accuracy, 2)} at ${percentText(point.cost)} of the most expensive pool LLM's cost (mean cost per prompt ${costText(point.cost * normaliser, costUnit)}).`;
  return `${gives} ${band ? `${band[0].toUpperCase()}${band.slice(1)} gives this routing.` : 'Only a very narrow band of λ gives this routing.'}`;
}
