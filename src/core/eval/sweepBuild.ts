/**
 * Building an exact deferral sweep: every prompt's (or group's) cost-penalty path walked
 * (costPenaltyPath.ts), all switches sorted by breakpoint, and the curve's running mean cost and
 * accuracy updated switch by switch (sweepParts.ts). Extending a sweep by one LLM (sweepExtend.ts)
 * takes the same path with the switches of the paths it keeps. The public face is sweep.ts.
 */
import { blockRow, type ColumnBlocks } from './blocks';
import { costOrder, eventOrder, newPathEvents, resumeCostPenaltyPath, walkCostPenaltyPath } from './costPenaltyPath';
import {
  assembleSweep,
  checkSweepInputs,
  extendGroupTotals,
  groupTotals,
  newSortedSwitches,
  PathScores,
  type DeferralSweep,
  type SweepGroups,
} from './sweepParts';
import { RESUME, WALK, type ExtensionPlan } from './sweepPlan';

export type { DeferralSweep, SweepGroups } from './sweepParts';

function grown(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(length);
  out.set(a);
  return out;
}

/** What a sweep keeps from a previous one: its switches, and per path which to keep and how to walk on (sweepExtend.ts). */
export interface KeptSwitches {
  prev: DeferralSweep;
  plan: ExtensionPlan;
}

/**
 * The one way a sweep is made: the paths to walk (every path, or the changed ones of `kept`) are
 * walked in path order on the rows of `gamma`, their switches sorted by breakpoint (stable, so one
 * path's stay in path order) and merged with the kept switches by (breakpoint, path): the order
 * eventOrder gives the whole list. Then each switch's scores are read and the curve is summed.
 */
