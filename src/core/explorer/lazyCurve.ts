/**
 * A method's curve for the explorer without making every point up front: the front (what the
 * charts draw and the metrics integrate) is read off the sweep's columns, the full point list is
 * built the first time something reads it (exports, "set penalty for a target", the slider range).
 */
import { paretoFront, sweepPoints, type CurvePoint, type DeferralSweep } from '../eval/curve';

/**
 * Indices of paretoFront(sweepPoints(sweep)), by increasing cost, read off the columns without
 * making every point: when cost falls strictly along the sweep (an exact curve's does) the front
 * is a scan from the cheap end. Null otherwise (then call paretoFront on the points).
 */
export function sweepFrontIndices(sweep: DeferralSweep): number[] | null {
  const { cost, accuracy } = sweep;
  for (let i = 0; i < cost.length; i++) {
    if (Number.isNaN(accuracy[i]) || Number.isNaN(cost[i]) || (i > 0 && !(cost[i] < cost[i - 1]))) return null;
  }
  const front: number[] = [];
  for (let i = cost.length - 1; i >= 0; i--) if (front.length === 0 || accuracy[i] > accuracy[front[front.length - 1]]) front.push(i);
  return front;
}

/**
 * A sweep's front as objects now and all its points on first read: a learned-map curve at 10,000 x
 * 50 has ~50,000 points but a front of a few thousand, and only exports and targets read the rest.
 * The front's objects are reused in the points, as paretoFront(points) would return them.
 */
export function lazyCurve(sweep: DeferralSweep): { points: () => CurvePoint[]; front: CurvePoint[] } {
  const indices = sweepFrontIndices(sweep);
  if (!indices) {
    const points = sweepPoints(sweep);
    return { points: () => points, front: paretoFront(points) };
  }
  const known = new Map<number, CurvePoint>();
  const front = indices.map((i) => {
    const pt = { cost: sweep.cost[i], accuracy: sweep.accuracy[i], costPenalty: sweep.costPenalty[i] };
    known.set(i, pt);
    return pt;
  });
  let points: CurvePoint[] | undefined;
  return { points: () => (points ??= sweepPoints(sweep, known)), front };
}
