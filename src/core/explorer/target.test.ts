import { describe, expect, it } from 'vitest';
import type { CurvePoint } from '../eval';
import { describeTarget, parseTargetPercent, peakAccuracy, penaltyForAccuracy, penaltyForBudget, penaltyForPoint } from './target';

// The fixture's K-means curve (normaliser 10): (1.0, 1) from 0, (0.55, 1) from 1/54, (0.15, 1) from 1/48, (0.1, 0.5) from 2/3.
const POINTS: CurvePoint[] = [
  { cost: 1, accuracy: 1, costPenalty: 0 },
  { cost: 0.55, accuracy: 1, costPenalty: 1 / 54 },
  { cost: 0.15, accuracy: 1, costPenalty: 1 / 48 },
  { cost: 0.1, accuracy: 0.5, costPenalty: 2 / 3 },
];

describe('target fields refuse what is out of range', () => {
  it('takes a percentage from 0 to 100 (a trailing % allowed)', () => {
    expect(parseTargetPercent('accuracy', '80')).toEqual({ ok: true, value: 0.8 });
    expect(parseTargetPercent('budget', ' 12.5% ')).toEqual({ ok: true, value: 0.125 });
    expect(parseTargetPercent('budget', '0')).toEqual({ ok: true, value: 0 });
    expect(parseTargetPercent('accuracy', '100')).toEqual({ ok: true, value: 1 });
  });

  it('refuses -5% and 150% with a message instead of clamping them', () => {
    expect(parseTargetPercent('accuracy', '-5')).toEqual({
      ok: false,
      message: '-5% is out of range: an accuracy lies between 0% and 100%. Enter an accuracy between 0% and 100%.',
    });
    expect(parseTargetPercent('budget', '150')).toEqual({
      ok: false,
      message:
        '150% is out of range: no routing costs more than its most expensive LLM (100%). Enter a budget (as a share of the most expensive pool LLM’s cost) between 0% and 100%.',
    });
    expect(parseTargetPercent('budget', '-1')).toMatchObject({ ok: false, message: expect.stringContaining('a cost cannot be negative') });
    expect(parseTargetPercent('accuracy', '')).toEqual({ ok: false, message: 'Enter an accuracy between 0% and 100%.' });
    expect(parseTargetPercent('accuracy', 'abc')).toEqual({
      ok: false,
      message: '"abc" is not a number: enter an accuracy between 0% and 100%.',
    });
  });
});

describe('target results read as sentences', () => {
  it('names lambda, what it gives and the band of lambda that gives it', () => {
    const choice = penaltyForAccuracy(POINTS, 1);
    expect(describeTarget('accuracy', 1, choice, POINTS, 10, 'usd')).toBe(
      "λ = 0.118: accuracy 100.00% at 15.0% of the most expensive pool LLM's cost (mean cost per prompt 1.5 usd). " +
        'Every λ from 0.0208 to just under 0.667 gives this routing.',
    );
    expect(describeTarget('budget', 0.12, penaltyForBudget(POINTS, 0.12), POINTS, 10, '')).toBe(
      "λ = 1.33: accuracy 50.00% at 10.0% of the most expensive pool LLM's cost (mean cost per prompt 1). Every λ from 0.667 up gives this routing.",
    );
    expect(describeTarget('accuracy', 1, penaltyForPoint(POINTS, 0), POINTS, 10, '')).toBe(
      "λ = 0: accuracy 100.00% at 100.0% of the most expensive pool LLM's cost (mean cost per prompt 10). Every λ below 0.0185 gives this routing.",
    );
  });

  it('uses as many digits as keep a narrow band apart, never "[0.00664, 0.00664)"', () => {
    const narrow: CurvePoint[] = [
      { cost: 1, accuracy: 0.9, costPenalty: 0 },
      { cost: 0.5, accuracy: 0.8, costPenalty: 0.0066401 },
      { cost: 0.4, accuracy: 0.7, costPenalty: 0.0066402 },
    ];
    expect(describeTarget('accuracy', 0.8, penaltyForPoint(narrow, 1), narrow, 1, '')).toContain(
      'Every λ from 0.0066401 to just under 0.0066402 gives this routing.',
    );
    const tiny: CurvePoint[] = [narrow[0], narrow[1], { ...narrow[2], costPenalty: 0.0066401 + 1e-12 }];
    expect(describeTarget('accuracy', 0.8, penaltyForPoint(tiny, 1), tiny, 1, '')).toContain(
      'Only a very narrow band of λ gives this routing.',
    );
  });

  it('says why when no lambda reaches the target', () => {
    expect(describeTarget('accuracy', 1.0001, penaltyForAccuracy(POINTS, 1.0001), POINTS, 10, '')).toBe(
      'No λ reaches 100.0% with this router: its most accurate routing gives 100.0%.',
    );
    expect(describeTarget('accuracy', 0.999, null, POINTS.slice(3), 10, '')).toBe(
      'No λ reaches 99.9% with this router: its most accurate routing gives 50.0%.',
    );
    expect(describeTarget('budget', 0.05, penaltyForBudget(POINTS, 0.05), POINTS, 10, '')).toBe(
      'No routing fits a budget of 5.0%: even the cheapest costs 10.0% of the most expensive pool LLM.',
    );
  });
});

describe('a curve given as columns (a sweep) answers as its points', () => {
  it('gives the same choices for every target and point, with the point as a value', () => {
    const columns = {
      cost: Float64Array.from(POINTS, (p) => p.cost),
      accuracy: Float64Array.from(POINTS, (p) => p.accuracy),
      costPenalty: Float64Array.from(POINTS, (p) => p.costPenalty),
    };
    for (const target of [0.3, 0.5, 0.75, 1, 1.2]) expect(penaltyForAccuracy(columns, target)).toEqual(penaltyForAccuracy(POINTS, target));
    for (const budget of [0.05, 0.1, 0.12, 0.6, 1]) expect(penaltyForBudget(columns, budget)).toEqual(penaltyForBudget(POINTS, budget));
    POINTS.forEach((_, i) => expect(penaltyForPoint(columns, i)).toEqual(penaltyForPoint(POINTS, i)));
    expect(penaltyForAccuracy(columns, 1)!.point).toEqual({ cost: 0.15, accuracy: 1, costPenalty: 1 / 48 });
    expect(peakAccuracy(columns)).toBe(1);
    expect(peakAccuracy({ cost: [], accuracy: [], costPenalty: [] })).toBe(-Infinity);
  });
});
