import { describe, expect, it } from 'vitest';
import { estimateTextWidth, placeLabels, segmentHitsBox, type Box } from './labelPlacement';

const bounds: Box = { x0: 0, y0: 0, x1: 200, y1: 100 };
const inside = (b: Box, outer: Box) => b.x0 >= outer.x0 && b.y0 >= outer.y0 && b.x1 <= outer.x1 && b.y1 <= outer.y1;
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('placeLabels', () => {
  it('puts a lone label to the right of its point', () => {
    // point (50, 50), label 40 x 10, gap 7 -> box x 57..97, y 45..55; anchor (57, 50)
    expect(placeLabels([{ x: 50, y: 50, width: 40, height: 10 }], bounds)).toEqual([
      { index: 0, side: 'right', x: 57, y: 50, box: { x0: 57, y0: 45, x1: 97, y1: 55 }, leader: false, crowded: false },
    ]);
  });

  it('flips to the left at the right edge of the plot', () => {
    // right box would be 187..227 > 200 (moved inside it would cover the point); left box 133..173 fits
    expect(placeLabels([{ x: 180, y: 50, width: 40, height: 10 }], bounds)[0]).toMatchObject({
      side: 'left',
      x: 173,
      y: 50,
      leader: false,
    });
  });

  it('keeps labels off other points and off each other', () => {
    // A at (20, 50): right box x 27..67, y 45..55 would cover point B (35..45, 47..57);
    //   left box x -27..13 moved inside (0..40) covers A itself; above box x 0..40, y 33..43 is free -> above, anchor (20, 38).
    // B at (40, 52): right box x 47..87, y 47..57 misses A's label and point A (15..25, 45..55) -> right.
    const placed = placeLabels(
      [
        { x: 20, y: 50, width: 40, height: 10 },
        { x: 40, y: 52, width: 40, height: 10 },
      ],
      bounds,
    );
    expect(placed.map(({ index, side, x, y }) => ({ index, side, x, y }))).toEqual([
      { index: 0, side: 'above', x: 20, y: 38 },
      { index: 1, side: 'right', x: 47, y: 52 },
    ]);
  });

  it('never drops a label: with the near spots taken it goes further out, with a leader line', () => {
    // A (20, 20) -> right y 15..25; B (20, 34) -> right y 29..39; C (20, 28) finds every near spot
    // taken (the old placer dropped it) and lands further out, clear of both labels and points.
    const requests = [
      { x: 20, y: 20, width: 40, height: 10 },
      { x: 20, y: 34, width: 40, height: 10 },
      { x: 20, y: 28, width: 40, height: 10 },
    ];
    const placed = placeLabels(requests, bounds);
    expect(placed.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(placed[2].leader).toBe(true);
    expect(placed[2].crowded).toBe(false);
    expect(overlap(placed[2].box, placed[0].box) || overlap(placed[2].box, placed[1].box)).toBe(false);
  });

  it('places higher priority first and still draws a label with no free spot (marked crowded)', () => {
    const tight: Box = { x0: 0, y0: 0, x1: 60, y1: 12 };
    const placed = placeLabels(
      [
        { x: 5, y: 6, width: 40, height: 10 },
        { x: 6, y: 6, width: 40, height: 10, priority: 1 },
      ],
      tight,
      { pointRadius: 1, gap: 2 },
    );
    expect(placed).toHaveLength(2);
    expect(placed[1].crowded).toBe(false);
    expect(placed[0].crowded).toBe(true);
    for (const p of placed) expect(inside(p.box, tight)).toBe(true);
  });

  it('never clips a label at the top of the plot (a point at 100% accuracy is labelled below or beside it)', () => {
    const [p] = placeLabels([{ x: 100, y: 0, width: 60, height: 12 }], bounds, {
      obstacles: [
        { x: 130, y: 0 },
        { x: 70, y: 0 },
      ],
    });
    expect(inside(p.box, bounds)).toBe(true);
    expect(p.box.y0).toBeGreaterThanOrEqual(0);
    expect(p.crowded).toBe(false);
  });

  it('keeps a label off a big marker at the same spot (a cheap perfect LLM under the operating point)', () => {
    // The operating point's marker (radius 9) sits on the single LLM's point.
    const [p] = placeLabels([{ x: 50, y: 50, width: 40, height: 10 }], bounds, { obstacles: [{ x: 50, y: 50, radius: 9 }] });
    expect(overlap(p.box, { x0: 41, y0: 41, x1: 59, y1: 59 })).toBe(false);
  });

  it('avoids crossing a curve when a free spot exists', () => {
    // A curve runs right of the point through the right-hand spot: the label goes left.
    const placed = placeLabels([{ x: 100, y: 50, width: 40, height: 10 }], bounds, {
      segments: [{ x0: 110, y0: 0, x1: 130, y1: 100 }],
    });
    expect(placed[0].side).toBe('left');
  });

  it('keeps labels off unlabelled obstacle points', () => {
    // The right box of (50, 50) is x 57..97, y 45..55; an obstacle at (70, 50) (65..75) blocks it -> left.
    expect(placeLabels([{ x: 50, y: 50, width: 40, height: 10 }], bounds, { obstacles: [{ x: 70, y: 50 }] })[0]).toMatchObject({
      side: 'left',
      x: 43,
      y: 50,
    });
  });

  it('skips points with no pixel position', () => {
    expect(placeLabels([{ x: NaN, y: 5, width: 10, height: 10 }], bounds)).toEqual([]);
  });
});

describe('segmentHitsBox', () => {
  const box = { x0: 10, y0: 10, x1: 20, y1: 20 };
  it('finds segments through, into and past a box', () => {
    expect(segmentHitsBox({ x0: 0, y0: 15, x1: 30, y1: 15 }, box)).toBe(true);
    expect(segmentHitsBox({ x0: 15, y0: 15, x1: 15, y1: 16 }, box)).toBe(true);
    expect(segmentHitsBox({ x0: 0, y0: 0, x1: 30, y1: 5 }, box)).toBe(false);
    expect(segmentHitsBox({ x0: 0, y0: 30, x1: 30, y1: 0 }, box)).toBe(true);
    expect(segmentHitsBox({ x0: 0, y0: 9, x1: 9, y1: 0 }, box)).toBe(false);
  });
});

describe('estimateTextWidth', () => {
  it('grows with the text length', () => {
    expect(estimateTextWidth('')).toBe(2);
    expect(estimateTextWidth('abcdefghij')).toBe(61);
  });
});
