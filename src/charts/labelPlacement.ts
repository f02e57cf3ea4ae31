/**
 * Greedy placement of point labels (the single-LLM names on the deferral chart): each label tries
 * right, left, above, below its point and takes the first spot that overlaps no placed label, no other
 * point and stays in the plot; a label with no free spot is dropped (the hover tooltip still names it).
 */

export interface LabelRequest {
  /** Point centre in pixels. */
  x: number;
  y: number;
  /** Label size in pixels. */
  width: number;
  height: number;
  /** Higher priority places first (e.g. new LLMs). */
  priority?: number;
}

export type LabelSide = 'right' | 'left' | 'above' | 'below';

export interface PlacedLabel {
  /** Index into the requests. */
  index: number;
  side: LabelSide;
  /** Text anchor point in pixels: left edge for 'right', right edge for 'left', centre otherwise. */
  x: number;
  /** Baseline-middle y in pixels (use dominant-baseline / dy to centre the text). */
  y: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const SIDES: readonly LabelSide[] = ['right', 'left', 'above', 'below'];

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function boxFor(r: LabelRequest, side: LabelSide, gap: number): { box: Box; x: number; y: number } {
  const hw = r.width / 2;
  const hh = r.height / 2;
  switch (side) {
    case 'right':
      return { box: { x0: r.x + gap, y0: r.y - hh, x1: r.x + gap + r.width, y1: r.y + hh }, x: r.x + gap, y: r.y };
    case 'left':
      return { box: { x0: r.x - gap - r.width, y0: r.y - hh, x1: r.x - gap, y1: r.y + hh }, x: r.x - gap, y: r.y };
    case 'above':
      return { box: { x0: r.x - hw, y0: r.y - gap - r.height, x1: r.x + hw, y1: r.y - gap }, x: r.x, y: r.y - gap - hh };
    case 'below':
      return { box: { x0: r.x - hw, y0: r.y + gap, x1: r.x + hw, y1: r.y + gap + r.height }, x: r.x, y: r.y + gap + hh };
    default: {
      const never: never = side;
      throw new Error(`unknown side ${String(never)}`);
    }
  }
}

export interface PlaceOptions {
  /** Radius of the drawn points in px (labels keep off them). Default 5. */
  pointRadius: number;
  /** Distance from a point to its label in px. Default 7. */
  gap: number;
  /** Other drawn points without a label of their own, which labels must not cover either. */
  obstacles: readonly { x: number; y: number }[];
}

const PLACE_DEFAULTS: PlaceOptions = { pointRadius: 5, gap: 7, obstacles: [] };

/**
 * Places labels inside `bounds`, avoiding each other, every labelled point and every obstacle point.
 * Order: priority descending, then input order. Returns the placed labels only, by index.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Box, options: Partial<PlaceOptions> = {}): PlacedLabel[] {
  const { pointRadius, gap, obstacles } = { ...PLACE_DEFAULTS, ...options };
  const dot = (p: { x: number; y: number }): Box => ({
    x0: p.x - pointRadius,
    y0: p.y - pointRadius,
    x1: p.x + pointRadius,
    y1: p.y + pointRadius,
  });
  const points: Box[] = requests.map(dot);
  const blocked: Box[] = obstacles.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map(dot);
  const order = requests.map((_, i) => i).sort((a, b) => (requests[b].priority ?? 0) - (requests[a].priority ?? 0) || a - b);
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  for (const i of order) {
    const r = requests[i];
    if (!Number.isFinite(r.x) || !Number.isFinite(r.y)) continue;
    for (const side of SIDES) {
      const { box, x, y } = boxFor(r, side, gap);
      const inside = box.x0 >= bounds.x0 && box.x1 <= bounds.x1 && box.y0 >= bounds.y0 && box.y1 <= bounds.y1;
      if (
        !inside ||
        taken.some((t) => overlaps(box, t)) ||
        points.some((p, j) => j !== i && overlaps(box, p)) ||
        blocked.some((p) => overlaps(box, p))
      )
        continue;
      taken.push(box);
      placed.push({ index: i, side, x, y });
      break;
    }
  }
  return placed.sort((a, b) => a.index - b.index);
}

/** Rough label width for an 10-11 px UI font, used before the text is measured (no DOM in tests). */
export function estimateTextWidth(text: string, pxPerChar = 5.9): number {
  return Math.ceil(text.length * pxPerChar) + 2;
}
