/**
 * Replaying a deferral sweep at a cost penalty lambda instead of re-routing every prompt: the
 * routing at lambda is the curve point in force (it equals routeAt on [point.costPenalty, next)),
 * so a query is a binary search over the breakpoints plus at most 2^SHIFT points' switches
 * applied to a stored per-LLM count vector: O(log P + m) instead of O(n m). The public face is sweep.ts.
 */
import type { DeferralSweep } from './sweepBuild';

/** Count vectors are stored every 2^SHIFT points (memory P / 64 x m, replay <= 64 points). */
const SHIFT = 6;

/** A sweep indexed for replayAt: plain typed arrays, so it lives in the store with the pool. */
export interface SweepReplay {
  /** Prompts and LLMs. */
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
  /** Change in prompts routed to a flagged cell at each switch; null when no cell is flagged. */
  flagged: Int32Array | null;
  /** pointEnd[i]: the switches from[0 .. pointEnd[i]) are applied at point i. */
  pointEnd: Int32Array;
  /** Prompts per LLM at every 2^SHIFT-th point, (ceil(P / 2^SHIFT)) x m. */
  checkpointCounts: Int32Array;
  checkpointFlagged: Int32Array;
}

/** The index of the curve point in force at lambda: the last whose costPenalty <= lambda; -1 without points. */
export function pointAt(sweep: Pick<DeferralSweep, 'costPenalty'>, costPenalty: number): number {
  if (Number.isNaN(costPenalty) || costPenalty < 0) throw new RangeError(`costPenalty must be >= 0, got ${costPenalty}`);
  const penalties = sweep.costPenalty;
  let lo = 0;
  let hi = penalties.length - 1;
  if (hi < 0) return -1;
  if (costPenalty >= penalties[hi]) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (penalties[mid] <= costPenalty) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The replay index of a sweep. `flagged` (n x m, 1 = flagged) marks cells whose prompts replayAt
 * counts (the explorer flags scores that are estimates); null counts none.
 */
export function replayIndex(sweep: DeferralSweep, flagged: Uint8Array | null = null): SweepReplay {
  const { n, m, starts, from, to, tag, pointEnd, groupOf } = sweep;
  if (flagged && flagged.length !== n * m) throw new RangeError(`flagged has ${flagged.length} cells, the sweep ${n} x ${m}`);
  // Per path (prompt or group): its prompts and, per LLM, how many of them are flagged there.
  let size: Int32Array | null = null;
  let flaggedOf: ArrayLike<number> | null = flagged;
  if (groupOf) {
    size = new Int32Array(starts.length);
    const counts = flagged ? new Int32Array(starts.length * m) : null;
    for (let p = 0; p < n; p++) {
      const g = groupOf[p];
      size[g]++;
      if (counts) for (let h = 0; h < m; h++) counts[g * m + h] += flagged![p * m + h];
    }
    flaggedOf = counts;
  }
  const B = from.length;
  const weight = size ? new Int32Array(B) : null;
  const delta = flaggedOf ? new Int32Array(B) : null;
  for (let e = 0; e < B; e++) {
    const t = tag[e];
    if (weight) weight[e] = size![t];
    if (delta) delta[e] = flaggedOf![t * m + to[e]] - flaggedOf![t * m + from[e]];
  }
  const counts = new Int32Array(m);
  let est = 0;
  for (let t = 0; t < starts.length; t++) {
    const h = starts[t];
    if (h < 0) continue;
    counts[h] += size ? size[t] : 1;
    if (flaggedOf) est += flaggedOf[t * m + h];
  }
  const P = sweep.costPenalty.length;
  const checkpoints = (P + (1 << SHIFT) - 1) >> SHIFT;
  const checkpointCounts = new Int32Array(checkpoints * m);
  const checkpointFlagged = new Int32Array(checkpoints);
  for (let i = 0; i < P; i++) {
    for (let e = i > 0 ? pointEnd[i - 1] : 0; e < pointEnd[i]; e++) {
      const w = weight ? weight[e] : 1;
      counts[from[e]] -= w;
      counts[to[e]] += w;
      if (delta) est += delta[e];
    }
    if ((i & ((1 << SHIFT) - 1)) === 0) {
      checkpointCounts.set(counts, (i >> SHIFT) * m);
      checkpointFlagged[i >> SHIFT] = est;
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
    flagged: delta,
    pointEnd,
    checkpointCounts,
    checkpointFlagged,
  };
}

/**
 * The routing at lambda: writes the prompts per LLM into `counts` (length m) and returns the curve
 * point in force and the prompts routed to a flagged cell. Needs a sweep with at least one prompt.
 */
export function replayAt(index: SweepReplay, costPenalty: number, counts: Int32Array): { point: number; flagged: number } {
  const { m } = index;
  const lo = pointAt({ costPenalty: index.penalties }, costPenalty);
  if (lo < 0) throw new RangeError('a sweep without prompts has no routing to replay');
  const c = lo >> SHIFT;
  counts.set(index.checkpointCounts.subarray(c * m, c * m + m));
  let est = index.checkpointFlagged[c];
  const { from, to, weight, flagged, pointEnd } = index;
  const first = c << SHIFT;
  for (let e = pointEnd[first]; e < pointEnd[lo]; e++) {
    const w = weight ? weight[e] : 1;
    counts[from[e]] -= w;
    counts[to[e]] += w;
    if (flagged) est += flagged[e];
  }
  return { point: lo, flagged: est };
}
