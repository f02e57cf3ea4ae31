import { describe, expect, it } from 'vitest';
import { estimateTextWidth, placeLabels, type Box } from './labelPlacement';

const bounds: Box = { x0: 0, y0: 0, x1: 200, y1: 100 };

describe('placeLabels', () => {
  it('puts a lone label to the right of its point', () => {
    // point (50, 50), label 40 x 10, gap 7 -> box x 57..97, y 45..55; anchor (57, 50)
    expect(placeLabels([{ x: 50, y: 50, width: 40, height: 10 }], bounds)).toEqual([{ index: 0, side: 'right', x: 57, y: 50 }]);
  });

  it('flips to the left at the right edge of the plot', () => {
    // right box would be 187..227 > 200; left box 133..173 fits
    expect(placeLabels([{ x: 180, y: 50, width: 40, height: 10 }], bounds)).toEqual([{ index: 0, side: 'left', x: 173, y: 50 }]);
  });

  it('keeps labels off other points and off each other', () => {
    // A at (20, 50): right box x 27..67, y 45..55 would cover point B (35..45, 47..57);
    //   left box x -27..13 leaves the plot; above box x 0..40, y 33..43 is free -> above, anchor (20, 38).
    // B at (40, 52): right box x 47..87, y 47..57 misses A's label and point A (15..25, 45..55) -> right.
    const placed = placeLabels(
      [
        { x: 20, y: 50, width: 40, height: 10 },
        { x: 40, y: 52, width: 40, height: 10 },
      ],
      bounds,
    );
    expect(placed).toEqual([
      { index: 0, side: 'above', x: 20, y: 38 },
      { index: 1, side: 'right', x: 47, y: 52 },
    ]);
  });

  it('moves a later label when the earlier one took its spot', () => {
    // A at (20, 20) -> right: x 27..67, y 15..25. B at (20, 34) with width 40:
    //   right x 27..67, y 29..39 is free of A's label (y 15..25) -> right as well; C at (20, 28):
    //   right y 23..33 overlaps both; left leaves the plot; above y 11..21 overlaps point A (15..25)?
    //   x 0..40 vs 15..25 and y 11..21 vs 15..25 -> yes; below y 35..45 overlaps B's point (29..39) -> dropped.
    const placed = placeLabels(
      [
        { x: 20, y: 20, width: 40, height: 10 },
        { x: 20, y: 34, width: 40, height: 10 },
        { x: 20, y: 28, width: 40, height: 10 },
      ],
      bounds,
    );
    expect(placed.map((p) => [p.index, p.side])).toEqual([
      [0, 'right'],
      [1, 'right'],
    ]);
  });

  it('drops a label with no free spot and places higher priority first', () => {
    // Tight box: only one label fits anywhere.
    const tight: Box = { x0: 0, y0: 0, x1: 60, y1: 12 };
    const placed = placeLabels(
      [
        { x: 5, y: 6, width: 40, height: 10 },
        { x: 6, y: 6, width: 40, height: 10, priority: 1 },
      ],
      tight,
      { pointRadius: 1, gap: 2 },
    );
    expect(placed).toHaveLength(1);
    expect(placed[0].index).toBe(1);
  });

  it('keeps labels off unlabelled obstacle points', () => {
    // The right box of (50, 50) is x 57..97, y 45..55; an obstacle at (70, 50) (65..75) blocks it -> left.
    const placed = placeLabels([{ x: 50, y: 50, width: 40, height: 10 }], bounds, { obstacles: [{ x: 70, y: 50 }] });
    expect(placed).toEqual([{ index: 0, side: 'left', x: 43, y: 50 }]);
  });

  it('skips points with no pixel position', () => {
    expect(placeLabels([{ x: NaN, y: 5, width: 10, height: 10 }], bounds)).toEqual([]);
  });
});

describe('estimateTextWidth', () => {
  it('grows with the text length', () => {
    expect(estimateTextWidth('')).toBe(2);
    expect(estimateTextWidth('abcdefghij')).toBe(61);
  });
});
