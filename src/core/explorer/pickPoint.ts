/**
 * Clicking a deferral curve: the sweep point at the clicked vertex of the drawn front and the cost
 * penalty lambda that gives it. The chart hands back a vertex of the front it was given, so the point
 * is found exactly; lambda comes from the sweep (penaltyForPoint), never from routing in the UI.
 */
import type { CurvePoint } from '../eval';
import { penaltyForPoint, type PenaltyChoice } from './target';

/**
 * The lambda of the sweep point at (cost, accuracy): an exact match when there is one (ties: the
 * larger lambda, the cheaper side of equal routings), else the nearest point by the larger of the
 * two coordinate gaps. Null for an empty sweep or a non-finite target.
 */
export function penaltyAtPoint(points: readonly CurvePoint[], cost: number, accuracy: number): PenaltyChoice | null {
  if (!Number.isFinite(cost) || !Number.isFinite(accuracy)) return null;
  let best = -1;
  let bestGap = Infinity;
  points.forEach((pt, i) => {
    const gap = Math.max(Math.abs(pt.cost - cost), Math.abs(pt.accuracy - accuracy));
    if (gap < bestGap || (gap === bestGap && best >= 0 && pt.costPenalty > points[best].costPenalty)) {
      best = i;
      bestGap = gap;
    }
  });
  return best < 0 ? null : penaltyForPoint(points, best);
}
