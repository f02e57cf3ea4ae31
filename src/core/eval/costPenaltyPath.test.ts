/**
 * The fast cost-penalty walk every deferral sweep rests on: the staircase walk must make exactly
 * the choices of a plain full scan, and the radix sort of breakpoints must equal a stable
 * comparator sort.
 */
import { describe, expect, it } from 'vitest';
import { costOrder, eventOrder, newPathEvents, walkCostPenaltyPath } from './costPenaltyPath';
import { createRng, type Rng } from '../rng';

/** The walk as first written: scan every column for the smallest quotient (ties: cheaper, then earlier). */
function fullScan(gamma: Float64Array, m: number, costs: Float64Array): { start: number; steps: [number, number, number][] } {
  let a = -1;
  for (let h = 0; h < m; h++) {
    const g = gamma[h];
    if (!Number.isFinite(g)) continue;
    if (a < 0 || g < gamma[a] || (g === gamma[a] && costs[h] < costs[a])) a = h;
  }
  if (a < 0) {
    let cheapest = 0;
    for (let h = 1; h < m; h++) if (costs[h] < costs[cheapest]) cheapest = h;
    return { start: cheapest, steps: [] };
  }
  const start = a;
  const steps: [number, number, number][] = [];
  let previous = 0;
  for (;;) {
    let b = -1;
    let best = Infinity;
    for (let h = 0; h < m; h++) {
      if (!(costs[h] < costs[a]) || !Number.isFinite(gamma[h])) continue;
      const lambda = (gamma[h] - gamma[a]) / (costs[a] - costs[h]);
      if (b < 0 || lambda < best || (lambda === best && costs[h] < costs[b])) {
        b = h;
        best = lambda;
      }
    }
    if (b < 0) return { start, steps };
    if (best < previous) best = previous;
    steps.push([best, a, b]);
    previous = best;
    a = b;
  }
}

function randomRow(rng: Rng, m: number, kind: number): { gamma: Float64Array; costs: Float64Array } {
  const costs = Float64Array.from({ length: m }, () =>
    kind === 0 ? rng.int(3) : kind === 1 ? Math.round(rng.next() * 1000) / 100 : rng.next() * 5,
  );
  const gamma = Float64Array.from({ length: m }, () => {
    const r = rng.next();
    if (r < 0.05) return NaN;
    if (r < 0.08) return r < 0.065 ? Infinity : -Infinity;
    return kind === 0 ? rng.int(9) / 8 : kind === 3 ? rng.next() - 0.5 : rng.next();
  });
  return { gamma, costs };
}

describe('walkCostPenaltyPath (staircase walk)', () => {
  it('makes exactly the choices of a full scan, ties, NaN, infinities and negative gamma included', () => {
    const rng = createRng(31);
    const ev = newPathEvents(8);
    for (let trial = 0; trial < 20_000; trial++) {
      const m = 1 + rng.int(12);
      const { gamma, costs } = randomRow(rng, m, trial % 4);
      ev.length = 0;
      const start = walkCostPenaltyPath(gamma, 0, m, costs, costOrder(costs, m), ev, 7);
      const want = fullScan(gamma, m, costs);
      expect(start).toBe(want.start);
      const got = Array.from({ length: ev.length }, (_, i) => [ev.lambda[i], ev.from[i], ev.to[i]]);
      expect(got).toEqual(want.steps);
      for (let i = 0; i < ev.length; i++) expect(ev.tag[i]).toBe(7);
    }
  });

  it('walks a row in place at an offset and grows the event columns', () => {
    // Two rows of 3 LLMs (costs 3, 2, 1); row 1: gamma 0, 0.25, 1 -> 1 at (0.25 - 0) / 1, then 2 at (1 - 0.25) / 1.
    const gamma = Float64Array.from([9, 9, 9, 0, 0.25, 1]);
    const costs = Float64Array.from([3, 2, 1]);
    const ev = newPathEvents(0);
    expect(walkCostPenaltyPath(gamma, 3, 3, costs, costOrder(costs, 3), ev, 1)).toBe(0);
    expect(Array.from(ev.lambda.subarray(0, ev.length))).toEqual([0.25, 0.75]);
    expect(Array.from(ev.to.subarray(0, ev.length))).toEqual([1, 2]);
  });
});

describe('eventOrder (radix sort of breakpoints)', () => {
  it('equals a stable sort by lambda for small and large event lists', () => {
    const rng = createRng(5);
    for (const n of [1, 5, 63, 64, 65, 300, 5000]) {
      const ev = newPathEvents(n);
      ev.length = n;
      const pool = [0, -0, 1e-300, 5e-324, 0.125, 0.5, 1, 3, 1e9, Infinity, 2 ** -1074 * 3];
      for (let i = 0; i < n; i++) ev.lambda[i] = rng.next() < 0.5 ? pool[rng.int(pool.length)] : rng.next() * 10 ** (rng.int(40) - 20);
      const want = Array.from({ length: n }, (_, i) => i).sort((i, j) => ev.lambda[i] - ev.lambda[j] || i - j);
      expect(Array.from(eventOrder(ev))).toEqual(want);
    }
  });
});
