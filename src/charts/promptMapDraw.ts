/**
 * Canvas drawing of the prompt map: every point, coloured by its category (grey for none), with a
 * highlighted subset (search matches, a selection, a cluster) drawn on top and the rest dimmed, and
 * the focused prompt linked to its nearest neighbours. Squares below radius 1.5 (fillRect is far
 * cheaper than arcs at 40,000 points).
 */

export interface MapDrawInput {
  px: Float32Array;
  py: Float32Array;
  width: number;
  height: number;
  /** Points grouped by category (CSR): category c owns order[start[c] .. start[c + 1]). */
  groups: { start: Int32Array; order: Int32Array };
  /** Points without a category. */
  none: Int32Array;
  colours: readonly string[];
  noneColour: string;
  /** 1 for highlighted points; null: none highlighted (every point in colour). */
  highlight: Uint8Array | null;
  radius: number;
  /** Focused prompt (-1: none) and its neighbours. */
  focus: number;
  neighbours: Int32Array | null;
}

export const DIM_COLOUR = '#c5cbd3';
const FOCUS_COLOUR = '#111827';

function drawPoints(
  ctx: CanvasRenderingContext2D,
  input: MapDrawInput,
  indices: ArrayLike<number>,
  from: number,
  to: number,
  r: number,
  only?: 0 | 1,
): void {
  const { px, py, width, height, highlight } = input;
  const inside = (i: number) => px[i] >= -r && px[i] <= width + r && py[i] >= -r && py[i] <= height + r;
  const wanted = (i: number) => only === undefined || !highlight || highlight[i] === only;
  if (r < 1.5) {
    const side = r * 2;
    for (let j = from; j < to; j++) {
      const i = indices[j];
      if (inside(i) && wanted(i)) ctx.fillRect(px[i] - r, py[i] - r, side, side);
    }
    return;
  }
  ctx.beginPath();
  for (let j = from; j < to; j++) {
    const i = indices[j];
    if (!inside(i) || !wanted(i)) continue;
    ctx.moveTo(px[i] + r, py[i]);
    ctx.arc(px[i], py[i], r, 0, Math.PI * 2);
  }
  ctx.fill();
}

/** Draws the whole map on a context already scaled to CSS pixels. */
export function drawMap(ctx: CanvasRenderingContext2D, input: MapDrawInput): void {
  const { groups, none, colours, noneColour, highlight, radius, px, py, focus, neighbours } = input;
  ctx.clearRect(0, 0, input.width, input.height);
  const k = colours.length;
  if (highlight) {
    // Everything not highlighted first, in one light grey, then the highlighted points in colour on top.
    ctx.globalAlpha = 0.45;
    ctx.fillStyle = DIM_COLOUR;
    drawPoints(ctx, input, none, 0, none.length, radius, 0);
    drawPoints(ctx, input, groups.order, 0, groups.order.length, radius, 0);
    ctx.globalAlpha = 1;
    ctx.fillStyle = noneColour;
    drawPoints(ctx, input, none, 0, none.length, radius + 0.6, 1);
    for (let c = 0; c < k; c++) {
      ctx.fillStyle = colours[c];
      drawPoints(ctx, input, groups.order, groups.start[c], groups.start[c + 1], radius + 0.6, 1);
    }
  } else {
    ctx.globalAlpha = 0.6;
    ctx.fillStyle = noneColour;
    drawPoints(ctx, input, none, 0, none.length, radius);
    ctx.globalAlpha = 0.8;
    for (let c = 0; c < k; c++) {
      ctx.fillStyle = colours[c];
      drawPoints(ctx, input, groups.order, groups.start[c], groups.start[c + 1], radius);
    }
  }
  ctx.globalAlpha = 1;
  if (focus >= 0 && px[focus] === px[focus]) {
    ctx.strokeStyle = FOCUS_COLOUR;
    ctx.lineWidth = 1;
    if (neighbours) {
      ctx.beginPath();
      for (const j of neighbours) {
        if (px[j] !== px[j]) continue;
        ctx.moveTo(px[focus], py[focus]);
        ctx.lineTo(px[j], py[j]);
      }
      ctx.globalAlpha = 0.5;
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.beginPath();
      for (const j of neighbours) {
        if (px[j] !== px[j]) continue;
        ctx.moveTo(px[j] + radius + 2.5, py[j]);
        ctx.arc(px[j], py[j], radius + 2.5, 0, Math.PI * 2);
      }
      ctx.stroke();
    }
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(px[focus], py[focus], radius + 5, 0, Math.PI * 2);
    ctx.stroke();
    ctx.lineWidth = 1;
  }
}

/** Colours of the categories of a colouring (correctness and split have fixed, meaningful ones). */
export function categoryColours(colouring: string, count: number, paletteOf: (i: number) => string): string[] {
  if (colouring === 'correctness') return ['#1a9850', '#f0a33a', '#d73027'].slice(0, count);
  if (colouring === 'split') return ['#4e79a7', '#f28e2b', '#59a14f', '#9c755f'].slice(0, count);
  return Array.from({ length: count }, (_, i) => paletteOf(i));
}
