import { describe, expect, it } from 'vitest';
import { penaltyAtPoint } from './pickPoint';

// A sweep by increasing lambda: each point holds from its costPenalty to the next one's.
const points = [
  { cost: 1, accuracy: 0.9, costPenalty: 0 },
  { cost: 0.4, accuracy: 0.85, costPenalty: 0.01 },
  { cost: 0.4, accuracy: 0.85, costPenalty: 0.02 },
  { cost: 0.1, accuracy: 0.7, costPenalty: 0.04 },
];

describe('penaltyAtPoint', () => {
  it('gives the lambda of the clicked front vertex from the sweep', () => {
    expect(penaltyAtPoint(points, 1, 0.9)).toMatchObject({ costPenalty: 0, from: 0, to: 0.01 });
    // The last point holds for every larger lambda: 2 x its start.
    expect(penaltyAtPoint(points, 0.1, 0.7)).toMatchObject({ costPenalty: 0.08, from: 0.04, to: Infinity });
  });

  it('takes the larger lambda of equal routings and the nearest point otherwise', () => {
    const same = penaltyAtPoint(points, 0.4, 0.85)!;
    expect([same.from, same.to]).toEqual([0.02, 0.04]);
    expect(same.costPenalty).toBeCloseTo(Math.sqrt(0.02 * 0.04), 15);
    expect(penaltyAtPoint(points, 0.12, 0.69)?.point).toBe(points[3]);
  });

  it('answers null for nothing to pick', () => {
    expect(penaltyAtPoint([], 0.1, 0.7)).toBeNull();
    expect(penaltyAtPoint(points, NaN, 0.7)).toBeNull();
  });
});
