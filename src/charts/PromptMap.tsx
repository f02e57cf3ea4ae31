/**
 * The prompt map: every prompt's 2-D position drawn on canvas (40,000 points stay drawn), coloured
 * by a category, with zoom and pan (wheel, drag, buttons, keys), box and lasso selection, hover
 * and a keyboard cursor (a uniform-grid index finds the point under the pointer), and the focused
 * prompt linked to its neighbours. Prompt text is shown as React text, never as HTML.
 */
import { memo, useEffect, useId, useMemo, useRef, type RefObject } from 'react';
import { dataBounds, defaultPointRadius, groupByCluster } from './scatterLayout';
import { buildGridIndex } from './spatialIndex';
import { devicePixelRatioNow, useElementSize } from './useElementSize';
import { MAP_PADDING, toPixels, zoomAt, type MapFrame, type MapViewport } from './mapView';
import { drawMap } from './promptMapDraw';
import { MapTooltip } from './MapTooltip';
import { useMapInput, type MapTool } from './useMapInput';

export type { MapTool } from './useMapInput';

/** Text lookups for the tooltip, called only for the point shown (so 40,000 strings need not be copied). */
export interface PromptMapLabels {
  getText: (index: number) => string;
  /** Short lines under the title (task, cluster, split...). */
  describe: (index: number) => string;
}

export interface PromptMapProps {
  /** Interleaved coordinates: point i at (coords[2i], coords[2i + 1]). */
  coords: Float32Array;
  /** Category of point i (-1: none, drawn grey). */
  category: Int32Array;
  colours: readonly string[];
  categoryLabel: (category: number) => string;
  noneColour?: string;
  noneLabel?: string;
  labels: PromptMapLabels;
  /** 1 for highlighted points (the rest dimmed); null: none. */
  highlight?: Uint8Array | null;
  focus?: number | null;
  neighbours?: Int32Array | null;
  viewport: MapViewport;
  onViewportChange: (view: MapViewport) => void;
  tool: MapTool;
  /** Box or lasso result (point indices), or null when a click on empty space clears it. */
  onSelect?: (rows: Int32Array | null) => void;
  /** Click or Enter on a point (null: on empty space, or Escape). */
  onFocusPoint?: (index: number | null) => void;
  /** "C" on the keyboard cursor: select the cursor point's cluster. */
  onSelectClusterOf?: (index: number) => void;
  height?: number;
  ariaLabel: string;
  /** The drawing canvas, for export. */
  canvasRef?: RefObject<HTMLCanvasElement | null>;
}

const HOVER_RADIUS = 12;
const UNCATEGORISED = '#9ca3af';

