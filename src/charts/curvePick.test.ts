import { describe, expect, it } from 'vitest';
import { distanceToSegment, pickCurve } from './curvePick';

// Two curves in px: A rises from (0, 100) to (100, 0); B is flat at y = 80.
const A = {
  line: [
    [0, 100],
    [50, 40],
    [100, 0],
  ] as [number, number][],
  vertices: [
    [50, 40],
    [100, 0],
  ] as [number, number][],
};
const B = {
  line: [
    [0, 80],
    [100, 80],
  ] as [number, number][],
  vertices: [
    [20, 80],
    [90, 80],
  ] as [number, number][],
};

describe('pickCurve', () => {
  it('measures the distance to a segment, clamped to its ends', () => {
    expect(distanceToSegment(5, 5, [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment(-3, 4, [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment(1, 1, [2, 2], [2, 2])).toBeCloseTo(Math.SQRT2, 12);
  });

  it('takes the curve whose line passes nearest, then its nearest own point', () => {
    expect(pickCurve([A, B], 80, 78)).toEqual({ curve: 1, vertex: 1 });
    expect(pickCurve([A, B], 45, 46)).toEqual({ curve: 0, vertex: 0 });
    // The flat start of A (no vertex there) still picks A, at its nearest point.
    expect(pickCurve([A, B], 10, 88)).toEqual({ curve: 0, vertex: 0 });
  });

  it('ignores a click away from every curve', () => {
    expect(pickCurve([A, B], 90, 40)).toBeNull();
    expect(pickCurve([{ line: A.line, vertices: [] }], 50, 40)).toBeNull();
  });
});
