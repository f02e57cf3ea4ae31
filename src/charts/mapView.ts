/**
 * Zoom and pan of the prompt map: data -> CSS pixels with one scale for both axes (distances on
 * the map keep their proportions), zoomed about a pixel and panned by a pixel offset. A view is
 * {zoom, x, y}: zoom 1 fits every point, (x, y) is the view's centre as a share of the data's
 * bounding box, so it survives a resize.
 */
import type { Bounds } from './scatterLayout';

export interface MapViewport {
  zoom: number;
  x: number;
  y: number;
}

export interface MapFrame {
  bounds: Bounds;
  width: number;
  height: number;
  padding: number;
}

/** Space round the points inside the prompt map, in CSS px. */
export const MAP_PADDING = 14;
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 400;

/** CSS pixels per data unit at zoom 1 (the whole bounding box fits inside the padded frame). */
export function fitScale({ bounds, width, height, padding }: MapFrame): number {
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  return Math.min(w / (bounds.maxX - bounds.minX), h / (bounds.maxY - bounds.minY));
}

/** The view's centre in data units. */
function centre(frame: MapFrame, view: MapViewport): [number, number] {
  const { bounds: b } = frame;
  return [b.minX + view.x * (b.maxX - b.minX), b.minY + view.y * (b.maxY - b.minY)];
}

/** Data -> pixels for every point (y flipped: up in data is up on screen); non-finite points give NaN. */
export function toPixels(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  frame: MapFrame,
  view: MapViewport,
): { px: Float32Array; py: Float32Array } {
  const n = Math.min(x.length, y.length);
  const s = fitScale(frame) * view.zoom;
  const [cx, cy] = centre(frame, view);
  const hx = frame.width / 2;
  const hy = frame.height / 2;
  const px = new Float32Array(n);
  const py = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const ok = Number.isFinite(x[i]) && Number.isFinite(y[i]);
    px[i] = ok ? hx + (x[i] - cx) * s : NaN;
    py[i] = ok ? hy - (y[i] - cy) * s : NaN;
  }
  return { px, py };
}

/** Pixel -> data. */
export function toData(px: number, py: number, frame: MapFrame, view: MapViewport): [number, number] {
  const s = fitScale(frame) * view.zoom;
  const [cx, cy] = centre(frame, view);
  return [cx + (px - frame.width / 2) / s, cy - (py - frame.height / 2) / s];
}

/** The view whose centre is the data point (dx, dy), zoom unchanged. */
function centredOn(frame: MapFrame, zoom: number, dx: number, dy: number): MapViewport {
  const { bounds: b } = frame;
  return { zoom, x: (dx - b.minX) / (b.maxX - b.minX), y: (dy - b.minY) / (b.maxY - b.minY) };
}

/** Zooms by `factor` keeping the data point under pixel (px, py) where it is; zoom stays in [MIN_ZOOM, MAX_ZOOM]. */
export function zoomAt(frame: MapFrame, view: MapViewport, factor: number, px: number, py: number): MapViewport {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom * factor));
  const [dx, dy] = toData(px, py, frame, view);
  const s = fitScale(frame) * zoom;
  return centredOn(frame, zoom, dx - (px - frame.width / 2) / s, dy + (py - frame.height / 2) / s);
}

/** Moves the content by (dx, dy) CSS pixels (a drag to the right shows what was on the left). */
export function panBy(frame: MapFrame, view: MapViewport, dx: number, dy: number): MapViewport {
  const s = fitScale(frame) * view.zoom;
  const [cx, cy] = centre(frame, view);
  return clampView(centredOn(frame, view.zoom, cx - dx / s, cy + dy / s));
}

/** Keeps the centre within the data's bounding box (some points always stay in reach). */
export function clampView(view: MapViewport): MapViewport {
  const c = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0.5));
  return { zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom)), x: c(view.x), y: c(view.y) };
}

/** The view centred on data point (dx, dy) at least at `minZoom` (e.g. to bring a focused prompt into sight). */
export function viewOn(frame: MapFrame, view: MapViewport, dx: number, dy: number, minZoom = view.zoom): MapViewport {
  return clampView(centredOn(frame, Math.max(view.zoom, minZoom), dx, dy));
}
