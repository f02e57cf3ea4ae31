/**
 * Which curve a click on the deferral chart lands on, and its nearest vertex: pure pixel geometry
 * (the chart maps data to pixels first). The curve is the one whose drawn polyline passes nearest
 * the click, within `maxDistance` px; the vertex is that curve's front point nearest the click.
 */

export interface PixelCurve {
  /** The drawn polyline (flat ends included), in px. */
  line: readonly (readonly [number, number])[];
  /** The curve's own points (its front, no flat ends), in px. */
  vertices: readonly (readonly [number, number])[];
}

/** Distance from (px, py) to the segment a-b. */
export function distanceToSegment(px: number, py: number, a: readonly [number, number], b: readonly [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

/** The clicked curve and vertex, or null when no curve passes within `maxDistance` px (or it has no vertex). */
export function pickCurve(
  curves: readonly PixelCurve[],
  px: number,
  py: number,
  maxDistance = 10,
): { curve: number; vertex: number } | null {
  let curve = -1;
  let best = maxDistance;
  curves.forEach((c, i) => {
    const line = c.line;
    for (let j = 0; j < line.length; j++) {
      const d = j + 1 < line.length ? distanceToSegment(px, py, line[j], line[j + 1]) : Math.hypot(px - line[j][0], py - line[j][1]);
      if (d <= best) {
        best = d;
        curve = i;
      }
    }
  });
  if (curve < 0) return null;
  let vertex = -1;
  let nearest = Infinity;
  curves[curve].vertices.forEach(([x, y], j) => {
    const d = Math.hypot(px - x, py - y);
    if (d < nearest) {
      nearest = d;
      vertex = j;
    }
  });
  return vertex < 0 ? null : { curve, vertex };
}
