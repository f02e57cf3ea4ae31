import { describe, expect, it } from 'vitest';
import { accuracyDomain, accuracyTicks, extendFlat, interpolateAt, simplifyCurve } from './curveData';

describe('extendFlat', () => {
  it('sorts, drops non-finite points and extends flat to 0 and xMax', () => {
    expect(
      extendFlat([
        [0.5, 0.8],
        [0.2, 0.6],
        [NaN, 0.9],
      ]),
    ).toEqual([
      [0, 0.6],
      [0.2, 0.6],
      [0.5, 0.8],
      [1, 0.8],
    ]);
  });
  it('adds nothing when the curve already spans the axis, and keeps empty curves empty', () => {
    expect(
      extendFlat([
        [0, 0.5],
        [1, 0.7],
      ]),
    ).toEqual([
      [0, 0.5],
      [1, 0.7],
    ]);
    expect(extendFlat([])).toEqual([]);
  });
});

describe('simplifyCurve', () => {
  it('drops collinear points and keeps corners', () => {
    // (0,0) (1,1) (2,2) (3,2): (1,1) is on the segment (0,0)-(2,2); (2,2) is the corner.
    expect(
      simplifyCurve(
        [
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 2],
        ],
        1e-9,
      ),
    ).toEqual([
      [0, 0],
      [2, 2],
      [3, 2],
    ]);
  });
  it('keeps a point just above tolerance and drops one just below', () => {
    // distance of (1, 0.1) from the x axis is 0.1
    expect(
      simplifyCurve(
        [
          [0, 0],
          [1, 0.1],
          [2, 0],
        ],
        0.05,
      ),
    ).toHaveLength(3);
    expect(
      simplifyCurve(
        [
          [0, 0],
          [1, 0.1],
          [2, 0],
        ],
        0.2,
      ),
    ).toEqual([
      [0, 0],
      [2, 0],
    ]);
  });
  it('bounds the error of a long concave curve at the tolerance', () => {
    // slope <= 0.3 / (2 sqrt(0.1)) = 0.47, so the vertical error <= 0.001 * sqrt(1 + 0.47^2) < 0.0012
    const pts: [number, number][] = Array.from({ length: 5000 }, (_, i) => [i / 4999, 0.5 + 0.3 * Math.sqrt(i / 4999 + 0.1)]);
    const simple = simplifyCurve(pts, 0.001);
    expect(simple.length).toBeLessThan(60);
    expect(simple[0]).toEqual(pts[0]);
    expect(simple[simple.length - 1]).toEqual(pts[4999]);
    for (let i = 0; i < pts.length; i += 37) expect(Math.abs(interpolateAt(simple, pts[i][0]) - pts[i][1])).toBeLessThan(0.0012);
  });
});

describe('interpolateAt', () => {
  const curve: [number, number][] = [
    [0.1, 0.5],
    [0.3, 0.7],
    [0.6, 0.76],
  ];
  it('interpolates linearly between breakpoints', () => {
    expect(interpolateAt(curve, 0.2)).toBeCloseTo(0.6, 12);
    expect(interpolateAt(curve, 0.5)).toBeCloseTo(0.74, 12);
    expect(interpolateAt(curve, 0.3)).toBeCloseTo(0.7, 12);
  });
  it('is flat outside the ends and NaN for an empty curve', () => {
    expect(interpolateAt(curve, 0)).toBe(0.5);
    expect(interpolateAt(curve, 0.9)).toBe(0.76);
    expect(Number.isNaN(interpolateAt([], 0.5))).toBe(true);
  });
});

describe('accuracyDomain', () => {
  it('pads the range and snaps outwards to 0.05 within [0, 1]', () => {
    // range 0.62..0.81, pad max(0.01, 0.0095) = 0.01 -> 0.61..0.82 -> [0.6, 0.85]
    expect(accuracyDomain([0.62, 0.7, 0.81, NaN])).toEqual([0.6, 0.85]);
    expect(accuracyDomain([0.02, 0.995])).toEqual([0, 1]);
    expect(accuracyDomain([])).toEqual([0, 1]);
  });
});

describe('accuracyTicks', () => {
  it('uses 5% steps on a 45% range and 20% steps on the full range', () => {
    // range 0.45: 0.45 / 0.05 = 9 steps > 8, so 0.1 steps from 0.5 -> 0.5 .. 0.9
    // range 0.25: 0.25 / 0.05 = 5 steps -> 0.05 steps
    expect(accuracyTicks([0.5, 0.95])).toEqual([0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(accuracyTicks([0.6, 0.85])).toEqual([0.6, 0.65, 0.7, 0.75, 0.8, 0.85]);
    expect(accuracyTicks([0, 1])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(accuracyTicks([0.5, 0.5])).toEqual([0.5]);
  });
});
