/**
 * Pointer, wheel and keyboard input of the prompt map: hover, click to focus a prompt, drag to pan
 * (or to draw a box or a lasso with those tools), wheel to zoom about the pointer, and the keys
 * (arrows move a keyboard cursor between prompts, Shift + arrows pan, + / - / 0 zoom, Enter
 * focuses, C selects the cursor's cluster, Escape clears).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { nearestPoint, type GridIndex } from './spatialIndex';
import { panBy, zoomAt, type MapFrame, type MapViewport } from './mapView';
import { addLassoPoint, rowsInBox, rowsInPolygon, stepInDirection, type Direction } from './mapSelect';

export type MapTool = 'pan' | 'box' | 'lasso';

export interface MapInputOptions {
  frame: MapFrame;
  viewport: MapViewport;
  onViewportChange: (view: MapViewport) => void;
  pixels: { px: Float32Array; py: Float32Array };
  index: GridIndex;
  hoverRadius: number;
  tool: MapTool;
  onSelect?: (rows: Int32Array | null) => void;
  onFocusPoint?: (index: number | null) => void;
  onSelectClusterOf?: (index: number) => void;
  focus: number | null;
}

const CLICK_SLOP = 4;
const PAN_STEP = 40;
const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

interface Drag {
  x0: number;
  y0: number;
  x: number;
  y: number;
  moved: boolean;
  start: MapViewport;
  polygon: number[];
}

export function useMapInput(o: MapInputOptions) {
  const [hovered, setHovered] = useState(-1);
  const [cursor, setCursor] = useState(-1);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [surface, setSurface] = useState<HTMLDivElement | null>(null);
  const latest = useRef(o);
  useEffect(() => {
    latest.current = o;
  });

  // Wheel zoom needs a non-passive listener (React's is passive), so the page does not scroll instead.
  useEffect(() => {
    if (!surface) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { frame, viewport, onViewportChange } = latest.current;
      const box = surface.getBoundingClientRect();
      onViewportChange(zoomAt(frame, viewport, Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top));
    };
    surface.addEventListener('wheel', onWheel, { passive: false });
    return () => surface.removeEventListener('wheel', onWheel);
  }, [surface]);

  const local = (e: PointerEvent<HTMLDivElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };
  const pointAt = (x: number, y: number) => nearestPoint(o.index, x, y, o.hoverRadius);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const [x, y] = local(e);
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDrag({ x0: x, y0: y, x, y, moved: false, start: o.viewport, polygon: [x, y] });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const [x, y] = local(e);
    if (!drag) {
      const i = pointAt(x, y);
      if (i !== hovered) setHovered(i);
      return;
    }
    const moved = drag.moved || Math.hypot(x - drag.x0, y - drag.y0) > CLICK_SLOP;
    if (o.tool === 'lasso') addLassoPoint(drag.polygon, x, y);
    if (moved && o.tool === 'pan') o.onViewportChange(panBy(o.frame, drag.start, x - drag.x0, y - drag.y0));
    setDrag({ ...drag, x, y, moved });
    if (hovered >= 0) setHovered(-1);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const [x, y] = local(e);
    setDrag(null);
    if (!drag.moved) {
      const i = pointAt(x, y);
      setCursor(i);
      if (i < 0 && o.tool !== 'pan') o.onSelect?.(null);
      o.onFocusPoint?.(i >= 0 ? i : null);
      return;
    }
    const { px, py } = o.pixels;
    if (o.tool === 'box') o.onSelect?.(rowsInBox(px, py, drag.x0, drag.y0, x, y));
    if (o.tool === 'lasso') o.onSelect?.(rowsInPolygon(px, py, drag.polygon));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const { frame, viewport, pixels } = o;
    const dir = KEYS[e.key];
    const centreX = frame.width / 2;
    const centreY = frame.height / 2;
    if (dir && e.shiftKey) {
      const [dx, dy] = { left: [PAN_STEP, 0], right: [-PAN_STEP, 0], up: [0, PAN_STEP], down: [0, -PAN_STEP] }[dir];
      o.onViewportChange(panBy(frame, viewport, dx, dy));
    } else if (dir) {
      const onScreen = (i: number) => pixels.px[i] >= 0 && pixels.px[i] <= frame.width && pixels.py[i] >= 0 && pixels.py[i] <= frame.height;
      const from = cursor >= 0 ? cursor : (o.focus ?? -1);
      const next =
        from >= 0
          ? stepInDirection(pixels.px, pixels.py, from, dir, onScreen)
          : nearestPoint(o.index, centreX, centreY, Math.max(frame.width, frame.height));
      if (next >= 0) setCursor(next);
    } else if (e.key === '+' || e.key === '=') o.onViewportChange(zoomAt(frame, viewport, 1.5, centreX, centreY));
    else if (e.key === '-' || e.key === '_') o.onViewportChange(zoomAt(frame, viewport, 1 / 1.5, centreX, centreY));
    else if (e.key === '0') o.onViewportChange({ zoom: 1, x: 0.5, y: 0.5 });
    else if ((e.key === 'Enter' || e.key === ' ') && cursor >= 0) o.onFocusPoint?.(cursor);
    else if ((e.key === 'c' || e.key === 'C') && cursor >= 0) o.onSelectClusterOf?.(cursor);
    else if (e.key === 'Escape') {
      setCursor(-1);
      o.onFocusPoint?.(null);
      o.onSelect?.(null);
    } else return;
    e.preventDefault();
  };

  const surfaceRef = useCallback((el: HTMLDivElement | null) => setSurface(el), []);
  let overlay: ReactNode = null;
  if (drag?.moved && o.tool === 'box') {
    overlay = (
      <svg className="rl-map__overlay" aria-hidden="true">
        <rect
          x={Math.min(drag.x0, drag.x)}
          y={Math.min(drag.y0, drag.y)}
          width={Math.abs(drag.x - drag.x0)}
          height={Math.abs(drag.y - drag.y0)}
        />
      </svg>
    );
  } else if (drag?.moved && o.tool === 'lasso') {
    overlay = (
      <svg className="rl-map__overlay" aria-hidden="true">
        <polygon points={drag.polygon.join(' ')} />
      </svg>
    );
  }
  return {
    hovered,
    cursor,
    overlay,
    surfaceRef,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerLeave: () => setHovered(-1), onKeyDown, onBlur: () => setCursor(-1) },
  };
}
