import { describe, expect, it } from 'vitest';
import { frontAbove } from './offFront';

const front = [
  { cost: 0.1, accuracy: 0.5 },
  { cost: 0.3, accuracy: 0.7 },
  { cost: 0.6, accuracy: 0.8 },
];

describe('frontAbove', () => {
  it('finds the most accurate front point at no more cost when it beats the operating point', () => {
    expect(frontAbove(front, { cost: 0.5, accuracy: 0.65 })).toEqual({ cost: 0.3, accuracy: 0.7 });
    expect(frontAbove(front, { cost: 0.6, accuracy: 0.75 })).toEqual({ cost: 0.6, accuracy: 0.8 });
  });

  it('is null on the front, above it, or cheaper than every front point', () => {
    expect(frontAbove(front, { cost: 0.3, accuracy: 0.7 })).toBeNull();
    expect(frontAbove(front, { cost: 0.4, accuracy: 0.72 })).toBeNull();
    expect(frontAbove(front, { cost: 0.05, accuracy: 0.2 })).toBeNull();
    expect(frontAbove([], { cost: 1, accuracy: 0 })).toBeNull();
  });
});
