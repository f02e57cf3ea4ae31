/**
 * Live routing by replaying the exact deferral sweep instead of re-routing every prompt: the
 * routing at cost penalty lambda is the curve point in force (deferralCurve's contract: it equals
 * routeAt on [point.costPenalty, next)), so a slider move is a binary search over the breakpoints
 * plus at most CHECKPOINT points' switches applied to a stored per-LLM count vector: O(log P + m)
 * instead of O(n m). Plain typed arrays, so it lives in the store with the pool.
 */
import { newColumns, type DeferralSweep } from '../eval/curve';
import { costOrder, eventOrder, newPathEvents, walkCostPenaltyPath } from '../eval/costPenaltyPath';

/** Count vectors are stored every 2^SHIFT points (memory P / 64 x m, replay <= 64 points). */
const SHIFT = 6;

export interface LiveIndex {
  /** Test prompts and pool LLMs. */
  n: number;
  m: number;
  /** costPenalty of every curve point (non-decreasing). */
  penalties: Float64Array;
  /** Mean score of the chosen LLMs at every point (the curve's accuracy). */
  accuracy: Float64Array;
  /** Switches in sweep order: the LLM left and the LLM taken. */
  from: Int32Array;
  to: Int32Array;
  /** Prompts each switch moves (a group's size); null when every switch moves one prompt. */
  weight: Int32Array | null;
  /** Change in prompts routed to an LLM whose test score is unknown (estimated); null when none is. */
  estimated: Int32Array | null;
  /** pointEnd[i]: switches applied at point i. */
  pointEnd: Int32Array;
  /** Prompts per LLM at every 2^SHIFT-th point, (ceil(P / 2^SHIFT)) x m. */
  checkpointCounts: Int32Array;
  checkpointEstimated: Int32Array;
}

/** Prompts behind each tag of a grouped sweep, and how many of them have an unknown score per LLM. */
export interface SweepGroups {
  size: Int32Array;
  /** groups x m counts of unknown (estimated) cells; null when no cell is unknown. */
  unknown: Int32Array | null;
}

/** Groups of a sweep whose tags are K-means clusters: `groupOf` gives each prompt's cluster. */
export function sweepGroups(groupOf: Int32Array, groups: number, m: number, unknown: Uint8Array | null): SweepGroups {
  const size = new Int32Array(groups);
  const counts = unknown ? new Int32Array(groups * m) : null;
  for (let p = 0; p < groupOf.length; p++) {
    const g = groupOf[p];
    size[g]++;
    if (counts) for (let h = 0; h < m; h++) counts[g * m + h] += unknown![p * m + h];
  }
  return { size, unknown: counts };
}

/**
 * The index of one method's sweep over n prompts and m LLMs. Tags are prompts, with `unknown`
 * (n x m, 1 = estimated score) marking cells counted in estimatedPrompts; or, with `groups`, tags
 * are groups of prompts that route alike (one path per K-means cluster).
 */
export function buildLiveIndex(
  sweep: DeferralSweep,
  n: number,
  m: number,
  unknown: Uint8Array | null,
  groups: SweepGroups | null = null,
): LiveIndex {
  const { starts, from, to, tag, pointEnd } = sweep;
  const B = from.length;
  const weight = groups ? new Int32Array(B) : null;
  const unknownOf = groups ? groups.unknown : unknown;
  const estimated = unknownOf ? new Int32Array(B) : null;
  if (weight || estimated) {
    for (let e = 0; e < B; e++) {
      const g = tag[e];
      if (weight) weight[e] = groups!.size[g];
      if (estimated) estimated[e] = unknownOf![g * m + to[e]] - unknownOf![g * m + from[e]];
    }
  }
  const counts = new Int32Array(m);
  let est = 0;
  for (let g = 0; g < starts.length; g++) {
    const h = starts[g];
    if (h < 0) continue;
    counts[h] += groups ? groups.size[g] : 1;
    if (unknownOf) est += unknownOf[g * m + h];
  }
  const P = sweep.cost.length;
  const checkpoints = (P + (1 << SHIFT) - 1) >> SHIFT;
  const checkpointCounts = new Int32Array(checkpoints * m);
  const checkpointEstimated = new Int32Array(checkpoints);
  for (let i = 0; i < P; i++) {
    for (let e = i > 0 ? pointEnd[i - 1] : 0; e < pointEnd[i]; e++) {
      const w = weight ? weight[e] : 1;
      counts[from[e]] -= w;
      counts[to[e]] += w;
      if (estimated) est += estimated[e];
    }
    if ((i & ((1 << SHIFT) - 1)) === 0) {
      checkpointCounts.set(counts, (i >> SHIFT) * m);
      checkpointEstimated[i >> SHIFT] = est;
    }
  }
  return {
    n,
    m,
    penalties: sweep.costPenalty,
    accuracy: sweep.accuracy,
    from,
    to,
    weight,
    estimated,
    pointEnd,
    checkpointCounts,
    checkpointEstimated,
  };
}

