/**
 * "Set penalty for a target": the cost penalty lambda that reaches a target, read exactly off the
 * deferral curve's breakpoints (each CurvePoint holds for lambda in [costPenalty, next)). A single
 * lambda gives a curve point, never a mix of two, so answers are points of the exact curve.
 */
import type { CurvePoint } from '../eval';

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
