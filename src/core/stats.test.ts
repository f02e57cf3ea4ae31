import { describe, expect, it } from 'vitest';
import { columnMeansScored, meanScored, meanScoredRows } from './stats';
import { singleModelPoints, zeroRouterValAccuracy } from './eval';
import { knnFallback } from './routing/knn';
import { computeErrorProfiles, NO_EVIDENCE_ERROR } from './routing/errorProfile';
import { datasetSummary } from './explorer/summary';

const N = NaN;
// 3 rows x 3 columns: column 0 [1, 0, 1] -> 2/3, column 1 [N, 0.5, N] -> 0.5, column 2 never scored.
const values = Float64Array.from([1, N, N, 0, 0.5, N, 1, N, N]);

describe('means over scored cells', () => {
  it('skips NaN cells and returns the given empty value for a column without any', () => {
    expect(meanScored(values, 3, 0, -1)).toBe(2 / 3);
    expect(meanScored(values, 3, 1, -1)).toBe(0.5);
    expect(meanScored(values, 3, 2, -1)).toBe(-1);
    expect(meanScored(values, 3, 2, NaN)).toBeNaN();
    expect(meanScored(new Float64Array(0), 2, 1, 7)).toBe(7);
  });

  it('averages listed rows only, in list order', () => {
    const rows = Int32Array.from([2, 0, 1, 1]);
    expect(meanScoredRows(values, 3, 0, rows, 0, 2, -1)).toBe(1); // rows 2, 0
    expect(meanScoredRows(values, 3, 1, rows, 0, 2, -1)).toBe(-1); // rows 2, 0: both blank
    expect(meanScoredRows(values, 3, 1, rows, 1, 4, -1)).toBe(0.5); // rows 0, 1, 1
    expect(meanScoredRows(values, 3, 0, rows, 2, 2, 9)).toBe(9); // empty range
  });

  it('column means in one pass equal meanScored bit for bit, with their counts', () => {
    const { means, counts } = columnMeansScored(values, 3, 0.25);
    expect(Array.from(means)).toEqual([2 / 3, 0.5, 0.25]);
    expect(Array.from(counts)).toEqual([3, 1, 0]);
    const noisy = Float64Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? NaN : Math.sin(i) * 0.37));
    const m = 4;
    const all = columnMeansScored(noisy, m, NaN).means;
    for (let h = 0; h < m; h++) expect(all[h]).toBe(meanScored(noisy, m, h, NaN));
  });

  it('refuses a shape that does not fit', () => {
    expect(() => meanScored(values, 3, 3, 0)).toThrow('column 3 is not one of 3 columns');
    expect(() => meanScored(values, 0, 0, 0)).toThrow('column 0 is not one of 0 columns');
    expect(() => columnMeansScored(values, 4, 0)).toThrow('a matrix of 9 values does not have 4 columns');
  });
});

describe("every caller's value for a column without a score", () => {
  it('a single LLM point shows no accuracy: NaN', () => {
    expect(singleModelPoints(values, 3, [1, 1, 1], 1)[2].accuracy).toBeNaN();
  });

  it("ZeroRouter's validation accuracy: 0 (chosen only as the cheapest LLM)", () => {
    expect(zeroRouterValAccuracy(values, 3)).toEqual([2 / 3, 0.5, 0]);
  });

  it("K-NN's fallback and Psi's overall error: no evidence, 0.5", () => {
    expect(NO_EVIDENCE_ERROR).toBe(0.5);
    expect(Array.from(knnFallback(values, 3))).toEqual([2 / 3, 0.5, 0.5]);
    const profiles = computeErrorProfiles(Int32Array.from([0, 0, 1]), values, 3, 2, 1);
    expect(Array.from(profiles.overall)).toEqual([2 / 3, 0.5, 0.5]);
    expect(Array.from(profiles.psi.subarray(4, 6))).toEqual([0.5, 0.5]);
  });

  it("the Data view's accuracy of an LLM without a score: NaN", () => {
    const summary = datasetSummary({
      name: 'three',
      prompts: [0, 1, 2].map((p) => ({ id: `q${p}`, text: `prompt ${p}` })),
      models: ['a', 'b', 'c'].map((name) => ({ name, cost: 1 })),
      scores: values,
      costUnit: 'usd',
    });
    expect(summary.models.map((h) => h.accuracy)).toEqual([2 / 3, 0.5, NaN]);
    expect(summary.models.map((h) => h.scored)).toEqual([3, 1, 0]);
    expect(summary.blank).toBe(5);
  });
});
