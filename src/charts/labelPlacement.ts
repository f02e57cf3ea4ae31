/**
 * Greedy placement of point labels (the single-LLM names and the operating point on the deferral
 * chart). Each label tries right, left, above and below its point, then the diagonals, then the
 * same spots further out (drawn with a leader line), and takes the first spot that overlaps no placed
 * label, no point and no curve. Every candidate is moved inside the plot first, so a label is never
 * clipped (near 100% accuracy it goes below). When no spot is free the label is still drawn, at the
 * spot with the least overlap: no label ever drops out.
 */

export interface LabelRequest {
  /** Point centre in pixels. */
  x: number;
  y: number;
  /** Label size in pixels. */
  width: number;
  height: number;
  /** Higher priority places first (e.g. the operating point, then new LLMs). */
  priority?: number;
  /** Radius of this point's marker in px (default: the options' pointRadius). */
  radius?: number;
}

export type LabelSide = 'right' | 'left' | 'above' | 'below' | 'above-right' | 'above-left' | 'below-right' | 'below-left';

export interface PlacedLabel {
  /** Index into the requests. */
  index: number;
  side: LabelSide;
  /** Text anchor point in pixels: left edge for 'right', right edge for 'left', centre otherwise. */
  x: number;
  /** Baseline-middle y in pixels (use dominant-baseline / dy to centre the text). */
  y: number;
  /** The label's box (inside the bounds). */
  box: Box;
  /** The label sits away from its point: draw a leader line from the point to the box. */
  leader: boolean;
  /** No free spot was left: the label overlaps something (it is drawn all the same). */
  crowded: boolean;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A straight piece of a drawn curve, in pixels (labels prefer not to cross curves). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const SIDES: readonly LabelSide[] = ['right', 'left', 'above', 'below', 'above-right', 'below-right', 'above-left', 'below-left'];
/** Extra distances (px) tried after the first ring of spots; a label this far out gets a leader line. */
const RINGS: readonly number[] = [0, 12, 26, 44, 66, 92, 124];

/** Gap kept between two labels in px (the drawn text's box is a little larger than the estimate). */
const LABEL_MARGIN = 2;

function grow(b: Box, by: number): Box {
  return { x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Whether a segment passes through a box (Liang-Barsky clipping). */
export function segmentHitsBox(s: Segment, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = s.x1 - s.x0;
  const dy = s.y1 - s.y0;
  const edges: [number, number][] = [
    [-dx, s.x0 - b.x0],
    [dx, b.x1 - s.x0],
    [-dy, s.y0 - b.y0],
    [dy, b.y1 - s.y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The label box on `side` at distance `gap` from the point, and its text anchor. */
function boxFor(r: LabelRequest, side: LabelSide, gap: number): { box: Box; x: number; y: number } {
  const { x, y, width: w, height: h } = r;
  const hw = w / 2;
  const hh = h / 2;
  // Diagonal spots keep the label's near corner at `gap` from the point on both axes.
  const d = gap * 0.75;
  switch (side) {
    case 'right':
      return { box: { x0: x + gap, y0: y - hh, x1: x + gap + w, y1: y + hh }, x: x + gap, y };
    case 'left':
      return { box: { x0: x - gap - w, y0: y - hh, x1: x - gap, y1: y + hh }, x: x - gap, y };
    case 'above':
      return { box: { x0: x - hw, y0: y - gap - h, x1: x + hw, y1: y - gap }, x, y: y - gap - hh };
    case 'below':
      return { box: { x0: x - hw, y0: y + gap, x1: x + hw, y1: y + gap + h }, x, y: y + gap + hh };
    case 'above-right':
      return { box: { x0: x + d, y0: y - d - h, x1: x + d + w, y1: y - d }, x: x + d + hw, y: y - d - hh };
    case 'below-right':
      return { box: { x0: x + d, y0: y + d, x1: x + d + w, y1: y + d + h }, x: x + d + hw, y: y + d + hh };
    case 'above-left':
      return { box: { x0: x - d - w, y0: y - d - h, x1: x - d, y1: y - d }, x: x - d - hw, y: y - d - hh };
    case 'below-left':
      return { box: { x0: x - d - w, y0: y + d, x1: x - d, y1: y + d + h }, x: x - d - hw, y: y + d + hh };
    default: {
      const never: never = side;
      throw new Error(`unknown side ${String(never)}`);
    }
  }
}

/** Moves a box (and its anchor) inside the bounds; a box larger than the bounds keeps its top-left corner inside. */
function keepInside(c: { box: Box; x: number; y: number }, b: Box): { box: Box; x: number; y: number; moved: boolean } {
  const w = c.box.x1 - c.box.x0;
  const h = c.box.y1 - c.box.y0;
  const dx = c.box.x0 < b.x0 ? b.x0 - c.box.x0 : c.box.x1 > b.x1 ? Math.max(b.x0 - c.box.x0, b.x1 - c.box.x1) : 0;
  const dy = c.box.y0 < b.y0 ? b.y0 - c.box.y0 : c.box.y1 > b.y1 ? Math.max(b.y0 - c.box.y0, b.y1 - c.box.y1) : 0;
  return {
    box: { x0: c.box.x0 + dx, y0: c.box.y0 + dy, x1: c.box.x0 + dx + w, y1: c.box.y0 + dy + h },
    x: c.x + dx,
    y: c.y + dy,
    moved: dx !== 0 || dy !== 0,
  };
}

export interface PlaceOptions {
  /** Radius of the drawn points in px (labels keep off them). Default 5. */
  pointRadius: number;
  /** Distance from a point to its label in px. Default 7. */
  gap: number;
  /** Other drawn points without a label of their own, which labels must not cover either. */
  obstacles: readonly { x: number; y: number; radius?: number }[];
  /** Drawn curves as pixel segments: a label avoids crossing them when it can. */
  segments: readonly Segment[];
}

const PLACE_DEFAULTS: PlaceOptions = { pointRadius: 5, gap: 7, obstacles: [], segments: [] };

/**
 * Places every label with a finite position inside `bounds`. Order: priority descending, then input
 * order. Returns the placed labels by index.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Box, options: Partial<PlaceOptions> = {}): PlacedLabel[] {
  const { pointRadius, gap, obstacles, segments } = { ...PLACE_DEFAULTS, ...options };
  const dot = (p: { x: number; y: number; radius?: number }): Box => {
    const r = p.radius ?? pointRadius;
    return { x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r };
  };
  const points: Box[] = requests.map(dot);
  const blocked: Box[] = obstacles.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map(dot);
  const order = requests.map((_, i) => i).sort((a, b) => (requests[b].priority ?? 0) - (requests[a].priority ?? 0) || a - b);
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  for (const i of order) {
    const r = requests[i];
    if (!Number.isFinite(r.x) || !Number.isFinite(r.y)) continue;
    const ownGap = gap + Math.max(0, (r.radius ?? pointRadius) - pointRadius);
    let best: (PlacedLabel & { score: number }) | null = null;
    search: for (const ring of RINGS) {
      for (const side of SIDES) {
        const c = keepInside(boxFor(r, side, ownGap + ring), bounds);
        // Overlapping a label or a point is far worse than crossing a curve; farther spots cost a little more.
        const score =
          1000 * taken.filter((t) => overlaps(c.box, grow(t, LABEL_MARGIN))).length +
          100 * (points.filter((p, j) => j !== i && overlaps(c.box, p)).length + blocked.filter((p) => overlaps(c.box, p)).length) +
          100 * (overlaps(c.box, points[i]) ? 1 : 0) +
          10 * segments.filter((s) => segmentHitsBox(s, c.box)).length +
          ring / 100;
        if (best === null || score < best.score) {
          best = { index: i, side, x: c.x, y: c.y, box: c.box, leader: ring > 0 || c.moved, crowded: score >= 100, score };
          if (score < 1) break search;
        }
      }
    }
    if (best) {
      const { score: _score, ...label } = best;
      taken.push(label.box);
      placed.push(label);
    }
  }
  return placed.sort((a, b) => a.index - b.index);
}

/** Rough label width for an 10-11 px UI font, used before the text is measured (no DOM in tests). */
export function estimateTextWidth(text: string, pxPerChar = 5.9): number {
  return Math.ceil(text.length * pxPerChar) + 2;
}
