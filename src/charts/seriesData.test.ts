import { describe, expect, it } from 'vitest';
import { seriesRows } from './seriesData';

describe('seriesRows', () => {
  it('makes one row per step, 1-based, with null gaps for missing and non-finite values', () => {
    expect(
      seriesRows([
        { id: 'train', values: [0.9, 0.7, 0.6] },
        { id: 'validation', values: new Float64Array([1.0, NaN]) },
      ]),
    ).toEqual([
      { step: 1, train: 0.9, validation: 1.0 },
      { step: 2, train: 0.7, validation: null },
      { step: 3, train: 0.6, validation: null },
    ]);
  });
  it('is empty without values', () => {
    expect(seriesRows([])).toEqual([]);
    expect(seriesRows([{ id: 'inertia', values: [] }])).toEqual([]);
  });
});