export function sweepPaths(
  kept: KeptSwitches | null,
  gamma: ColumnBlocks,
  scores: ColumnBlocks,
  n: number,
  costs: ArrayLike<number>,
  normaliser: number,
  groups?: SweepGroups,
): DeferralSweep {
  const m = gamma.m0 + gamma.columns.length;
  checkSweepInputs(costs, m, normaliser);
  // The groups' score sums: the kept sweep's, with the new column summed, when it has them.
  const keptTotals = kept?.prev.groupTotals;
  const totals = groups ? (keptTotals ? extendGroupTotals(keptTotals, groups, scores, n, m) : groupTotals(groups, scores, n, m)) : null;
  const paths = groups ? groups.count : n;
  const groupOf = groups ? groups.of : null;
  const c64 = Float64Array.from(costs);
  const starts = kept ? kept.prev.starts.slice() : new Int32Array(paths).fill(-1);
  if (n === 0) {
    const none = new Int32Array(0);
    const noLambda = new Float64Array(0);
    return {
      cost: new Float64Array(0),
      accuracy: new Float64Array(0),
      costPenalty: new Float64Array(0),
      n,
      m,
      groupOf,
      starts,
      from: none,
      to: none,
      tag: none,
      lambda: noLambda,
      settled: noLambda,
      scoreFrom: noLambda,
      scoreTo: noLambda,
      groupTotals: totals,
      pointEnd: none,
    };
  }

  // Walk the paths in path order; a plain matrix in place, blocks row by row into `row`. Each
  // path's switches get their scores while its row is in cache, the first missing one reported.
  const plan = kept ? kept.plan : null;
  const keepBefore = plan ? plan.keepBefore : null;
  const scoresOf = new PathScores(scores, m, totals);
  const byCost = costOrder(costs, m);
  const position = new Int32Array(m);
  for (let j = 0; j < m; j++) position[byCost[j]] = j;
  const events = newPathEvents(plan ? 64 : 6 * paths);
  const plain = gamma.columns.length === 0;
  const gammaBase = gamma.base;
  const row = new Float64Array(m);
  const first = totals ? totals.first : null;
  let scoreFrom: Float64Array = new Float64Array(events.lambda.length);
  let scoreTo: Float64Array = new Float64Array(events.lambda.length);
  const startScores = new Float64Array(paths);
  for (let t = 0; t < paths; t++) {
    const how = plan ? plan.walk[t] : WALK;
    const p = first ? first[t] : t;
    if (p < 0) continue; // an empty group
    const firstEvent = events.length;
    if (how === RESUME) {
      // The old switches before the first one the new LLM changes stay; the walk goes on from there.
      const resumed = resumeCostPenaltyPath(
        blockRow(gamma, p, row),
        0,
        c64,
        byCost,
        position,
        events,
        t,
        plan!.resumeFrom[t],
        plan!.resumeLambda[t],
        plan!.resumeSettled[t],
      );
      if (!resumed) {
        keepBefore![t] = 0;
        starts[t] = walkCostPenaltyPath(row, 0, m, c64, byCost, events, t);
      }
    } else if (how === WALK) {
      starts[t] = plain
        ? walkCostPenaltyPath(gammaBase, p * m, m, c64, byCost, events, t)
        : walkCostPenaltyPath(blockRow(gamma, p, row), 0, m, c64, byCost, events, t);
    }
    if (scoreFrom.length < events.lambda.length) {
      scoreFrom = grown(scoreFrom, events.lambda.length);
      scoreTo = grown(scoreTo, events.lambda.length);
    }
    scoresOf.fill(events.tag, events.from, events.to, firstEvent, events.length, scoreFrom, scoreTo);
    startScores[t] = scoresOf.at(t, starts[t]);
  }
  const order = eventOrder(events);
  const fresh = order.length;

  // Merge the kept switches (in sweep order already) with the new ones by (breakpoint, path).
  const none = new Int32Array(0);
  const noValues = new Float64Array(0);
  const prev = kept ? kept.prev : null;
  const pLambda = prev ? prev.lambda : noValues;
  const pSettled = prev ? prev.settled : noValues;
  const pScoreFrom = prev ? prev.scoreFrom : noValues;
  const pScoreTo = prev ? prev.scoreTo : noValues;
  const pFrom = prev ? prev.from : none;
  const pTo = prev ? prev.to : none;
  const pTag = prev ? prev.tag : none;
  const { lambda: nLambda, settled: nSettled, from: nFrom, to: nTo, tag: nTag } = events;
  const B0 = pTag.length;
  let keep = 0;
  for (let e = 0; e < B0; e++) if (e < keepBefore![pTag[e]]) keep++;
  const sw = newSortedSwitches(keep + fresh);
  const { lambda, settled, from, to, tag, scoreFrom: sFrom, scoreTo: sTo } = sw;
  let i = 0;
  let j = 0;
  for (let e = 0; e < sw.length; e++) {
    while (i < B0 && i >= keepBefore![pTag[i]]) i++;
    const k = j < fresh ? order[j] : -1;
    // By breakpoint, then path; a resumed path's kept switches come before its new ones.
    if (i < B0 && (k < 0 || pLambda[i] < nLambda[k] || (pLambda[i] === nLambda[k] && pTag[i] <= nTag[k]))) {
      lambda[e] = pLambda[i];
      settled[e] = pSettled[i];
      from[e] = pFrom[i];
      to[e] = pTo[i];
      sFrom[e] = pScoreFrom[i];
      sTo[e] = pScoreTo[i];
      tag[e] = pTag[i++];
    } else {
      lambda[e] = nLambda[k];
      settled[e] = nSettled[k];
      from[e] = nFrom[k];
      to[e] = nTo[k];
      sFrom[e] = scoreFrom[k];
      sTo[e] = scoreTo[k];
      tag[e] = nTag[k];
      j++;
    }
  }
  return assembleSweep(sw, starts, startScores, totals, groupOf, n, m, c64, normaliser);
}

/**
 * The sweep of a router with predicted errors `gamma` on n prompts with true `scores` (both n x m
 * column blocks; asBlocks for a plain matrix): one point at lambda = 0, then one after each
 * distinct breakpoint (paths switching at the same lambda switch together), ending at the
 * lambda -> infinity routing. Point i equals routingSummary(routeAt(gamma, m, costs, lambda)) for
 * every lambda in [costPenalty[i], costPenalty[i + 1]), breakpoints included (routeAt's tie rule:
 * the cheaper LLM). With `groups` (prompts with identical gamma rows, e.g. a K-means cluster) one
 * path per group, the first prompt's row walked and the group's scores summed: the same points,
 * summed in another order. Scores of every LLM a prompt can be routed to must be present.
 * Cost: O(n m + n t^2 + B) for staircases of t LLMs and B breakpoints in total (radix-sorted).
 */
export function buildSweep(
  gamma: ColumnBlocks,
  scores: ColumnBlocks,
  n: number,
  costs: ArrayLike<number>,
  normaliser: number,
  groups?: SweepGroups,
): DeferralSweep {
  return sweepPaths(null, gamma, scores, n, costs, normaliser, groups);
}
