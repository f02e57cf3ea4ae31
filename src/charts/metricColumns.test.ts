import { describe, expect, it } from 'vitest';
import { METRIC_COLUMNS, bestRows, type MetricRow } from './metricColumns';

const row = (id: string, area: number, qnc: number | null, peakAccuracy = 0.8): MetricRow => ({
  id,
  label: id,
  area,
  area50: area / 2,
  qnc,
  aiq: area,
  peakAccuracy,
});

describe('bestRows', () => {
  it('picks the highest Area / AIQ / peak and the lowest reached QNC', () => {
    const best = bestRows([row('zero', 0.6, null, 0.78), row('knn', 0.64, 0.46, 0.8), row('kmeans', 0.65, 0.34, 0.8)]);
    expect(best).toEqual({ area: 'kmeans', area50: 'kmeans', qnc: 'kmeans', aiq: 'kmeans', peakAccuracy: 'knn' }); // 0.8 tie: first
  });
  it('never marks a bound (the oracle) best: the bold goes to the best real method', () => {
    const oracle = { ...row('oracle', 0.9, 0.1, 0.99), bound: true };
    const best = bestRows([oracle, row('knn', 0.64, 0.46, 0.8), row('kmeans', 0.65, 0.34, 0.81)]);
    expect(best).toEqual({ area: 'kmeans', area50: 'kmeans', qnc: 'kmeans', aiq: 'kmeans', peakAccuracy: 'kmeans' });
    expect(bestRows([oracle])).toEqual({});
  });
  it('leaves a column out when no row has a value there', () => {
    expect(bestRows([row('a', 0.5, null)]).qnc).toBeUndefined();
    expect(bestRows([])).toEqual({});
  });
});

describe('METRIC_COLUMNS', () => {
  it('formats QNC and peak accuracy as percentages and the areas with fixed decimals', () => {
    const byKey = Object.fromEntries(METRIC_COLUMNS.map((c) => [c.key, c]));
    expect(byKey.area.format(0.6523, 3)).toBe('0.652');
    expect(byKey.qnc.format(0.337, 3)).toBe('33.7%');
    expect(byKey.qnc.format(null, 3)).toBe('—');
    expect(byKey.peakAccuracy.format(0.815, 3)).toBe('81.5%');
    expect(METRIC_COLUMNS.map((c) => c.label)).toEqual(['Area', 'Area (50%)', 'QNC', 'AIQ', 'Peak acc.']);
  });
});
