/**
 * The exact deferral sweep (shared UNIROUTE.md "Metrics"): lambda from 0 (quality end) to
 * +infinity (cheapest end) at every breakpoint where some prompt's argmin_h gamma(x,h) + lambda c(h)
 * changes. One module for every consumer: the trial and K selection read its points, the explorer
 * also replays it at any lambda (counts per LLM) and reads each prompt's choice there.
 *   buildSweep (or extendSweep by one LLM) -> sweepPoints / sweepCurve -> replayIndex + replayAt(lambda) / choiceAt(lambda)
 */
import { asBlocks } from './blocks';
import { paretoFront, type CurvePoint } from './curve';
import { buildSweep, type DeferralSweep } from './sweepBuild';
import { pointAt } from './sweepReplay';

export { buildSweep, type DeferralSweep, type SweepGroups } from './sweepBuild';
export { extendSweep } from './sweepExtend';
export { pointAt, replayAt, replayIndex, type SweepReplay } from './sweepReplay';

/** The exact deferral curve of plain n x m matrices gamma and scores (see buildSweep); [] without prompts. */
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
  return sweepPoints(buildSweep(asBlocks(gamma, m), asBlocks(scores, m), gamma.length / m, costs, normaliser));
}

/** The points of a sweep as CurvePoint objects; `known` supplies objects already made for some indices. */
export function sweepPoints(sweep: DeferralSweep, known?: ReadonlyMap<number, CurvePoint>): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let i = 0; i < sweep.cost.length; i++)
    points.push(known?.get(i) ?? { cost: sweep.cost[i], accuracy: sweep.accuracy[i], costPenalty: sweep.costPenalty[i] });
  return points;
}

/**
 * Indices of paretoFront(sweepPoints(sweep)), by increasing cost, read off the columns: when cost
 * falls strictly along the sweep (an exact curve's does) the front is a scan from the cheap end.
 * Null otherwise (then paretoFront sorts the points).
 */
function frontIndices(sweep: DeferralSweep): number[] | null {
  const { cost, accuracy } = sweep;
  for (let i = 0; i < cost.length; i++) {
    if (Number.isNaN(accuracy[i]) || Number.isNaN(cost[i]) || (i > 0 && !(cost[i] < cost[i - 1]))) return null;
  }
  const front: number[] = [];
  for (let i = cost.length - 1; i >= 0; i--) if (front.length === 0 || accuracy[i] > accuracy[front[front.length - 1]]) front.push(i);
  return front;
}

/**
 * A sweep's Pareto front as objects now and all its points on first read: a learned-map curve
 * over 10,000 prompts x 50 LLMs has ~50,000 points but a front of a few thousand, and only
 * exports and targets read the rest. The front's objects are reused in the points, as
 * paretoFront(points) would return them.
 */
export function sweepCurve(sweep: DeferralSweep): { points: () => CurvePoint[]; front: CurvePoint[] } {
  const indices = frontIndices(sweep);
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

/**
 * Every prompt's chosen LLM at cost penalty lambda (routeAt's choice, ties and lambda = +infinity
 * included): the lambda = 0 choices with the switches of the point in force applied. O(n + B).
 */
export function choiceAt(sweep: DeferralSweep, costPenalty: number): Int32Array {
  const point = pointAt(sweep, costPenalty);
  const choice = new Int32Array(sweep.n);
  if (point < 0) return choice;
  const path = sweep.starts.slice();
  const { tag, to, groupOf } = sweep;
  for (let e = 0; e < sweep.pointEnd[point]; e++) path[tag[e]] = to[e];
  for (let p = 0; p < choice.length; p++) choice[p] = path[groupOf ? groupOf[p] : p];
  return choice;
}
