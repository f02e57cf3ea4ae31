/**
 * Adding one LLM to a sweep (extendSweep) must give buildSweep's sweep on the whole pool bit for
 * bit: every point, breakpoint, switch and start, on rows full of ties, missing and infinite
 * gamma, equal costs, duplicated LLMs and groups; and it must walk again only some of the paths.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import type { ColumnBlocks } from './blocks';
import { buildSweep, type DeferralSweep, type SweepGroups } from './sweepBuild';
import { changedPaths, extendSweep } from './sweepExtend';
import { KEEP, RESUME } from './sweepPlan';

/** The first `m` columns of an n x M matrix as a block of m0 columns plus one array per further column. */
function blocks(matrix: Float64Array, M: number, m: number, m0: number): ColumnBlocks {
  const n = matrix.length / M;
  const base = new Float64Array(n * m0);
  for (let p = 0; p < n; p++) base.set(matrix.subarray(p * M, p * M + m0), p * m0);
  const columns = Array.from({ length: m - m0 }, (_, j) => Float64Array.from({ length: n }, (_, p) => matrix[p * M + m0 + j]));
  return { base, m0, columns };
}

type Kind = 'dyadic' | 'decimal' | 'continuous' | 'signed';

function value(rng: Rng, kind: Kind): number {
  const r = rng.next();
  if (r < 0.04) return NaN;
  if (r < 0.06) return r < 0.05 ? Infinity : -Infinity;
  if (kind === 'dyadic') return rng.int(5) / 4;
  if (kind === 'decimal') return Math.round(rng.next() * 10) / 10;
  return kind === 'signed' ? rng.next() - 0.5 : rng.next();
}

/**
 * A random pool of M LLMs whose last column joins: gamma of every kind, costs with ties, and a
 * newcomer that is sometimes a copy of an old LLM, the cheapest, the dearest or without estimates.
 */
function randomPool(rng: Rng, n: number, M: number, kind: Kind) {
  const costs = Array.from({ length: M }, () => (kind === 'dyadic' ? 1 + rng.int(3) : Math.round(rng.next() * 1000) / 100));
  const gamma = Float64Array.from({ length: n * M }, () => value(rng, kind));
  const scores = Float64Array.from({ length: n * M }, () => rng.int(2));
  const x = M - 1;
  const twist = rng.int(6);
  if (twist === 0 && M > 1) {
    const h = rng.int(M - 1);
    costs[x] = costs[h];
    for (let p = 0; p < n; p++) gamma[p * M + x] = gamma[p * M + h];
  } else if (twist === 1) costs[x] = Math.min(...costs) / 2;
  else if (twist === 2) costs[x] = Math.max(...costs) * 2;
  else if (twist === 3) for (let p = 0; p < n; p++) gamma[p * M + x] = NaN;
  else if (twist === 4 && M > 1) costs[x] = costs[rng.int(M - 1)];
  return { costs, gamma, scores };
}

function both(gamma: Float64Array, scores: Float64Array, costs: number[], n: number, M: number, m0: number, groups?: SweepGroups) {
  const normaliser = Math.max(...costs.map(Math.abs), 1);
  const prev = buildSweep(
    blocks(gamma, M, M - 1, Math.min(m0, M - 1)),
    blocks(scores, M, M - 1, Math.min(m0, M - 1)),
    n,
    costs.slice(0, M - 1),
    normaliser,
    groups,
  );
  const g = blocks(gamma, M, M, Math.min(m0, M - 1));
  const s = blocks(scores, M, M, Math.min(m0, M - 1));
  return { prev, g, s, normaliser, want: buildSweep(g, s, n, costs, normaliser, groups) };
}

/** One path's switches (from, to, breakpoint, settled) and start, read off a sweep. */
function pathOf(sweep: DeferralSweep, t: number): string {
  const steps: number[][] = [];
  for (let e = 0; e < sweep.tag.length; e++)
    if (sweep.tag[e] === t) steps.push([sweep.from[e], sweep.to[e], sweep.lambda[e], sweep.settled[e]]);
  return JSON.stringify([sweep.starts[t], steps]);
}

