import { describe, expect, it } from 'vitest';
import { oracleGamma } from '../routing/gamma';
import type { CurvePoint } from './curve';
import { deferralCurve } from './sweep';
import { curveMetrics, singleModelPoints, zeroRouterCurve, zeroRouterHull } from './metrics';

const pt = (cost: number, accuracy: number, costPenalty = 0): CurvePoint => ({ cost, accuracy, costPenalty });

describe('curveMetrics on a hand-worked curve', () => {
  // Front A (.25, .5), B (.5, .625), C (.75, .875); D (.625, .5) is dominated by B.
  const points = [pt(0.75, 0.875), pt(0.625, 0.5), pt(0.5, 0.625), pt(0.25, 0.5)];
  const base = { qncTarget: 0.75, aiqRange: [0.25, 1] as [number, number] };

  it('Area, Area(50%), QNC, AIQ and peak', () => {
    const m = curveMetrics(points, base);
    // Area: [0,.25] flat .5 -> .125; A-B .25 * (.5 + .625)/2 = .140625; B-C .25 * (.625 + .875)/2
    // = .1875; [.75, 1] flat .875 -> .21875; total .671875
    expect(m.area).toBe(0.671875);
    // Area(50%): .125 + .140625 = .265625 (not divided by .5)
    expect(m.area50).toBe(0.265625);
    // QNC for .75: on B-C, t = (.75 - .625) / .25 = .5 -> c~ = .625
    expect(m.qnc).toBe(0.625);
    // AIQ over [.25, 1]: the hull drops B (below the chord A-C, which is .6875 at .5);
    // A-C .5 * (.5 + .875)/2 = .34375, flat .875 on [.75, 1] = .21875; (.34375 + .21875) / .75 = .75
    expect(m.aiq).toBe(0.75);
    expect(m.peakAccuracy).toBe(0.875);
  });

  it('QNC: cheapest point when already reached, tolerance, null when never, other denominator', () => {
    // the flat extension below A is not used: reaching .5 costs .25, not 0 (our choice)
    expect(curveMetrics(points, { ...base, qncTarget: 0.5 }).qnc).toBe(0.25);
    expect(curveMetrics(points, { ...base, qncTarget: 0.875 }).qnc).toBe(0.75);
    expect(curveMetrics(points, { ...base, qncTarget: 0.875 + 1e-13 }).qnc).toBe(0.75);
    expect(curveMetrics(points, { ...base, qncTarget: 0.9 }).qnc).toBeNull();
    // denominator = cost of the most accurate LLM, say half the max cost: scale 2 -> 1.25
    expect(curveMetrics(points, { ...base, qncDenominatorScale: 2 }).qnc).toBe(1.25);
  });

  it('AIQ over other ranges, including an empty one', () => {
    // [.25, .75]: .34375 / .5 = .6875
    expect(curveMetrics(points, { ...base, aiqRange: [0.25, 0.75] }).aiq).toBe(0.6875);
    // zero-width range: the hull at .5, on the chord A-C: .5 + .25 * (.375 / .5) = .6875
    expect(curveMetrics(points, { ...base, aiqRange: [0.5, 0.5] }).aiq).toBe(0.6875);
  });

  it('rejects bad options and gives NaN / null for an empty curve', () => {
    expect(() => curveMetrics(points, { ...base, aiqRange: [1, 0.5] })).toThrow('c_min <= c_max');
    expect(() => curveMetrics(points, { ...base, qncDenominatorScale: 0 })).toThrow('qncDenominatorScale must be > 0');
    const empty = curveMetrics([], base);
    expect(empty.area).toBeNaN();
    expect(empty.qnc).toBeNull();
  });

  it('end to end on the tiny oracle curve', () => {
    // costs 1, 2, 3 (normaliser 3); scores p0 [0,1,1], p1 [0,0,0], p2 [1,1,0], p3 [0,0,1].
    // Oracle curve (see curve.test.ts): (7/12, .75), (5/12, .5), (1/3, .25), all on the front.
    const scores = Float64Array.from([0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1]);
    const curve = deferralCurve(oracleGamma(scores), scores, 3, [1, 2, 3], 3);
    // Most accurate single LLM: h1 and h2 at .5 -> qncTarget .5, reached at 5/12.
    // Area = 1/12 (flat .25) + 1/32 + 5/48 + 5/16 (flat .75 over 5/12) = 51/96
    // Area50 = 1/12 + 1/32 + 1/12 * (.5 + .625)/2 = 31/192
    // AIQ over [1/3, 1]: the front is concave (slopes 3, 1.5) -> (1/32 + 5/48 + 5/16) / (2/3) = 43/64
    const m = curveMetrics(curve, { qncTarget: 0.5, aiqRange: [1 / 3, 1] });
    expect(m.area).toBeCloseTo(51 / 96, 15);
    expect(m.area50).toBeCloseTo(31 / 192, 15);
    expect(m.qnc).toBeCloseTo(5 / 12, 15);
    expect(m.aiq).toBeCloseTo(43 / 64, 15);
    expect(m.peakAccuracy).toBe(0.75);
  });
});

