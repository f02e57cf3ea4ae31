import { describe, expect, it } from 'vitest';
import {
  decadeTicks,
  logAxisMin,
  logAxisTicks,
  percentTickLabel,
  sliderTicks,
  keySteps,
  normaliseScale,
  positionAfterKey,
  positionToValue,
  valueToPosition,
} from './logScale';

// min 1e-4, max 1 over 5 positions: position 0 = 0, then 1..5 at log10 = -4, -3, -2, -1, 0.
const small = normaliseScale(1e-4, 1, 5);

describe('log-scale slider mapping', () => {
  it('puts exact zero at position 0 and min..max evenly in log space', () => {
    expect(positionToValue(0, small)).toBe(0);
    expect(positionToValue(1, small)).toBeCloseTo(1e-4, 12);
    expect(positionToValue(2, small)).toBeCloseTo(1e-3, 12);
    expect(positionToValue(3, small)).toBeCloseTo(1e-2, 12);
    expect(positionToValue(5, small)).toBe(1);
  });
  it('maps values back to the nearest position and clamps', () => {
    expect(valueToPosition(0, small)).toBe(0);
    expect(valueToPosition(-3, small)).toBe(0);
    expect(valueToPosition(1e-3, small)).toBe(2);
    // log10(0.02) = -1.70 -> t = 2.30/4 = 0.575 -> 1 + 0.575*4 = 3.30 -> 3
    expect(valueToPosition(0.02, small)).toBe(3);
    expect(valueToPosition(1e-9, small)).toBe(1); // below min but positive: first positive position
    expect(valueToPosition(50, small)).toBe(5);
  });
  it('round-trips every position of a fine scale', () => {
    const scale = normaliseScale(1e-5, 10, 1000);
    for (let p = 0; p <= 1000; p++) expect(valueToPosition(positionToValue(p, scale), scale)).toBe(p);
  });
  it('repairs impossible bounds instead of producing NaN', () => {
    const s = normaliseScale(0, -1, 1);
    expect(s.min).toBeGreaterThan(0);
    expect(s.max).toBeGreaterThan(s.min);
    expect(s.steps).toBe(2);
    expect(Number.isNaN(positionToValue(1, s))).toBe(false);
  });
});

describe('keyboard', () => {
  const scale = normaliseScale(1e-4, 1, 1000);
  it('moves 1% with arrows, 10% with PageUp/PageDown, jumps with Home/End', () => {
    expect(keySteps(scale)).toEqual({ arrow: 10, page: 100 });
    expect(positionAfterKey('ArrowRight', 500, scale)).toBe(510);
    expect(positionAfterKey('ArrowUp', 500, scale)).toBe(510);
    expect(positionAfterKey('ArrowLeft', 500, scale)).toBe(490);
    expect(positionAfterKey('ArrowDown', 500, scale)).toBe(490);
    expect(positionAfterKey('PageUp', 500, scale)).toBe(600);
    expect(positionAfterKey('PageDown', 500, scale)).toBe(400);
    expect(positionAfterKey('Home', 500, scale)).toBe(0);
    expect(positionAfterKey('End', 500, scale)).toBe(1000);
  });
  it('clamps at the ends and ignores other keys', () => {
    expect(positionAfterKey('ArrowLeft', 3, scale)).toBe(0);
    expect(positionAfterKey('PageUp', 950, scale)).toBe(1000);
    expect(positionAfterKey('Enter', 500, scale)).toBeNull();
    expect(positionAfterKey('a', 500, scale)).toBeNull();
  });
  it('keeps steps of at least one position on a coarse scale', () => {
    expect(keySteps(small)).toEqual({ arrow: 1, page: 1 });
  });
});

describe('decadeTicks', () => {
  it('lists the whole decades inside [min, max]', () => {
    const ticks = decadeTicks(normaliseScale(3e-4, 20, 100));
    expect(ticks.map((t) => Math.log10(t))).toEqual([-3, -2, -1, 0, 1]);
  });
});

describe('sliderTicks', () => {
  it('labels 0 and the decades, dropping a decade that would sit on top of 0', () => {
    // 1e-4..1 over 1000 positions: decade d sits at (1 + (d + 4) / 4 * 999) / 1000.
    const ticks = sliderTicks(normaliseScale(1e-4, 1, 1000));
    // 1e-4 is at fraction 0.001, too close to the 0 label: dropped.
    expect(ticks.map((t) => t.value)).toEqual([0, 1e-3, 1e-2, 1e-1, 1]);
    expect(ticks[1].fraction).toBeCloseTo((1 + 999 / 4) / 1000, 12);
    expect(ticks[4].fraction).toBe(1);
  });
  it('thins many decades to at most maxTicks labels, keeping the top one', () => {
    const ticks = sliderTicks(normaliseScale(1e-9, 1e3, 1000), 5);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks[ticks.length - 1].value).toBe(1e3);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].fraction - ticks[i - 1].fraction).toBeGreaterThanOrEqual(0.08);
  });
});

describe('log-scale cost axis', () => {
  it('starts at a 1-2-5 value at or below the smallest positive cost, at most three decades below the top', () => {
    expect(logAxisMin([0, 0.034, 0.5, 1])).toBe(0.02);
    expect(logAxisMin([0.05, 1])).toBe(0.05);
    expect(logAxisMin([0.0123])).toBe(0.01);
    expect(logAxisMin([1e-7, 1])).toBe(0.001);
    expect(logAxisMin([0, 0])).toBe(0.001);
  });

  it('ticks 1, 2, 5 per decade when they fit, else whole decades', () => {
    expect(logAxisTicks(0.02, 1)).toEqual([0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    // 0.001 .. 1 has ten 1-2-5 values: more than 9, so decades only.
    expect(logAxisTicks(0.001, 1)).toEqual([0.001, 0.01, 0.1, 1]);
    expect(logAxisTicks(0.001, 1.3)).toEqual([0.001, 0.01, 0.1, 1]);
    expect(logAxisTicks(1e-9, 1, 4)).toEqual([1e-9, 1e-6, 0.001, 1]);
    expect(logAxisTicks(1, 1)).toEqual([]);
  });

  it('labels small percentages with the decimals they need', () => {
    expect([0, 1, 0.5, 0.05, 0.02, 0.002, 0.0005].map(percentTickLabel)).toEqual(['0%', '100%', '50%', '5%', '2%', '0.2%', '0.05%']);
  });
});