describe('extendSweep', () => {
  it('equals buildSweep on the whole pool, per prompt, with every kind of tie', () => {
    const rng = createRng(17);
    const kinds: Kind[] = ['dyadic', 'decimal', 'continuous', 'signed'];
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + rng.int(40);
      const M = 2 + rng.int(7);
      const kind = kinds[trial % kinds.length];
      const { costs, gamma, scores } = randomPool(rng, n, M, kind);
      const { prev, g, s, normaliser, want } = both(gamma, scores, costs, n, M, 1 + rng.int(M));
      // The new LLM may be routed to; its scores are there, so both builds succeed.
      expect(extendSweep(prev, g, s, n, costs, normaliser), `trial ${trial} (${kind})`).toEqual(want);
    }
  });

  it('equals buildSweep with groups (UniRoute K-means clusters, ZeroRouter one group), empty groups included', () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 150; trial++) {
      const n = 1 + rng.int(60);
      const M = 2 + rng.int(6);
      const count = 1 + rng.int(8);
      const of = Int32Array.from({ length: n }, () => rng.int(count));
      const { costs, gamma, scores } = randomPool(rng, n, M, trial % 2 ? 'dyadic' : 'continuous');
      // Prompts of a group share the first prompt's gamma row, as buildSweep's groups require.
      const first = new Int32Array(count).fill(-1);
      for (let p = 0; p < n; p++) {
        if (first[of[p]] < 0) first[of[p]] = p;
        else gamma.copyWithin(p * M, first[of[p]] * M, first[of[p]] * M + M);
      }
      const groups = { of, count };
      const { prev, g, s, normaliser, want } = both(gamma, scores, costs, n, M, M - 1, groups);
      expect(extendSweep(prev, g, s, n, costs, normaliser, groups), `trial ${trial}`).toEqual(want);
    }
  });

  it('adds two LLMs one after the other as one build of the three-part pool', () => {
    const rng = createRng(9);
    for (let trial = 0; trial < 60; trial++) {
      const n = 5 + rng.int(50);
      const M = 4 + rng.int(4);
      const { costs, gamma, scores } = randomPool(rng, n, M, trial % 2 ? 'decimal' : 'continuous');
      const normaliser = Math.max(...costs);
      const m0 = M - 2;
      const first = buildSweep(blocks(gamma, M, m0, m0), blocks(scores, M, m0, m0), n, costs.slice(0, m0), normaliser);
      const one = extendSweep(first, blocks(gamma, M, M - 1, m0), blocks(scores, M, M - 1, m0), n, costs.slice(0, M - 1), normaliser);
      const two = extendSweep(one, blocks(gamma, M, M, m0), blocks(scores, M, M, m0), n, costs, normaliser);
      expect(two).toEqual(buildSweep(blocks(gamma, M, M, m0), blocks(scores, M, M, m0), n, costs, normaliser));
    }
  });

  it('flags every path the new LLM changes, keeps the others, and resumes most changed paths from their first changed switch', () => {
    const rng = createRng(23);
    let kept = 0;
    let resumed = 0;
    let total = 0;
    for (let trial = 0; trial < 200; trial++) {
      const n = 30;
      const M = 3 + rng.int(6);
      const { costs, gamma, scores } = randomPool(rng, n, M, trial % 2 ? 'dyadic' : 'continuous');
      const { prev, g, want } = both(gamma, scores, costs, n, M, M - 1);
      const plan = changedPaths(prev, g, Float64Array.from(costs), null);
      for (let t = 0; t < n; t++) {
        if (pathOf(prev, t) !== pathOf(want, t)) expect(plan.walk[t], `trial ${trial}, prompt ${t}`).not.toBe(KEEP);
        if (plan.walk[t] === KEEP) kept++;
        if (plan.walk[t] === RESUME) resumed++;
        total++;
      }
    }
    // Not every path is walked again (most prompts keep their path when one LLM joins), and many
    // changed paths keep the switches before the new LLM's first.
    expect(kept / total).toBeGreaterThan(0.3);
    expect(resumed / total).toBeGreaterThan(0.1);
  });

  it('catches a step the new LLM wins only by the tie rule (collinear, cheaper), where the next step would not show it', () => {
    // a (cost 10), b (3.5), c (0) and the newcomer x (2.6) lie on one line in decimal; in float64 x's
    // quotient from a equals b's, so the walk takes the cheaper x, while from b x's quotient rounds
    // above c's: only the tie rule at the step a -> b tells that the path changes.
    const row = Float64Array.of(0.56, 5.695, 8.46, 6.406000000000001);
    const costs = [10, 3.5, 0, 2.6];
    const ones = new Float64Array(4).fill(1);
    const prev = buildSweep(blocks(row, 4, 3, 3), blocks(ones, 4, 3, 3), 1, costs.slice(0, 3), 10);
    const want = buildSweep(blocks(row, 4, 4, 3), blocks(ones, 4, 4, 3), 1, costs, 10);
    expect([Array.from(prev.from), Array.from(prev.to)]).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect([Array.from(want.from), Array.from(want.to)]).toEqual([
      [0, 3],
      [3, 2],
    ]);
    expect(extendSweep(prev, blocks(row, 4, 4, 3), blocks(ones, 4, 4, 3), 1, costs, 10)).toEqual(want);
  });

  it('resumes a path with the clamps of its last kept switch, and keeps that switch before new ones at the same breakpoint', () => {
    // LLMs near one line: float rounding makes later quotients fall below earlier ones, so the walk
    // clamps breakpoints and settled values to the previous switch's. The first case resumes with
    // a kept and a new switch at one breakpoint (the kept one first, in path order); the others
    // need the breakpoint, then the settled value (not the breakpoint), carried into the resumed walk.
    const cases = [
      {
        cs: [8.8, 4.9, 8.6, 7.3, 1.8, 3, 0.8],
        row: [1.7159999999999993, 4.563, 1.8920000000000001, 2.811, 6.845999999999999, 5.949999999999999, 7.555999999999999],
      },
      { cs: [6.3, 9.3, 2.1, 8, 9.7, 1.7], row: [3.9730000000000003, 1.3429999999999995, 7.711, 2.46, 0.9470000000000007, 8.067] },
      { cs: [8.1, 3.3, 9.6, 2.1, 1.6], row: [1.476, 3.108, 0.9660000000000001, 3.5560000000000005, 3.6860000000000004] },
      { cs: [3.2, 5.5, 5.1, 5, 6.2, 4.8], row: [1.092, 0.99, 1.006, 1.01, 0.9620000000000001, 1.018] },
    ];
    for (const { cs, row } of cases) {
      const M = cs.length;
      const gamma = Float64Array.from(row);
      const scores = Float64Array.from({ length: M }, (_, h) => h % 2);
      const prev = buildSweep(blocks(gamma, M, M - 1, M - 1), blocks(scores, M, M - 1, M - 1), 1, cs.slice(0, M - 1), 10);
      const plan = changedPaths(prev, blocks(gamma, M, M, M - 1), Float64Array.from(cs), null);
      expect(plan.walk[0]).toBe(RESUME);
      const want = buildSweep(blocks(gamma, M, M, M - 1), blocks(scores, M, M, M - 1), 1, cs, 10);
      expect(extendSweep(prev, blocks(gamma, M, M, M - 1), blocks(scores, M, M, M - 1), 1, cs, 10)).toEqual(want);
    }
  });

  it('refuses a previous sweep of another shape, and a missing score of the new LLM where it is chosen', () => {
    const gamma = Float64Array.of(0.1, 0.5, 0.3, 0.2, 0.05, 0.4);
    const scores = Float64Array.of(1, 0, 1, 1, 1, 1);
    const costs = [3, 1, 2];
    const prev = buildSweep(blocks(gamma, 3, 2, 2), blocks(scores, 3, 2, 2), 2, costs.slice(0, 2), 3);
    expect(() => extendSweep(prev, blocks(gamma, 3, 2, 1), blocks(scores, 3, 2, 1), 2, costs.slice(0, 2), 3)).toThrow(/same 2 prompts/);
    const grouped = buildSweep(blocks(gamma, 3, 2, 2), blocks(scores, 3, 2, 2), 2, costs.slice(0, 2), 3, {
      of: Int32Array.of(0, 0),
      count: 2,
    });
    expect(() =>
      extendSweep(grouped, blocks(gamma, 3, 3, 2), blocks(scores, 3, 3, 2), 2, costs, 3, { of: Int32Array.of(0, 1), count: 2 }),
    ).toThrow('extendSweep needs the groups of the previous sweep');
    const missing = Float64Array.from(scores);
    missing[2] = NaN; // prompt 0 takes the new LLM (gamma 0.3 at cost 2) on its way to the cheapest
    expect(() => extendSweep(prev, blocks(gamma, 3, 3, 2), blocks(missing, 3, 3, 2), 2, costs, 3)).toThrow(
      'prompt 0 has no score for model 2, which it is routed to',
    );
  });
});