describe('ZeroRouter', () => {
  // LLMs (cost, validation accuracy): h0 (1, .5), h1 (2, .625), h2 (3, .875), h3 (4, .75),
  // h4 (1, .25), h5 (3, .875) a later duplicate of h2.
  // Most accurate: h2 (h5 ties and comes later); cheapest: h0 (h4 same cost, less accurate).
  // h1 is below the hull: the chord h0-h2 is .6875 at cost 2. h3 costs more than h2 for less.
  const costs = [1, 2, 3, 4, 1, 3];
  const val = [0.5, 0.625, 0.875, 0.75, 0.25, 0.875];
  const test = [0.4, 0.7, 0.9, 0.95, 0.1, 0.3];

  it('keeps the non-decreasing upper concave hull with the switching penalties', () => {
    // From h2 to h0 at (.875 - .5) / (3 - 1) = .1875 accuracy per cost unit.
    expect(zeroRouterHull(val, costs)).toEqual({ models: [2, 0], costPenalty: [0, 0.1875] });
    // h1 at .75 lies above the chord: h2 -> h1 at .125 / 1, then h1 -> h0 at .25 / 1
    expect(zeroRouterHull([0.5, 0.75, 0.875, 0.75, 0.25, 0.875], costs)).toEqual({ models: [2, 1, 0], costPenalty: [0, 0.125, 0.25] });
    // h1 at .6875 is on the chord: collinear points are dropped
    expect(zeroRouterHull([0.5, 0.6875, 0.875, 0.75, 0.25, 0.875], costs).models).toEqual([2, 0]);
  });

  it('places the hull LLMs at their test cost and accuracy, and the metric code reads it', () => {
    const curve = zeroRouterCurve(val, test, costs, 4);
    expect(curve).toEqual([pt(0.75, 0.9, 0), pt(0.25, 0.4, 0.1875)]);
    // Area: .25 * .4 + .5 * (.4 + .9)/2 + .25 * .9 = .1 + .325 + .225 = .65 (random mixing in between)
    const m = curveMetrics(curve, { qncTarget: 0.95, aiqRange: [0.25, 1] });
    expect(m.area).toBeCloseTo(0.65, 15);
    expect(m.qnc).toBeNull(); // h3 (.95 on test) is not on the validation hull
  });

  it('a hull LLM dominated on the test prompts drops out of the front, as for any curve', () => {
    const curve = zeroRouterCurve(val, [0.4, 0.7, 0.3, 0.95, 0.1, 0.3], costs, 4);
    expect(curveMetrics(curve, { qncTarget: 0.4, aiqRange: [0.25, 1] }).area).toBeCloseTo(0.4, 15);
  });

  it('validates its inputs', () => {
    expect(() => zeroRouterCurve([0.5], [0.5, 0.5], [1], 1)).toThrow('testAccuracy has 2 values but valAccuracy has 1');
    expect(() => zeroRouterCurve([0.5], [0.5], [1], 0)).toThrow('normaliser');
  });
});

describe('singleModelPoints', () => {
  it('normalises cost and averages the scored prompts of each LLM', () => {
    // 3 prompts x 3 LLMs: h0 [1, 0, 1] -> 2/3, h1 [NaN, 1, NaN] -> 1, h2 never scored -> NaN
    const N = NaN;
    const points = singleModelPoints(Float64Array.from([1, N, N, 0, 1, N, 1, N, N]), 3, [1, 2, 4], 4);
    expect(points[0]).toEqual({ cost: 0.25, accuracy: 2 / 3 });
    expect(points[1]).toEqual({ cost: 0.5, accuracy: 1 });
    expect(points[2].cost).toBe(1);
    expect(points[2].accuracy).toBeNaN();
  });
});
