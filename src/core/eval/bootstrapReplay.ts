/**
 * A deferral sweep replayed with prompt weights (the paired bootstrap's resamples). The order of
 * the sweep's breakpoints depends only on each prompt's gamma row and the costs, never on how often
 * a prompt is counted, so a resample's curve is the same switches in the same order with every
 * prompt's contribution multiplied by its weight: O(switches) per resample, no re-sorting.
 */
import { blockAt, type ColumnBlocks } from './blocks';
import type { CurvePoint } from './curve';
import type { DeferralSweep } from './sweepBuild';

/** A sweep as per-prompt contributions: every switch of a group is expanded to its prompts. */
export interface WeightedReplay {
  n: number;
  /** Points of the sweep (lambda = 0 first). */
  points: number;
  /** Cost and score of every prompt's last choice (lambda -> infinity). */
  endCost: Float64Array;
  endScore: Float64Array;
  /** Per-prompt switch entries in sweep order: the prompt, its change in cost and in score. */
  prompt: Int32Array;
  dCost: Float64Array;
  dScore: Float64Array;
  /** entryEnd[i]: the entries [0, entryEnd[i]) are applied at point i. */
  entryEnd: Int32Array;
}

/** Prompts of every group in prompt order (CSR): members[offsets[g] .. offsets[g + 1]). */
function groupMembers(groupOf: Int32Array, count: number): { offsets: Int32Array; members: Int32Array } {
  const offsets = new Int32Array(count + 1);
  for (let p = 0; p < groupOf.length; p++) offsets[groupOf[p] + 1]++;
  for (let g = 0; g < count; g++) offsets[g + 1] += offsets[g];
  const fill = offsets.slice(0, count);
  const members = new Int32Array(groupOf.length);
  for (let p = 0; p < groupOf.length; p++) members[fill[groupOf[p]]++] = p;
  return { offsets, members };
}

function scoreOf(scores: ColumnBlocks, p: number, h: number): number {
  const s = blockAt(scores, p, h);
  if (Number.isNaN(s)) throw new RangeError(`prompt ${p} has no score for model ${h}, which it is routed to`);
  return s;
}

/** The weighted replay of `sweep` with true `scores` (n x m blocks) and raw `costs`. */
export function weightedReplay(sweep: DeferralSweep, scores: ColumnBlocks, costs: ArrayLike<number>): WeightedReplay {
  const { n, starts, from, to, tag, groupOf, pointEnd } = sweep;
  // Every path's last LLM: its start with all its switches applied.
  const last = starts.slice();
  for (let e = 0; e < tag.length; e++) last[tag[e]] = to[e];
  const endCost = new Float64Array(n);
  const endScore = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const h = last[groupOf ? groupOf[p] : p];
    endCost[p] = h < 0 ? 0 : costs[h];
    endScore[p] = h < 0 ? 0 : scoreOf(scores, p, h);
  }
  const groups = groupOf ? groupMembers(groupOf, starts.length) : null;
  const sizeOf = (t: number) => (groups ? groups.offsets[t + 1] - groups.offsets[t] : 1);
  let total = 0;
  for (let e = 0; e < tag.length; e++) total += sizeOf(tag[e]);
  const prompt = new Int32Array(total);
  const dCost = new Float64Array(total);
  const dScore = new Float64Array(total);
  const switchEnd = new Int32Array(tag.length + 1);
  let k = 0;
  for (let e = 0; e < tag.length; e++) {
    const t = tag[e];
    const dc = costs[to[e]] - costs[from[e]];
    const lo = groups ? groups.offsets[t] : 0;
    const hi = groups ? groups.offsets[t + 1] : 1;
    for (let i = lo; i < hi; i++) {
      const p = groups ? groups.members[i] : t;
      prompt[k] = p;
      dCost[k] = dc;
      dScore[k++] = scoreOf(scores, p, to[e]) - scoreOf(scores, p, from[e]);
    }
    switchEnd[e + 1] = k;
  }
  const entryEnd = Int32Array.from(pointEnd, (e) => switchEnd[e]);
  return { n, points: pointEnd.length, endCost, endScore, prompt, dCost, dScore, entryEnd };
}

/** Reusable buffers of weightedFront (two columns of the front being built, grown as needed). */
export interface FrontBuffers {
  cost: Float64Array;
  accuracy: Float64Array;
}

export function frontBuffers(points = 0): FrontBuffers {
  return { cost: new Float64Array(points), accuracy: new Float64Array(points) };
}

/**
 * The Pareto front (paretoFront's: of equal costs the most accurate, then strictly rising accuracy)
 * of the curve with prompt p counted weights[p] times (weights sum to `total`), by increasing cost
 * (accuracyAt's order). The sweep is replayed from its cheap end (lambda -> infinity) back to
 * lambda = 0, so cost never falls along the walk and the front is kept as the points come.
 */
export function weightedFront(
  r: WeightedReplay,
  weights: ArrayLike<number>,
  total: number,
  normaliser: number,
  buffers: FrontBuffers = frontBuffers(),
): CurvePoint[] {
  const P = r.points;
  if (P === 0) return [];
  if (buffers.cost.length < P) {
    buffers.cost = new Float64Array(P);
    buffers.accuracy = new Float64Array(P);
  }
  const fc = buffers.cost;
  const fa = buffers.accuracy;
  const { prompt, dCost, dScore, entryEnd, endCost, endScore } = r;
  // Sums at the cheap end: every prompt's last choice.
  let cost = 0;
  let acc = 0;
  for (let p = 0; p < r.n; p++) {
    const w = weights[p];
    cost += w * endCost[p];
    acc += w * endScore[p];
  }
  let size = 0;
  let e = entryEnd[P - 1];
  for (let i = P - 1; ; i--) {
    // Point i: keep it when it is more accurate than the front so far (same cost: it replaces the last).
    if (size === 0 || acc > fa[size - 1]) {
      if (size > 0 && cost <= fc[size - 1]) fa[size - 1] = acc;
      else {
        fc[size] = cost;
        fa[size++] = acc;
      }
    }
    if (i === 0) break;
    // Undo point i's switches: back to point i - 1.
    const stop = entryEnd[i - 1];
    for (e--; e >= stop; e--) {
      const w = weights[prompt[e]];
      cost -= w * dCost[e];
      acc -= w * dScore[e];
    }
    e = stop;
  }
  const cScale = 1 / (total * normaliser);
  const aScale = 1 / total;
  const front: CurvePoint[] = new Array(size);
  for (let j = 0; j < size; j++) front[j] = { cost: fc[j] * cScale, accuracy: fa[j] * aScale, costPenalty: 0 };
  return front;
}
