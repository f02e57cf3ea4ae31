/**
 * Extending an exact deferral sweep by one LLM (an unseen LLM joins the test pool): only the paths
 * the new LLM can change are walked again, the others keep their switches, and the curve is summed
 * again in the same order, so the result is buildSweep's on the whole pool bit for bit.
 */
import { blockAt, blockRow, type ColumnBlocks } from './blocks';
import { costOrder, eventOrder, newPathEvents, walkCostPenaltyPath } from './costPenaltyPath';
import {
  assembleSweep,
  checkSweepInputs,
  groupTotals,
  newSortedSwitches,
  scoreReader,
  type DeferralSweep,
  type SweepGroups,
} from './sweepBuild';

/**
 * Which paths (prompts or groups) LLM x, the last column, changes: x takes part in a path only if
 * it wins the lambda = 0 choice or one of the path's steps, since a path is a gift wrap over the
 * staircase where every step takes the first (cheapest) LLM of least quotient (costPenaltyPath.ts).
 * Checked with the walk's own float arithmetic along the old path:
 * - x non-finite: never on a staircase, nothing changes (unless the path had no estimate at all);
 * - start a0: x wins with g_x < g_a0 (with g_x = g_a0 and c_x < c_a0 it also wins, but then its
 *   quotient 0 from a0 wins a0's first step, or it is cheaper than the end: both checked below);
 * - a step a -> b: x is a candidate when c_x < c_a and wins with quotient (g_x - g_a) / (c_a - c_x)
 *   below b's, or equal and c_x < c_b (x is the last column: among equal costs it comes last);
 * - the end a_T (the cheapest LLM with an estimate): x cheaper still is a last step.
 * An old staircase LLM that x pushes off the staircase (c_x <= its cost, g_x <= its gamma) loses
 * every comparison to x, so a path through it fails the step check that chose it. Losing LLMs that
 * leave the staircase never won, so the walk is unchanged. A check may be conservative (x winning
 * a comparison while off the staircase): that path is only walked again.
 */
export function changedPaths(prev: DeferralSweep, gamma: ColumnBlocks, costs: Float64Array, rowOf: (t: number) => number): Uint8Array {
  const paths = prev.starts.length;
  const x = gamma.m0 + gamma.columns.length - 1;
  const gx = gamma.columns[gamma.columns.length - 1];
  const cx = costs[x];
  const changed = new Uint8Array(paths);
  // The lambda -> infinity choice of every path.
  const last = prev.starts.slice();
  const { from, to, tag } = prev;
  for (let e = 0; e < from.length; e++) last[tag[e]] = to[e];
  for (let t = 0; t < paths; t++) {
    const a0 = prev.starts[t];
    if (a0 < 0) continue; // an empty group
    const p = rowOf(t);
    const ga0 = blockAt(gamma, p, a0);
    const g = gx[p];
    if (!(ga0 - ga0 === 0))
      changed[t] = 1; // no estimate before: the choice was the cheapest column
    else if (g - g === 0 && (g < ga0 || cx < costs[last[t]])) changed[t] = 1;
  }
  for (let e = 0; e < from.length; e++) {
    const t = tag[e];
    if (changed[t]) continue;
    const a = from[e];
    const ca = costs[a];
    if (!(cx < ca)) continue;
    const p = rowOf(t);
    const g = gx[p];
    if (!(g - g === 0)) continue;
    const b = to[e];
    const cb = costs[b];
    const ga = blockAt(gamma, p, a);
    const qx = (g - ga) / (ca - cx);
    const qb = (blockAt(gamma, p, b) - ga) / (ca - cb);
    if (qx < qb || (qx === qb && cx < cb)) changed[t] = 1;
  }
  return changed;
}

/**
 * buildSweep(gamma, scores, n, costs, normaliser, groups) where `prev` is the sweep of the same
 * prompts, groups and LLMs without the last column of gamma and scores (any normaliser): the
 * paths the new LLM leaves alone keep their switches, the others are walked again, and the two
 * sorted lists are merged by (breakpoint, path), the order eventOrder gives the whole list.
 * Cost: O(B + checks) plus the walks of the changed paths, instead of O(n m + n t^2 + B log).
 */
export function extendSweep(
  prev: DeferralSweep,
  gamma: ColumnBlocks,
  scores: ColumnBlocks,
  n: number,
  costs: ArrayLike<number>,
  normaliser: number,
  groups?: SweepGroups,
): DeferralSweep {
  const m = gamma.m0 + gamma.columns.length;
  checkSweepInputs(costs, m, normaliser);
  if (gamma.columns.length === 0 || prev.m !== m - 1 || prev.n !== n || (prev.groupOf !== null) !== (groups !== undefined)) {
    throw new RangeError(`extendSweep needs the sweep of the same ${n} prompts and ${m - 1} LLMs, got ${prev.n} x ${prev.m}`);
  }
  const totals = groups ? groupTotals(groups, scores, n, m) : null;
  const paths = groups ? groups.count : n;
  if (prev.starts.length !== paths) throw new RangeError(`the previous sweep has ${prev.starts.length} paths, this one ${paths}`);
  const c64 = Float64Array.from(costs);
  const rowOf = totals ? (t: number) => totals.first[t] : (t: number) => t;
  const changed = changedPaths(prev, gamma, c64, rowOf);
  const scoreOf = scoreReader(scores, m, totals);

  // The changed paths walked on the new pool, in path order.
  const starts = prev.starts.slice();
  const byCost = costOrder(costs, m);
  const events = newPathEvents(64);
  const row = new Float64Array(m);
  for (let t = 0; t < paths; t++) {
    if (!changed[t]) continue;
    const p = rowOf(t);
    starts[t] = walkCostPenaltyPath(blockRow(gamma, p, row), 0, m, c64, byCost, events, t);
  }
  const order = eventOrder(events);

  // Merge the kept switches (already in sweep order) with the new ones by (breakpoint, path).
  let kept = 0;
  for (let e = 0; e < prev.tag.length; e++) if (!changed[prev.tag[e]]) kept++;
  const sw = newSortedSwitches(kept + order.length);
  let i = 0;
  let j = 0;
  const B0 = prev.tag.length;
  for (let e = 0; e < sw.length; e++) {
    while (i < B0 && changed[prev.tag[i]]) i++;
    const k = j < order.length ? order[j] : -1;
    const takeOld =
      i < B0 && (k < 0 || prev.lambda[i] < events.lambda[k] || (prev.lambda[i] === events.lambda[k] && prev.tag[i] < events.tag[k]));
    if (takeOld) {
      sw.lambda[e] = prev.lambda[i];
      sw.settled[e] = prev.settled[i];
      sw.from[e] = prev.from[i];
      sw.to[e] = prev.to[i];
      sw.tag[e] = prev.tag[i];
      i++;
    } else {
      sw.lambda[e] = events.lambda[k];
      sw.settled[e] = events.settled[k];
      sw.from[e] = events.from[k];
      sw.to[e] = events.to[k];
      sw.tag[e] = events.tag[k];
      j++;
    }
    sw.scoreFrom[e] = scoreOf(sw.tag[e], sw.from[e]);
    sw.scoreTo[e] = scoreOf(sw.tag[e], sw.to[e]);
  }
  const startScores = new Float64Array(paths);
  for (let t = 0; t < paths; t++) if (starts[t] >= 0) startScores[t] = scoreOf(t, starts[t]);
  return assembleSweep(sw, starts, (t) => startScores[t], totals, prev.groupOf === null ? null : groups!.of, n, m, c64, normaliser);
}
