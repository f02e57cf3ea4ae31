/**
 * Extending an exact deferral sweep by one LLM (an unseen LLM joins the test pool): only the paths
 * the new LLM can change are walked again, the others keep their switches, and the curve is summed
 * again in the same order, so the result is buildSweep's on the whole pool bit for bit.
 */
import type { ColumnBlocks } from './blocks';
import { sweepPaths } from './sweepBuild';
import { checkSweepInputs, type DeferralSweep, type SweepGroups } from './sweepParts';
import { KEEP, RESUME, WALK, type ExtensionPlan } from './sweepPlan';

/**
 * Which paths LLM x, the last column, changes, and the first switch it changes: x takes part in a
 * path only if it wins the lambda = 0 choice or one of the path's steps, since a path is a gift
 * wrap over the staircase where every step takes the first (cheapest) LLM of least quotient
 * (costPenaltyPath.ts). Checked with the walk's own float arithmetic along the old path:
 * - x non-finite: never on a staircase, nothing changes (unless the path had no estimate at all:
 *   then it is walked whole);
 * - start a0: x wins with g_x < g_a0, and the path is walked whole (with g_x = g_a0 and
 *   c_x < c_a0 it also wins, but then its quotient 0 wins a0's first step, or x is cheaper than
 *   the end: both checked below);
 * - a step a -> b: x is a candidate when c_x < c_a and wins with quotient (g_x - g_a) / (c_a - c_x)
 *   below b's, or equal and c_x < c_b (x is the last column: among equal costs it comes last);
 * - the end a_T (the cheapest LLM with an estimate): x cheaper still is a last step.
 * Up to the first step x wins the walk is the old one (x lost every earlier comparison, and losing
 * LLMs do not change a step), so the path resumes from that step's LLM with the old switches
 * before it. An old staircase LLM that x pushes off the staircase (c_x <= its cost, g_x <= its
 * gamma) loses every comparison to x, so a path through it fails the step check that chose it.
 * A check may be conservative (x winning a comparison while off the staircase): that path is only
 * walked again from there.
 */
export function changedPaths(prev: DeferralSweep, gamma: ColumnBlocks, costs: Float64Array, first: Int32Array | null): ExtensionPlan {
  const paths = prev.starts.length;
  const { base, m0, columns } = gamma;
  const x = m0 + columns.length - 1;
  const gx = columns[columns.length - 1];
  const cx = costs[x];
  const { starts, from, to, tag, lambda, settled } = prev;
  const B = from.length;
  const walk = new Uint8Array(paths);
  const keepBefore = new Int32Array(paths).fill(B);
  const resumeFrom = new Int32Array(paths).fill(-1);
  const resumeLambda = new Float64Array(paths);
  const resumeSettled = new Float64Array(paths);
  // gamma of an old LLM h on prompt p: the base block, or an earlier added LLM's column.
  const g = (p: number, h: number): number => (h < m0 ? base[p * m0 + h] : columns[h - m0][p]);
  for (let t = 0; t < paths; t++) {
    const a0 = starts[t];
    if (a0 < 0) continue; // an empty group
    const p = first ? first[t] : t;
    const ga0 = g(p, a0);
    const gp = gx[p];
    // No estimate before (the choice was the cheapest column), or x is the new lambda = 0 choice.
    if (!(ga0 - ga0 === 0) || (gp - gp === 0 && gp < ga0)) {
      walk[t] = WALK;
      keepBefore[t] = 0;
    }
  }
  // Along each path in order (a path's switches are in path order within the sweep order), the
  // LLM reached so far and the switch into it.
  const at = starts.slice();
  for (let e = 0; e < B; e++) {
    const t = tag[e];
    if (walk[t] !== KEEP) continue;
    const a = from[e];
    const ca = costs[a];
    const p = first ? first[t] : t;
    const gp = gx[p];
    if (cx < ca && gp - gp === 0) {
      const b = to[e];
      const cb = costs[b];
      const ga = g(p, a);
      const qx = (gp - ga) / (ca - cx);
      const qb = (g(p, b) - ga) / (ca - cb);
      if (qx < qb || (qx === qb && cx < cb)) {
        walk[t] = RESUME;
        keepBefore[t] = e;
        resumeFrom[t] = a;
        continue;
      }
    }
    at[t] = to[e];
    resumeLambda[t] = lambda[e];
    resumeSettled[t] = settled[e];
  }
  // The end: x cheaper than the last LLM of a path (with an estimate) is one more step from there.
  for (let t = 0; t < paths; t++) {
    if (walk[t] !== KEEP || starts[t] < 0) continue;
    const gp = gx[first ? first[t] : t];
    if (gp - gp === 0 && cx < costs[at[t]]) {
      walk[t] = RESUME;
      resumeFrom[t] = at[t];
    }
  }
  return { walk, keepBefore, resumeFrom, resumeLambda, resumeSettled };
}

/**
 * buildSweep(gamma, scores, n, costs, normaliser, groups) where `prev` is the sweep of the same
 * prompts, groups and LLMs without the last column of gamma and scores (any normaliser): the
 * paths the new LLM leaves alone keep their switches, the others are walked again (sweepPaths).
 * Cost: O(B) checks and merge plus the walks of the changed paths, instead of every path's walk.
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
  const paths = groups ? groups.count : n;
  if (gamma.columns.length === 0 || prev.m !== m - 1 || prev.n !== n || (prev.groupOf !== null) !== (groups !== undefined)) {
    throw new RangeError(`extendSweep needs the sweep of the same ${n} prompts and ${m - 1} LLMs, got ${prev.n} x ${prev.m}`);
  }
  if (prev.starts.length !== paths) throw new RangeError(`the previous sweep has ${prev.starts.length} paths, this one ${paths}`);
  if (groups && !sameGroups(groups.of, prev.groupOf!)) throw new RangeError('extendSweep needs the groups of the previous sweep');
  const first = groups ? firstOfGroups(groups, n) : null;
  const plan = changedPaths(prev, gamma, Float64Array.from(costs), first);
  return sweepPaths({ prev, plan }, gamma, scores, n, costs, normaliser, groups);
}

function sameGroups(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let p = 0; p < a.length; p++) if (a[p] !== b[p]) return false;
  return true;
}

/** The first prompt of every group (-1 for an empty one): the row its path walks. */
function firstOfGroups(groups: SweepGroups, n: number): Int32Array {
  const first = new Int32Array(groups.count).fill(-1);
  const { of } = groups;
  for (let p = n - 1; p >= 0; p--) if (of[p] >= 0 && of[p] < groups.count) first[of[p]] = p;
  return first;
}