/** The curve point in force at lambda (the last with costPenalty <= lambda), its counts and estimated prompts. */
export function replayAt(index: LiveIndex, costPenalty: number, counts: Int32Array): { point: number; estimated: number } {
  const { penalties, m } = index;
  let lo = 0;
  let hi = penalties.length - 1;
  if (costPenalty >= penalties[hi]) lo = hi;
  else {
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (penalties[mid] <= costPenalty) lo = mid;
      else hi = mid;
    }
  }
  const c = lo >> SHIFT;
  counts.set(index.checkpointCounts.subarray(c * m, c * m + m));
  let est = index.checkpointEstimated[c];
  const { from, to, weight, estimated, pointEnd } = index;
  const first = c << SHIFT;
  for (let e = pointEnd[first]; e < pointEnd[lo]; e++) {
    const w = weight ? weight[e] : 1;
    counts[from[e]] -= w;
    counts[to[e]] += w;
    if (estimated) est += estimated[e];
  }
  return { point: lo, estimated: est };
}

/**
 * The index of a router whose gamma row is the same for every prompt (ZeroRouter): one path, all n
 * prompts on one LLM at a time, accuracy = that LLM's mean score `meanScore[h]` (what the direct
 * pass sums), so it never touches the n x m score matrix.
 */
export function uniformLiveIndex(
  gammaRow: Float64Array,
  costs: Float64Array,
  n: number,
  meanScore: readonly number[],
  unknown: Uint8Array | null,
): LiveIndex {
  const m = gammaRow.length;
  const events = newPathEvents(m);
  const start = walkCostPenaltyPath(gammaRow, 0, m, costs, costOrder(costs, m), events, 0);
  const order = eventOrder(events);
  // One point per distinct breakpoint, reported at the largest settled value so far (as the sweeps do).
  const out = newColumns(order.length);
  out.push(NaN, meanScore[start], 0);
  const pointEnd = [0];
  let reported = 0;
  let settled = 0;
  for (let e = 0; e < order.length; e++) {
    const i = order[e];
    if (events.settled[i] > settled) settled = events.settled[i];
    if (e + 1 === order.length || events.lambda[order[e + 1]] !== events.lambda[i]) {
      reported = Math.max(reported, settled);
      out.push(NaN, meanScore[events.to[i]], reported);
      pointEnd.push(e + 1);
      settled = 0;
    }
  }
  // The n prompts form one group; its unknown cells per LLM are the column counts.
  let perColumn: Int32Array | null = null;
  if (unknown) {
    perColumn = new Int32Array(m);
    for (let p = 0; p < n; p++) for (let h = 0; h < m; h++) perColumn[h] += unknown[p * m + h];
  }
  const sweep = {
    ...out.done(),
    starts: Int32Array.of(start),
    from: Int32Array.from(order, (i) => events.from[i]),
    to: Int32Array.from(order, (i) => events.to[i]),
    tag: new Int32Array(order.length),
    pointEnd: Int32Array.from(pointEnd),
  };
  return buildLiveIndex(sweep, n, m, null, { size: Int32Array.of(n), unknown: perColumn });
}
