import { describe, expect, it } from 'vitest';
import {
  MISSING,
  formatCompact,
  formatCost,
  formatCostPenalty,
  formatFixed,
  formatPercent,
  formatSignificant,
  truncateText,
} from './format';

describe('formatSignificant', () => {
  it('keeps 3 significant digits and strips zeros that carry nothing', () => {
    expect(formatSignificant(0.012345)).toBe('0.0123');
    expect(formatSignificant(0.012)).toBe('0.012'); // toPrecision gives "0.0120"
    expect(formatSignificant(1)).toBe('1'); // "1.00"
    expect(formatSignificant(12.5)).toBe('12.5');
    expect(formatSignificant(1234.5)).toBe('1230'); // toPrecision gives "1.23e+3"
    expect(formatSignificant(-0.5)).toBe('-0.5');
  });
  it('switches to exponent notation for tiny and huge magnitudes', () => {
    expect(formatSignificant(0.0000123)).toBe('1.23e-5');
    expect(formatSignificant(2.5e7)).toBe('2.50e7');
  });
  it('prints exact zero as 0 and missing values as a dash', () => {
    expect(formatSignificant(0)).toBe('0');
    expect(formatSignificant(NaN)).toBe(MISSING);
    expect(formatSignificant(null)).toBe(MISSING);
    expect(formatSignificant(undefined)).toBe(MISSING);
  });
});

describe('fixed, percent, cost, costPenalty', () => {
  it('formats each kind', () => {
    expect(formatFixed(0.65123)).toBe('0.651');
    expect(formatFixed(null)).toBe(MISSING);
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1, 0)).toBe('100%');
    expect(formatPercent(Infinity)).toBe(MISSING);
    expect(formatCost(0.00125, 'USD')).toBe('0.00125 USD');
    expect(formatCost(NaN, 'USD')).toBe(MISSING);
    expect(formatCost(3)).toBe('3');
    expect(formatCostPenalty(0)).toBe('λ = 0');
    expect(formatCostPenalty(0.012345)).toBe('λ = 0.0123');
  });
});

describe('truncateText', () => {
  it('collapses whitespace and leaves short text alone', () => {
    expect(truncateText('  What is\n\n2 +\t2? ')).toBe('What is 2 + 2?');
  });
  it('cuts long text to maxChars with an ellipsis', () => {
    const out = truncateText('abcdefghij', 5);
    expect(out).toBe('abcd…');
    expect(Array.from(out)).toHaveLength(5);
  });
  it('never splits a surrogate pair', () => {
    // 6 code points (each emoji is 2 UTF-16 units): cut to 4 -> 3 emoji + ellipsis.
    const out = truncateText('😀😀😀😀😀😀', 4);
    expect(out).toBe('😀😀😀…');
  });
  it('returns markup as the same plain characters (React escapes it)', () => {
    expect(truncateText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('formatCompact', () => {
  it('shortens big axis numbers with k / M / G suffixes', () => {
    expect(formatCompact(200000)).toBe('200k');
    expect(formatCompact(1234)).toBe('1.23k');
    expect(formatCompact(2500000)).toBe('2.5M');
    expect(formatCompact(-4.2e9)).toBe('-4.2G');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(0.25)).toBe('0.25');
    expect(formatCompact(NaN)).toBe(MISSING);
  });
});
