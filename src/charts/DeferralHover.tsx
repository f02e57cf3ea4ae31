/**
 * Pointer layer of the deferral chart, rendered inside the recharts chart: a crosshair at the
 * pointer's cost, each visible curve's interpolated accuracy there, and the nearest single LLM; a
 * drag draws a box and zooms to it; a click on a curve picks that curve's nearest point. It keeps its
 * own state so moving the pointer never re-renders the curves.
 */
import { useState, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisInverseScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { interpolateAt, type CurvePoint } from './curveData';
import { pickCurve } from './curvePick';
import { zoomFromDrag, type CostAxisScale, type ZoomBox } from './deferralAxes';
import { formatPercent } from './format';

/** A curve that a click can pick: its drawn line and its own points (data units). */
export interface PickableCurve {
  id: string;
  line: readonly CurvePoint[];
  vertices: readonly CurvePoint[];
}

export interface HoverCurve {
  id: string;
  label: string;
  color: string;
  points: readonly CurvePoint[];
}

export interface HoverSingle {
  name: string;
  cost: number;
  accuracy: number;
  isNew?: boolean;
}

interface DeferralHoverProps {
  curves: readonly HoverCurve[];
  singles: readonly HoverSingle[];
  /** Positioned element the tooltip is portalled into (the chart's wrapper). */
  host: HTMLElement | null;
  /** Curves a click may pick (the visible ones), and what a pick calls with the curve id and vertex index. */
  pickable?: readonly PickableCurve[];
  onPick?: (id: string, vertex: number) => void;
  /** Called with the box a drag selected (a drag under 1% of the view is a click). */
  onZoom?: (zoom: ZoomBox) => void;
  view: { xDomain: [number, number]; yDomain: [number, number]; scale: CostAxisScale };
}

/** Pixel radius within which the pointer "is on" a single LLM's point. */
const SINGLE_RADIUS = 10;

export function DeferralHover({ curves, singles, host, pickable = [], onPick, onZoom, view }: DeferralHoverProps) {
  const plot = usePlotArea();
  const xInverse = useXAxisInverseScale();
  const yInverse = useYAxisInverseScale();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);
  if (!plot || !xInverse || !yInverse || !xScale || !yScale) return null;

  const local = (event: PointerEvent<SVGRectElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    const box = svg?.getBoundingClientRect();
    return box ? { x: event.clientX - box.left, y: event.clientY - box.top } : null;
  };
  const onMove = (event: PointerEvent<SVGRectElement>) => setPointer(local(event));
  const onDown = (event: PointerEvent<SVGRectElement>) => {
    if (event.button !== 0) return;
    // No focus ring on the chart from a drag; the pointer stays captured until release.
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setDrag(local(event));
  };
  const onUp = (event: PointerEvent<SVGRectElement>) => {
    const start = drag;
    const end = local(event);
    setDrag(null);
    if (!start || !end) return;
    const at = (p: { x: number; y: number }) => ({ cost: Number(xInverse(p.x)), accuracy: Number(yInverse(p.y)) });
    const zoom = zoomFromDrag(at(start), at(end), view, view.scale);
    if (zoom && onZoom) {
      onZoom(zoom);
      return;
    }
    if (!onPick) return;
    const toPx = (pts: readonly CurvePoint[]) => pts.map(([c, a]) => [xScale(c) ?? NaN, yScale(a) ?? NaN] as const);
    const hit = pickCurve(
      pickable.map((c) => ({ line: toPx(c.line), vertices: toPx(c.vertices) })),
      end.x,
      end.y,
    );
    if (hit) onPick(pickable[hit.curve].id, hit.vertex);
  };

  let tooltip = null;
  let marks = null;
  if (pointer) {
    const cost = Number(xInverse(pointer.x));
    const values = curves
      .map((c) => ({ ...c, accuracy: interpolateAt(c.points, cost) }))
      .filter((c) => Number.isFinite(c.accuracy))
      .sort((a, b) => b.accuracy - a.accuracy);
    let nearest: HoverSingle | null = null;
    let nearestD = SINGLE_RADIUS;
    for (const s of singles) {
      const sx = xScale(s.cost);
      const sy = yScale(s.accuracy);
      if (sx === undefined || sy === undefined) continue;
      const d = Math.hypot(sx - pointer.x, sy - pointer.y);
      if (d <= nearestD) [nearest, nearestD] = [s, d];
    }
    marks = (
      <g pointerEvents="none">
        <line x1={pointer.x} x2={pointer.x} y1={plot.y} y2={plot.y + plot.height} className="rl-deferral__guide" />
        {values.map((v) => {
          const y = yScale(v.accuracy);
          return y === undefined ? null : <circle key={v.id} cx={pointer.x} cy={y} r={3.5} fill={v.color} stroke="#fff" strokeWidth={1} />;
        })}
      </g>
    );
    const flip = pointer.x > plot.x + plot.width * 0.62;
    tooltip = (
      <div
        className="rl-tooltip rl-deferral__tooltip"
        role="status"
        style={{ top: plot.y + 6, ...(flip ? { right: `calc(100% - ${pointer.x - 12}px)` } : { left: pointer.x + 12 }) }}
      >
        {nearest ? (
          <div className="rl-tooltip__title">
            {nearest.name}
            {nearest.isNew ? <span className="rl-tag">new</span> : null}
            <div className="rl-tooltip__sub">
              cost {formatPercent(nearest.cost, 1)} · accuracy {formatPercent(nearest.accuracy, 1)}
            </div>
          </div>
        ) : null}
        <div className="rl-tooltip__sub">at normalised cost {formatPercent(cost, 1)}</div>
        <table className="rl-tooltip__table">
          <tbody>
            {values.map((v) => (
              <tr key={v.id}>
                <td>
                  <span className="rl-swatch" style={{ background: v.color }} aria-hidden="true" />
                  {v.label}
                </td>
                <td className="rl-num">{formatPercent(v.accuracy, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  const box =
    drag && pointer ? (
      <rect
        x={Math.min(drag.x, pointer.x)}
        y={Math.min(drag.y, pointer.y)}
        width={Math.abs(pointer.x - drag.x)}
        height={Math.abs(pointer.y - drag.y)}
        className="rl-deferral__brush"
      />
    ) : null;
  return (
    <ZIndexLayer zIndex={2500}>
      <g data-export="skip">
        {marks}
        {box}
        <rect
          x={plot.x}
          y={plot.y}
          width={Math.max(0, plot.width)}
          height={Math.max(0, plot.height)}
          fill="transparent"
          className="rl-deferral__hit"
          data-testid="deferral-hit"
          onPointerMove={onMove}
          onPointerDown={onDown}
          onPointerUp={onUp}
          // While dragging the pointer is captured, so leaving the plot does not end the drag.
          onPointerLeave={() => {
            if (!drag) setPointer(null);
          }}
        />
      </g>
      {tooltip && host ? createPortal(tooltip, host) : null}
    </ZIndexLayer>
  );
}
