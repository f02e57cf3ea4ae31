/**
 * Selection geometry of the prompt map in pixel space: points inside a box or a lasso (even-odd
 * rule), and the keyboard's spatial navigation (the nearest point in an arrow key's direction).
 */

/** Indices of the finite points inside the box with corners (x0, y0) and (x1, y1), edges included. */
export function rowsInBox(px: Float32Array, py: Float32Array, x0: number, y0: number, x1: number, y1: number): Int32Array {
  const [l, r] = x0 <= x1 ? [x0, x1] : [x1, x0];
  const [t, b] = y0 <= y1 ? [y0, y1] : [y1, y0];
  const out: number[] = [];
  for (let i = 0; i < px.length; i++) if (px[i] >= l && px[i] <= r && py[i] >= t && py[i] <= b) out.push(i);
  return Int32Array.from(out);
}

/** Even-odd test of (x, y) against the closed polygon [x0, y0, x1, y1, ...]. */
export function pointInPolygon(x: number, y: number, polygon: ArrayLike<number>): boolean {
  let inside = false;
  const m = polygon.length / 2;
  for (let i = 0, j = m - 1; i < m; j = i++) {
    const xi = polygon[2 * i];
    const yi = polygon[2 * i + 1];
    const xj = polygon[2 * j];
    const yj = polygon[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Indices of the finite points inside the lasso polygon (fewer than 3 vertices select nothing). */
export function rowsInPolygon(px: Float32Array, py: Float32Array, polygon: ArrayLike<number>): Int32Array {
  if (polygon.length < 6) return new Int32Array(0);
  let l = Infinity;
  let r = -Infinity;
  let t = Infinity;
  let b = -Infinity;
  for (let i = 0; i < polygon.length; i += 2) {
    l = Math.min(l, polygon[i]);
    r = Math.max(r, polygon[i]);
    t = Math.min(t, polygon[i + 1]);
    b = Math.max(b, polygon[i + 1]);
  }
  const out: number[] = [];
  for (let i = 0; i < px.length; i++) {
    if (!(px[i] >= l && px[i] <= r && py[i] >= t && py[i] <= b)) continue;
    if (pointInPolygon(px[i], py[i], polygon)) out.push(i);
  }
  return Int32Array.from(out);
}

export type Direction = 'left' | 'right' | 'up' | 'down';
const UNIT: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The point to move to from `from` for an arrow key: among the points ahead in that direction
 * (within 45 degrees first, else any ahead), the one with the least distance along it plus twice
 * the sideways offset; -1 when none. `visible` limits the candidates (e.g. to those on screen).
 */
export function stepInDirection(
  px: Float32Array,
  py: Float32Array,
  from: number,
  dir: Direction,
  visible?: (i: number) => boolean,
): number {
  const [ux, uy] = UNIT[dir];
  let best = -1;
  let bestCost = Infinity;
  let bestInCone = false;
  for (let i = 0; i < px.length; i++) {
    if (i === from || !(px[i] === px[i]) || (visible && !visible(i))) continue;
    const dx = px[i] - px[from];
    const dy = py[i] - py[from];
    const along = dx * ux + dy * uy;
    if (along <= 0) continue;
    const side = Math.abs(dx * uy - dy * ux);
    const inCone = side <= along;
    const cost = along + 2 * side;
    if ((inCone && !bestInCone) || (inCone === bestInCone && cost < bestCost)) {
      best = i;
      bestCost = cost;
      bestInCone = inCone;
    }
  }
  return best;
}

/** Drops lasso vertices closer than `minGap` px to the previous one (a drag emits many). */
export function addLassoPoint(polygon: number[], x: number, y: number, minGap = 3): void {
  const n = polygon.length;
  if (n >= 2 && Math.hypot(x - polygon[n - 2], y - polygon[n - 1]) < minGap) return;
  polygon.push(x, y);
}
