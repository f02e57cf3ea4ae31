import { describe, expect, it } from 'vitest';
import { percent, percentOrNotReached } from './textTable';

describe('percent', () => {
  it('prints a share with the given digits, n/a for a missing value, and never -0', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(0.1234, 2)).toBe('12.34%');
    expect(percent(-0.00001)).toBe('0.0%');
    expect(percent(-0.02)).toBe('-2.0%');
    expect(percent(null)).toBe('n/a');
    expect(percentOrNotReached(null)).toBe('not reached');
    expect(percentOrNotReached(0.5)).toBe('50.0%');
  });
});
