import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import { routeAt, routingSummary } from '../routing/route';
import { asBlocks, type ColumnBlocks } from './blocks';
import { paretoFront } from './curve';
import { buildSweep, choiceAt, deferralCurve, pointAt, replayAt, replayIndex, sweepCurve, sweepPoints, type SweepGroups } from './sweep';

/** n prompts in K clusters; gamma rows shared within a cluster (UniRoute K-means), random 0/1 scores. */
function clustered(n: number, m: number, k: number, seed: number) {
  const rng = createRng(seed);
  const psi = Float64Array.from({ length: k * m }, () => Math.round(rng.next() * 20) / 20);
  const groupOf = Int32Array.from({ length: n }, () => rng.int(k));
  const gamma = new Float64Array(n * m);
  for (let p = 0; p < n; p++) for (let h = 0; h < m; h++) gamma[p * m + h] = psi[groupOf[p] * m + h];
  const scores = Float64Array.from({ length: n * m }, () => (rng.next() < 0.6 ? 1 : 0));
  const costs = Array.from({ length: m }, () => Math.round(rng.next() * 100) / 10);
  return { gamma, scores, costs, groupOf };
}

/** The same n x m matrix as a block of its first m0 columns plus one array per further column. */
function split(matrix: Float64Array, m: number, m0: number): ColumnBlocks {
  const n = matrix.length / m;
  const base = new Float64Array(n * m0);
  for (let p = 0; p < n; p++) base.set(matrix.subarray(p * m, p * m + m0), p * m0);
  const columns = Array.from({ length: m - m0 }, (_, j) => Float64Array.from({ length: n }, (_, p) => matrix[p * m + m0 + j]));
  return { base, m0, columns };
}

/** 0, every breakpoint, just below and above it, midpoints, far beyond and +infinity. */
function probes(penalties: Float64Array): number[] {
  return [
    0,
    ...Array.from(penalties).flatMap((b, i) => [
      b,
      b * (1 - 1e-12),
      b * (1 + 1e-12),
      i + 1 < penalties.length ? (b + penalties[i + 1]) / 2 : 2 * b + 1,
    ]),
    Infinity,
  ];
}

function randomRouter(rng: Rng, n: number, m: number, dyadic: boolean) {
  const costs = Array.from({ length: m }, () => (dyadic ? 1 + rng.int(3) : Math.round(rng.next() * 1000) / 100));
  const gamma = Float64Array.from({ length: n * m }, () => (rng.next() < 0.05 ? NaN : dyadic ? rng.int(9) / 8 : rng.next()));
  const scores = Float64Array.from({ length: n * m }, () => rng.int(2));
  return { costs, gamma, scores };
}

describe('buildSweep', () => {
  it('gives the points of routeAt + routingSummary on [costPenalty, next), plain or in column blocks', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + rng.int(30);
      const m = 1 + rng.int(5);
      const { costs, gamma, scores } = randomRouter(rng, n, m, trial % 2 === 0);
      const normaliser = Math.max(...costs);
      const sweep = buildSweep(asBlocks(gamma, m), asBlocks(scores, m), n, costs, normaliser);
      const m0 = 1 + rng.int(m);
      const blocks = buildSweep(split(gamma, m, m0), split(scores, m, m0), n, costs, normaliser);
      expect(sweepPoints(blocks)).toEqual(sweepPoints(sweep));
      sweepPoints(sweep).forEach((pt, i) => {
        const s = routingSummary(routeAt(gamma, m, costs, pt.costPenalty), scores, m, costs);
        expect(pt.cost, `point ${i}`).toBeCloseTo(s.meanCost / normaliser, 12);
        expect(pt.accuracy).toBeCloseTo(s.accuracy, 12);
      });
    }
  });

  it('in groups, gives the per-prompt points (to rounding) with one path per group', () => {
    for (const seed of [1, 2, 3]) {
      const { gamma, scores, costs, groupOf } = clustered(500, 7, 6, seed);
      const normaliser = Math.max(...costs);
      const want = deferralCurve(gamma, scores, 7, costs, normaliser);
      const got = sweepPoints(buildSweep(asBlocks(gamma, 7), asBlocks(scores, 7), 500, costs, normaliser, { of: groupOf, count: 6 }));
      expect(got.length).toBe(want.length);
      got.forEach((p, i) => {
        expect(p.cost).toBeCloseTo(want[i].cost, 12);
        expect(p.accuracy).toBeCloseTo(want[i].accuracy, 12);
        expect(p.costPenalty).toBe(want[i].costPenalty);
      });
    }
  });

  it('skips empty groups, refuses a chosen LLM without a score and a bad group id', () => {
    const gamma = asBlocks(Float64Array.from([0.1, 0.5, 0.1, 0.5]), 2);
    const groups: SweepGroups = { of: Int32Array.from([1, 1]), count: 2 };
    // Two prompts of group 1 (group 0 empty); LLM 0 (cost 2) is better, LLM 1 (cost 1) cheaper:
    // switch at lambda = 0.4. Scores: LLM 0 right on both, LLM 1 right on one.
    const sweep = buildSweep(gamma, asBlocks(Float64Array.from([1, 1, 1, 0]), 2), 2, [2, 1], 2, groups);
    expect(sweepPoints(sweep).map((p) => [p.cost, p.accuracy])).toEqual([
      [1, 1],
      [0.5, 0.5],
    ]);
    expect(sweep.costPenalty[1]).toBeCloseTo(0.4, 12);
    expect(Array.from(sweep.starts)).toEqual([-1, 0]);
    expect(() => buildSweep(gamma, asBlocks(Float64Array.from([NaN, 1, 1, 0]), 2), 2, [2, 1], 2, groups)).toThrow(
      'a prompt of group 1 has no score for model 0, which it is routed to',
    );
    expect(() => buildSweep(gamma, asBlocks(Float64Array.from([1, 1, NaN, 0]), 2), 2, [2, 1], 2)).toThrow(
      'prompt 1 has no score for model 0, which it is routed to',
    );
    expect(() =>
      buildSweep(gamma, asBlocks(Float64Array.from([1, 1, 1, 0]), 2), 2, [2, 1], 2, { of: Int32Array.from([1, 2]), count: 2 }),
    ).toThrow('group 2 of prompt 1 is outside [0, 2)');
    expect(() => buildSweep(gamma, gamma, 2, [2, 1], 0)).toThrow('normaliser (max test-pool cost) must be a finite number > 0, got 0');
  });

  it('has no points and no choices without prompts', () => {
    const none = asBlocks(new Float64Array(0), 3);
    const sweep = buildSweep(none, none, 0, [1, 2, 3], 3);
    expect(sweepPoints(sweep)).toEqual([]);
    expect(pointAt(sweep, 1)).toBe(-1);
    expect(choiceAt(sweep, 1)).toEqual(new Int32Array(0));
    expect(deferralCurve(new Float64Array(0), new Float64Array(0), 3, [1, 2, 3], 3)).toEqual([]);
  });
});

