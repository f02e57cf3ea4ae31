import { describe, expect, it } from 'vitest';
import { bandPath, niceTicks } from './trustScales';
import { METRIC_COLUMNS, intervalText } from './metricColumns';

describe('band outline', () => {
  const x = (v: number) => v * 100;
  const y = (v: number) => 100 - v * 100;
  const clamp = (v: number) => Math.min(100, Math.max(0, v));

  it('runs along the upper ends left to right and back along the lower ends', () => {
    expect(bandPath({ cost: [0, 0.5, 1], lo: [0.1, 0.2, 0.3], hi: [0.4, 0.5, 0.6] }, x, y, clamp)).toBe(
      'M0.0,60.0L50.0,50.0L100.0,40.0L100.0,70.0L50.0,80.0L0.0,90.0Z',
    );
  });

  it('skips grid points without a band, clamps to the plot, and draws nothing from fewer than two points', () => {
    expect(bandPath({ cost: [0, 0.5, 1], lo: [NaN, -0.5, 0.3], hi: [0.4, 0.5, 1.5] }, x, y, clamp)).toBe(
      'M50.0,50.0L100.0,0.0L100.0,70.0L50.0,100.0Z',
    );
    expect(bandPath({ cost: [0], lo: [0.1], hi: [0.2] }, x, y, clamp)).toBe('');
  });
});

describe('axis ticks and intervals', () => {
  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-0.012, 0.19)).toEqual([0, 0.05, 0.1, 0.15]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('writes an interval in the column format, an open QNC end as "not reached"', () => {
    const col = (key: string) => METRIC_COLUMNS.find((c) => c.key === key)!;
    expect(intervalText(col('area'), [0.7552, 0.7979], 3)).toBe('[0.755, 0.798]');
    expect(intervalText(col('qnc'), [0.2368, null], 3)).toBe('[23.7%, not reached]');
  });
});
