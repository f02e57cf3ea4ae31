import { describe, expect, it } from 'vitest';
import { fitScale, panBy, toData, toPixels, viewOn, zoomAt, MAX_ZOOM, type MapFrame } from './mapView';
import { addLassoPoint, pointInPolygon, rowsInBox, rowsInPolygon, stepInDirection } from './mapSelect';

const frame: MapFrame = { bounds: { minX: 0, maxX: 10, minY: 0, maxY: 5 }, width: 220, height: 120, padding: 10 };
const full = { zoom: 1, x: 0.5, y: 0.5 };

describe('map zoom and pan', () => {
  it('fits the bounding box with one scale for both axes, centred, y up', () => {
    // 200 / 10 = 20 px per unit across, 100 / 5 = 20 up: 20.
    expect(fitScale(frame)).toBe(20);
    const { px, py } = toPixels([0, 10, 5, NaN], [0, 5, 2.5, 1], frame, full);
    expect(Array.from(px.subarray(0, 3))).toEqual([10, 210, 110]);
    expect(Array.from(py.subarray(0, 3))).toEqual([110, 10, 60]);
    expect(px[3]).toBeNaN();
    expect(toData(110, 60, frame, full)).toEqual([5, 2.5]);
  });

  it('zooming keeps the point under the cursor in place, within the zoom limits', () => {
    const v = zoomAt(frame, full, 4, 60, 30);
    expect(v.zoom).toBe(4);
    const [dx, dy] = toData(60, 30, frame, full);
    const { px, py } = toPixels([dx], [dy], frame, v);
    expect(px[0]).toBeCloseTo(60, 9);
    expect(py[0]).toBeCloseTo(30, 9);
    expect(zoomAt(frame, v, 1e9, 0, 0).zoom).toBe(MAX_ZOOM);
  });

  it('panning moves the content by the drag, and the centre stays within the data', () => {
    const z = { zoom: 2, x: 0.5, y: 0.5 };
    const v = panBy(frame, z, 30, -10);
    const a = toPixels([5], [2.5], frame, z);
    const b = toPixels([5], [2.5], frame, v);
    expect(b.px[0] - a.px[0]).toBeCloseTo(30, 9);
    expect(b.py[0] - a.py[0]).toBeCloseTo(-10, 9);
    expect(panBy(frame, full, -1e6, 0).x).toBe(1);
    expect(viewOn(frame, full, 10, 0, 3)).toEqual({ zoom: 3, x: 1, y: 0 });
  });
});

describe('map selection geometry', () => {
  const px = Float32Array.from([0, 5, 10, 5, NaN, 2]);
  const py = Float32Array.from([0, 5, 10, 1, 3, 8]);

  it('a box takes the points inside it (edges included, any corner order, NaN never)', () => {
    expect(Array.from(rowsInBox(px, py, 5, 10, 0, 0))).toEqual([0, 1, 3, 5]);
    expect(Array.from(rowsInBox(px, py, 1, 0, 9, 9))).toEqual([1, 3, 5]);
  });

  it('a lasso uses the even-odd rule, so a concave shape leaves its notch out', () => {
    // A "U": x 0..10, y 0..10 with the notch x 4..6, y 0..6 cut out of the top.
    const u = [0, 0, 4, 0, 4, 6, 6, 6, 6, 0, 10, 0, 10, 10, 0, 10];
    expect(pointInPolygon(5, 3, u)).toBe(false);
    expect(pointInPolygon(5, 8, u)).toBe(true);
    expect(pointInPolygon(2, 3, u)).toBe(true);
    expect(Array.from(rowsInPolygon(Float32Array.from([5, 5, 2, 12]), Float32Array.from([3, 8, 3, 3]), u))).toEqual([1, 2]);
    expect(rowsInPolygon(px, py, [0, 0, 1, 1]).length).toBe(0);
  });

  it('lasso vertices closer than the gap are dropped', () => {
    const poly: number[] = [];
    addLassoPoint(poly, 0, 0);
    addLassoPoint(poly, 1, 1);
    addLassoPoint(poly, 5, 0);
    expect(poly).toEqual([0, 0, 5, 0]);
  });

  it('arrow keys step to the nearest point ahead, preferring those within 45 degrees', () => {
    // From (0,0): right has (10, 1) in the cone and (3, 8) outside it; up (screen) is -y.
    const x = Float32Array.from([0, 10, 3, -4, 0]);
    const y = Float32Array.from([0, 1, 8, 0, -6]);
    expect(stepInDirection(x, y, 0, 'right')).toBe(1);
    expect(stepInDirection(x, y, 0, 'down')).toBe(2);
    expect(stepInDirection(x, y, 0, 'left')).toBe(3);
    expect(stepInDirection(x, y, 0, 'up')).toBe(4);
    expect(stepInDirection(x, y, 1, 'right')).toBe(-1);
    expect(stepInDirection(x, y, 0, 'right', (i) => i !== 1)).toBe(2);
  });
});