function PromptMapImpl(props: PromptMapProps) {
  const {
    coords,
    category,
    colours,
    categoryLabel,
    labels,
    highlight = null,
    focus = null,
    neighbours = null,
    viewport,
    onViewportChange,
    height = 480,
  } = props;
  const [measureRef, size] = useElementSize<HTMLDivElement>();
  const ownCanvas = useRef<HTMLCanvasElement | null>(null);
  const canvasRef = props.canvasRef ?? ownCanvas;
  const helpId = useId();
  const width = size.width;
  const n = Math.min(coords.length / 2, category.length);
  const radius = defaultPointRadius(n);

  const xy = useMemo(() => {
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) [x[i], y[i]] = [coords[2 * i], coords[2 * i + 1]];
    return { x, y };
  }, [coords, n]);
  const frame: MapFrame = useMemo(() => ({ bounds: dataBounds(xy.x, xy.y), width, height, padding: MAP_PADDING }), [xy, width, height]);
  const pixels = useMemo(() => toPixels(xy.x, xy.y, frame, viewport), [xy, frame, viewport]);
  const index = useMemo(() => buildGridIndex(pixels.px, pixels.py, HOVER_RADIUS * 2), [pixels]);
  const groups = useMemo(() => groupByCluster(category.subarray(0, n), colours.length), [category, n, colours.length]);
  const none = useMemo(
    () => Int32Array.from({ length: n }, (_, i) => i).filter((i) => !(category[i] >= 0 && category[i] < colours.length)),
    [category, n, colours.length],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    // A CPU-backed canvas: tens of thousands of small rectangles draw in milliseconds there, where a software GPU (SwiftShader) takes half a second.
    const ctx = canvas?.getContext('2d', { willReadFrequently: true });
    if (!canvas || !ctx || width <= 0) return;
    const dpr = devicePixelRatioNow();
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawMap(ctx, {
      ...pixels,
      width,
      height,
      groups,
      none,
      colours,
      noneColour: props.noneColour ?? UNCATEGORISED,
      highlight,
      radius,
      focus: focus ?? -1,
      neighbours,
    });
  }, [canvasRef, pixels, groups, none, colours, props.noneColour, highlight, radius, focus, neighbours, width, height]);

  const input = useMapInput({
    frame,
    viewport,
    onViewportChange,
    pixels,
    index,
    hoverRadius: HOVER_RADIUS,
    tool: props.tool,
    onSelect: props.onSelect,
    onFocusPoint: props.onFocusPoint,
    onSelectClusterOf: props.onSelectClusterOf,
    focus,
  });
  const shown = input.hovered >= 0 ? input.hovered : input.cursor;
  const announce = useMemo(() => {
    if (input.cursor < 0 || input.cursor >= n) return '';
    const c = category[input.cursor];
    return `${c >= 0 ? categoryLabel(c) : (props.noneLabel ?? 'no category')}. ${labels.describe(input.cursor)}. ${labels.getText(input.cursor).slice(0, 160)}`;
  }, [input.cursor, n, category, categoryLabel, labels, props.noneLabel]);

  const zoomButton = (factor: number) => onViewportChange(zoomAt(frame, viewport, factor, width / 2, height / 2));
  return (
    <div className="rl-map" style={{ height }}>
      <div
        ref={(el) => {
          measureRef(el);
          input.surfaceRef(el);
        }}
        className={`rl-map__surface rl-map__surface--${props.tool}`}
        tabIndex={0}
        role="application"
        aria-roledescription="prompt map"
        aria-label={props.ariaLabel}
        aria-describedby={helpId}
        {...input.handlers}
      >
        <canvas ref={canvasRef} style={{ width: Math.max(0, width), height }} />
        {input.overlay}
        {shown >= 0 && shown < n ? (
          <MapTooltip
            x={pixels.px[shown]}
            y={pixels.py[shown]}
            width={width}
            height={height}
            radius={radius}
            colour={category[shown] >= 0 ? colours[category[shown]] : (props.noneColour ?? UNCATEGORISED)}
            title={category[shown] >= 0 ? categoryLabel(category[shown]) : (props.noneLabel ?? 'no category')}
            detail={labels.describe(shown)}
            text={labels.getText(shown)}
            keyboard={shown === input.cursor && input.hovered < 0}
          />
        ) : null}
      </div>
      <div className="rl-map__zoom" role="group" aria-label="Zoom">
        <button type="button" className="rl-button rl-button--small" onClick={() => zoomButton(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="rl-button rl-button--small" onClick={() => zoomButton(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="rl-button rl-button--small" onClick={() => onViewportChange({ zoom: 1, x: 0.5, y: 0.5 })}>
          Fit
        </button>
      </div>
      <p id={helpId} className="rl-visually-hidden">
        Arrow keys move between prompts; Enter shows a prompt&apos;s nearest neighbours; C selects its cluster; Shift and an arrow key pans;
        plus and minus zoom; 0 fits every prompt; Escape clears.
      </p>
      <div className="rl-visually-hidden" aria-live="polite">
        {announce}
      </div>
    </div>
  );
}

/** Memoised: coords / category / colours / labels should keep their identity between renders. */
export const PromptMap = memo(PromptMapImpl);
