import { describe, expect, it } from 'vitest';
import { clusterCountOf, dataBounds, defaultPointRadius, groupByCluster, projectToPixels } from './scatterLayout';

describe('dataBounds', () => {
  it('skips non-finite points', () => {
    expect(dataBounds([1, -2, NaN, 5], [0, 4, 100, Infinity])).toEqual({ minX: -2, maxX: 1, minY: 0, maxY: 4 });
  });
  it('widens a degenerate range and survives no data', () => {
    expect(dataBounds([3, 3], [1, 2])).toEqual({ minX: 2.5, maxX: 3.5, minY: 1, maxY: 2 });
    expect(dataBounds([], [])).toEqual({ minX: -1, maxX: 1, minY: -1, maxY: 1 });
  });
});

describe('projectToPixels', () => {
  it('maps the bounds onto the padded box with y flipped', () => {
    // box 120 x 70 with padding 10: x in [0, 10] -> [10, 110]; y in [0, 5] -> [60, 10].
    const { px, py } = projectToPixels([0, 10, 5, NaN], [0, 5, 2.5, 1], { minX: 0, maxX: 10, minY: 0, maxY: 5 }, 120, 70, 10);
    expect(Array.from(px.slice(0, 3))).toEqual([10, 110, 60]);
    expect(Array.from(py.slice(0, 3))).toEqual([60, 10, 35]);
    expect(Number.isNaN(px[3]) && Number.isNaN(py[3])).toBe(true);
  });
});

describe('groupByCluster', () => {
  it('groups indices per cluster in index order and drops unknown ids', () => {
    const { start, order } = groupByCluster(new Int32Array([2, 0, 2, -1, 1, 0, 9]), 3);
    expect(Array.from(start)).toEqual([0, 2, 3, 5]);
    expect(Array.from(order)).toEqual([1, 5, 4, 0, 2]);
  });
  it('counts clusters from the largest id', () => {
    expect(clusterCountOf(new Int32Array([0, 4, 2]))).toBe(5);
    expect(clusterCountOf(new Int32Array(0))).toBe(0);
  });
});

describe('defaultPointRadius', () => {
  it('shrinks points as the cloud grows', () => {
    expect([500, 2000, 10000, 40000].map(defaultPointRadius)).toEqual([3, 2.2, 1.6, 1.2]);
  });
});
