import { describe, expect, it } from 'vitest';
import { checkClusterCount } from './clusterCount';

const SPLIT = { train: 0.6, val: 0.1, test: 0.3 };

describe('checkClusterCount', () => {
  it('takes the sizes of the seeded split: 2,400 prompts at 60/10/30 give 1,440 training and 240 validation prompts', () => {
    const c = checkClusterCount(10, 2400, SPLIT);
    expect([c.trainPrompts, c.valPrompts, c.valPerCluster, c.largestSafeK]).toEqual([1440, 240, 24, 48]);
    expect(c.error).toBeNull();
    expect(c.warning).toBeNull();
  });

  it('refuses K outside [2, training prompts] with an inline message', () => {
    expect(checkClusterCount(1, 2400, SPLIT).error).toMatch(/at least 2/);
    expect(checkClusterCount(2.5, 2400, SPLIT).error).toMatch(/whole number/);
    expect(checkClusterCount(1440, 2400, SPLIT).error).toBeNull();
    expect(checkClusterCount(1441, 2400, SPLIT).error).toBe(
      'K = 1,441 is more than the 1,440 training prompts: k-means needs at least one prompt per cluster.',
    );
  });

  it('warns when the median cluster would hold fewer than 5 validation prompts', () => {
    // 240 validation prompts: K = 48 leaves 5 each, K = 49 fewer.
    expect(checkClusterCount(48, 2400, SPLIT).warning).toBeNull();
    const w = checkClusterCount(1000, 2400, SPLIT);
    expect(w.error).toBeNull();
    expect(w.valPerCluster).toBeCloseTo(0.24, 12);
    expect(w.warning).toContain('K = 1,000 leaves about 0.24 of the 240 validation prompts per cluster');
    expect(w.warning).toContain('K ≤ 48 keeps 5 per cluster');
    expect(checkClusterCount(49, 2400, SPLIT).warning).toContain('about 4.9 of the 240');
  });

  it('leaves auto alone', () => {
    const c = checkClusterCount('auto', 2400, SPLIT);
    expect(c.error).toBeNull();
    expect(c.warning).toBeNull();
  });
});
