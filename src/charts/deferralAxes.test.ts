import { describe, expect, it } from 'vitest';
import { atFloor, deferralAxes, niceTicks, zoomFromDrag } from './deferralAxes';

describe('deferral chart axes', () => {
  it('linear: the cost axis from 0 to 1 with fifths (a little room past both ends), accuracy padded to 5% steps', () => {
    const a = deferralAxes([0, 0.03, 1], [0.62, 0.91], 1, 'linear', null);
    expect(a.xDomain).toEqual([-0.015, 1.015]);
    expect(a.xTicks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(a.yDomain).toEqual([0.6, 0.95]);
    expect(a.xFloor).toBe(0);
  });

  it('log: the cost axis starts at a 1-2-5 value below the cheapest positive cost, with 1-2-5 ticks', () => {
    const a = deferralAxes([0, 0.034, 0.2, 1], [0.5, 0.9], 1, 'log', null);
    expect(a.xFloor).toBe(0.02);
    expect(a.xDomain).toEqual([0.02, 1.04]);
    expect(a.xTicks).toEqual([0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    // The curves' flat start at cost 0 is drawn at the floor.
    expect(
      atFloor(
        [
          [0, 0.5],
          [0.034, 0.6],
        ],
        a.xFloor,
      ),
    ).toEqual([
      [0.02, 0.5],
      [0.034, 0.6],
    ]);
  });

  it('zoom: the box becomes the domains (clamped to the data range), with nice ticks', () => {
    const a = deferralAxes([0, 1], [0.5, 0.9], 1, 'linear', { cost: [0.1, 0.02], accuracy: [0.7, 0.95] });
    expect(a.xDomain).toEqual([0.02, 0.1]);
    expect(a.yDomain).toEqual([0.7, 0.95]);
    // 0.02 .. 0.1 in at most 7 ticks: steps of 0.02 (0.01 would need 9).
    expect(a.xTicks).toEqual([0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(a.yTicks).toEqual([0.7, 0.75, 0.8, 0.85, 0.9, 0.95]);
  });

  it('leaves room above 100% accuracy so a perfect LLM is drawn whole, ticks ending at 100%', () => {
    const a = deferralAxes([0, 1], [0.5, 1], 1, 'linear', null);
    expect(a.yDomain[1]).toBeCloseTo(1.025, 12);
    expect(a.yTicks[a.yTicks.length - 1]).toBe(1);
  });

  it('nice ticks are 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 1, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.013, 0.047, 5)).toEqual([0.02, 0.03, 0.04]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('a drag smaller than 1% of the view on either axis is a click, not a zoom', () => {
    const view = { xDomain: [0, 1] as [number, number], yDomain: [0.5, 1] as [number, number] };
    expect(zoomFromDrag({ cost: 0.3, accuracy: 0.8 }, { cost: 0.1, accuracy: 0.6 }, view, 'linear')).toEqual({
      cost: [0.1, 0.3],
      accuracy: [0.6, 0.8],
    });
    expect(zoomFromDrag({ cost: 0.3, accuracy: 0.8 }, { cost: 0.305, accuracy: 0.6 }, view, 'linear')).toBeNull();
    expect(zoomFromDrag({ cost: 0.3, accuracy: 0.8 }, { cost: 0.1, accuracy: 0.8 }, view, 'linear')).toBeNull();
    // On a log axis the width is measured in decades: 0.01 to 0.0102 is under 1% of three decades.
    const logView = { xDomain: [0.001, 1] as [number, number], yDomain: [0.5, 1] as [number, number] };
    expect(zoomFromDrag({ cost: 0.01, accuracy: 0.9 }, { cost: 0.0102, accuracy: 0.6 }, logView, 'log')).toBeNull();
    expect(zoomFromDrag({ cost: 0.01, accuracy: 0.9 }, { cost: 0.05, accuracy: 0.6 }, logView, 'log')).not.toBeNull();
  });
});
