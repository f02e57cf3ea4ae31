import { describe, expect, it } from 'vitest';
import {
  cellAt,
  cellValueLabel,
  costOrder,
  fitCellSize,
  isLowEvidence,
  labelStep,
  meanError,
  modelOrder,
  rowHeightFor,
  bestPerCluster,
  sortCluster,
  labelWidthFor,
} from './heatmapLayout';

// 3 models x 2 clusters, model-major psi[h * 2 + k].
//   model 0 (cost 5): psi [0.2, 0.4], counts [1, 3] -> weighted mean (0.2 + 1.2) / 4 = 0.35, plain 0.3
//   model 1 (cost 1): psi [0.5, 0.5], counts [2, 2] -> 0.5
//   model 2 (cost 1): psi [NaN, 0.1], counts [0, 4] -> 0.1 (NaN cell skipped)
const psi = [0.2, 0.4, 0.5, 0.5, NaN, 0.1];
const counts = [1, 3, 2, 2, 0, 4];
const costs = [5, 1, 1];

describe('meanError', () => {
  it('weights by validation counts and skips NaN cells', () => {
    expect(meanError(psi, counts, 0, 2)).toBeCloseTo(0.35, 12);
    expect(meanError(psi, undefined, 0, 2)).toBeCloseTo(0.3, 12);
    expect(meanError(psi, counts, 2, 2)).toBeCloseTo(0.1, 12);
    expect(Number.isNaN(meanError([NaN, NaN], undefined, 0, 2))).toBe(true);
  });
});

describe('modelOrder', () => {
  it('keeps the input order, sorts by cost (ties by index), or by accuracy', () => {
    expect(modelOrder(costs, psi, counts, 2, 'input')).toEqual([0, 1, 2]);
    expect(modelOrder(costs, psi, counts, 2, 'cost')).toEqual([1, 2, 0]);
    // errors 0.35, 0.5, 0.1 -> most accurate first: 2, 0, 1
    expect(modelOrder(costs, psi, counts, 2, 'accuracy')).toEqual([2, 0, 1]);
  });
  it('sorts by the error on one cluster column, cells without data last', () => {
    // cluster 0: 0.2, 0.5, NaN -> 0, 1, 2; cluster 1: 0.4, 0.5, 0.1 -> 2, 0, 1
    expect(modelOrder(costs, psi, counts, 2, 'cluster:0')).toEqual([0, 1, 2]);
    expect(modelOrder(costs, psi, counts, 2, 'cluster:1')).toEqual([2, 0, 1]);
    expect(sortCluster('cluster:12')).toBe(12);
    expect(sortCluster('cost')).toBeNull();
  });
  it('puts models without any profile last when sorting by accuracy', () => {
    expect(modelOrder([1, 1], [NaN, 0.9], undefined, 1, 'accuracy')).toEqual([1, 0]);
  });
});

describe('bestPerCluster', () => {
  it('marks the lowest error of each column, every row on a tie, none for a column without data', () => {
    expect(bestPerCluster(psi, 2, [0, 1, 2])).toEqual([[0], [2]]);
    expect(bestPerCluster([0.3, 0.3, 0.1, NaN, 0.1, NaN], 2, [0, 1, 2])).toEqual([[1, 2], [0]]);
    expect(bestPerCluster([NaN, NaN], 1, [0, 1])).toEqual([[]]);
    // Only the rows shown count.
    expect(bestPerCluster(psi, 2, [0, 1])).toEqual([[0], [0]]);
  });
});

describe('labelWidthFor', () => {
  it('fits the longest label, within [180 px, 40% of the panel]', () => {
    // 'mistralai/mixtral-8x7b-chat (test) 0.6': 38 characters -> ceil(38 * 6.2) + 28 = 264 px
    expect(labelWidthFor(['small', 'mistralai/mixtral-8x7b-chat (test) 0.6'], 1400)).toBe(264);
    expect(labelWidthFor(['a'], 1400)).toBe(180);
    expect(labelWidthFor(['x'.repeat(100)], 1000)).toBe(400);
  });
});

describe('costOrder', () => {
  it('sorts by cost with ties in input order and NaN costs last', () => {
    expect(costOrder([3, NaN, 1, 3, 0])).toEqual([4, 2, 0, 3, 1]);
    expect(costOrder([])).toEqual([]);
  });
});

describe('cell geometry', () => {
  it('fits cells to the width within [min, max]', () => {
    expect(fitCellSize(500, 50, 6, 28)).toBe(10);
    expect(fitCellSize(100, 50, 6, 28)).toBe(6); // too narrow: min, the grid scrolls
    expect(fitCellSize(1000, 4, 6, 28)).toBe(28);
    expect(fitCellSize(1000, 0, 6, 28)).toBe(28);
  });
  it('hit-tests grid-local pixels', () => {
    expect(cellAt(0, 0, 10, 16, 3, 4)).toEqual({ row: 0, col: 0 });
    expect(cellAt(39.9, 47.9, 10, 16, 3, 4)).toEqual({ row: 2, col: 3 });
    expect(cellAt(40, 10, 10, 16, 3, 4)).toBeNull();
    expect(cellAt(5, 48, 10, 16, 3, 4)).toBeNull();
    expect(cellAt(-1, 5, 10, 16, 3, 4)).toBeNull();
  });
  it('thins column labels to 1, 2, 5, 10... steps', () => {
    expect(labelStep(24)).toBe(1);
    expect(labelStep(12)).toBe(2); // 20/12 = 1.7
    expect(labelStep(6)).toBe(5); // 3.3
    expect(labelStep(3)).toBe(10); // 6.7
    expect(labelStep(1)).toBe(20);
  });
  it('flags low-evidence cells only when counts are known', () => {
    expect(isLowEvidence(counts, 0, 2)).toBe(true);
    expect(isLowEvidence(counts, 2, 2)).toBe(false);
    expect(isLowEvidence(undefined, 0, 2)).toBe(false);
  });
});

describe('rowHeightFor and cellValueLabel', () => {
  it('gives few LLMs taller rows and many LLMs denser ones', () => {
    expect([1, 16, 17, 32, 33, 112].map(rowHeightFor)).toEqual([28, 28, 22, 22, 18, 18]);
  });

  it('writes the error as a rounded percentage only where it fits', () => {
    expect(cellValueLabel(0.234, 60, 28)).toBe('23%');
    expect(cellValueLabel(0.235, 30, 28)).toBe('24'); // narrow: no % sign
    expect(cellValueLabel(0.5, 20, 28)).toBe(''); // too narrow
    expect(cellValueLabel(0.5, 60, 14)).toBe(''); // too short
    expect(cellValueLabel(Number.NaN, 60, 28)).toBe('');
    expect(cellValueLabel(1.2, 60, 28)).toBe('100%'); // clamped like the colour
  });
});