describe('sweepCurve', () => {
  it('gives paretoFront(points) now and every point on first read, sharing the front objects', () => {
    const { gamma, scores, costs } = clustered(300, 5, 4, 9);
    const sweep = buildSweep(asBlocks(gamma, 5), asBlocks(scores, 5), 300, costs, Math.max(...costs));
    const curve = sweepCurve(sweep);
    const points = sweepPoints(sweep);
    expect(curve.front).toEqual(paretoFront(points));
    expect(curve.points()).toEqual(points);
    expect(curve.points()).toBe(curve.points());
    for (const pt of curve.front) expect(curve.points()).toContain(pt);
  });
});

describe('choiceAt and replayAt (the sweep read at one lambda)', () => {
  it("equal routeAt's choices and counts at every breakpoint, between them and at +infinity", () => {
    const rng = createRng(11);
    let compared = 0;
    for (let trial = 0; trial < 80; trial++) {
      const n = 1 + rng.int(25);
      const m = 1 + rng.int(5);
      const grouped = trial % 3 === 0;
      const { costs, gamma, scores } = randomRouter(rng, n, m, trial % 2 === 0);
      let groups: SweepGroups | undefined;
      if (grouped) {
        // Prompts of a group share the gamma row of the group's first prompt.
        const count = 1 + rng.int(4);
        groups = { of: Int32Array.from({ length: n }, () => rng.int(count)), count };
        const first = new Int32Array(count).fill(-1);
        for (let p = 0; p < n; p++) {
          const g = groups.of[p];
          if (first[g] < 0) first[g] = p;
          else gamma.copyWithin(p * m, first[g] * m, first[g] * m + m);
        }
      }
      const flagged = Uint8Array.from({ length: n * m }, () => (rng.next() < 0.2 ? 1 : 0));
      const sweep = buildSweep(asBlocks(gamma, m), asBlocks(scores, m), n, costs, Math.max(...costs), groups);
      const index = replayIndex(sweep, flagged);
      for (const lambda of probes(sweep.costPenalty)) {
        const want = routeAt(gamma, m, costs, lambda);
        expect(Array.from(choiceAt(sweep, lambda)), `lambda ${lambda}`).toEqual(Array.from(want));
        const counts = new Int32Array(m);
        const got = replayAt(index, lambda, counts);
        const wantCounts = new Int32Array(m);
        let wantFlagged = 0;
        want.forEach((h, p) => {
          wantCounts[h]++;
          wantFlagged += flagged[p * m + h];
        });
        expect(Array.from(counts)).toEqual(Array.from(wantCounts));
        expect(got.flagged).toBe(wantFlagged);
        expect(got.point).toBe(pointAt(sweep, lambda));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('reads the hand-checked two-LLM switch at lambda = 0.4 (ties go to the cheaper LLM)', () => {
    // Prompt 0: gamma (0.1, 0.5), costs (2, 1): LLM 0 below 0.4, LLM 1 from 0.4 on. Prompt 1: LLM 1 always.
    const sweep = buildSweep(
      asBlocks(Float64Array.from([0.1, 0.5, 0.9, 0.5]), 2),
      asBlocks(Float64Array.from([1, 1, 1, 1]), 2),
      2,
      [2, 1],
      2,
    );
    const at = sweep.costPenalty[1];
    expect(at).toBeCloseTo(0.4, 12);
    expect(Array.from(choiceAt(sweep, 0))).toEqual([0, 1]);
    expect(Array.from(choiceAt(sweep, at))).toEqual([1, 1]);
    expect(Array.from(choiceAt(sweep, Infinity))).toEqual([1, 1]);
    expect(() => pointAt(sweep, -1)).toThrow('costPenalty must be >= 0, got -1');
    expect(() => choiceAt(sweep, NaN)).toThrow('costPenalty must be >= 0, got NaN');
  });
});
