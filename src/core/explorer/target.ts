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
 * The cheapest routing reaching `targetAccuracy`: among curve points with accuracy >= target, the
 * lowest cost (ties: higher accuracy, then the larger lambda, i.e. the cheaper side). Null when no
 * lambda reaches the target.
 */
export function penaltyForAccuracy(points: readonly CurvePoint[], targetAccuracy: number): PenaltyChoice | null {
  let best = -1;
  points.forEach((pt, i) => {
    if (!(pt.accuracy >= targetAccuracy - EPS)) return;
    const b = points[best];
    if (
      best < 0 ||
      pt.cost < b.cost ||
      (pt.cost === b.cost && (pt.accuracy > b.accuracy || (pt.accuracy === b.accuracy && pt.costPenalty > b.costPenalty)))
    )
      best = i;
  });
  return best < 0 ? null : penaltyForPoint(points, best);
}

/**
 * The most accurate routing whose mean normalised cost is at most `budget` (c~, the curve's cost
 * axis): ties go to the cheaper point, then the larger lambda. Null when even lambda -> infinity
 * (the cheapest routing) costs more than the budget.
 */
export function penaltyForBudget(points: readonly CurvePoint[], budget: number): PenaltyChoice | null {
  let best = -1;
  points.forEach((pt, i) => {
    if (!(pt.cost <= budget + EPS)) return;
    const b = points[best];
    if (
      best < 0 ||
      pt.accuracy > b.accuracy ||
      (pt.accuracy === b.accuracy && (pt.cost < b.cost || (pt.cost === b.cost && pt.costPenalty > b.costPenalty)))
    )
      best = i;
  });
  return best < 0 ? null : penaltyForPoint(points, best);
}

/** The interval of lambda in which points[i] holds (points are by increasing costPenalty) and a safe value inside it. */
export function penaltyForPoint(points: readonly CurvePoint[], i: number): PenaltyChoice {
  const from = points[i].costPenalty;
  const to = i + 1 < points.length ? points[i + 1].costPenalty : Infinity;
  let costPenalty: number;
  if (from === 0) costPenalty = 0;
  else if (to === Infinity) costPenalty = from * 2;
  else costPenalty = Math.sqrt(from * to);
  return { costPenalty, from, to, point: points[i] };
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
