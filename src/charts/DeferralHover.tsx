/**
 * Hover layer of the deferral chart, rendered inside the recharts chart: a crosshair at the pointer's
 * cost, each visible curve's interpolated accuracy there, and the nearest single LLM. It keeps its own
 * state so moving the pointer never re-renders the curves.
 */
import { useState, type MouseEvent } from 'react';
import { createPortal } from 'react-dom';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { interpolateAt, type CurvePoint } from './curveData';
import { formatPercent } from './format';

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
}

/** Pixel radius within which the pointer "is on" a single LLM's point. */
const SINGLE_RADIUS = 10;

export function DeferralHover({ curves, singles, host }: DeferralHoverProps) {
  const plot = usePlotArea();
  const xInverse = useXAxisInverseScale();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  if (!plot || !xInverse || !xScale || !yScale) return null;

  const onMove = (event: MouseEvent<SVGRectElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    setPointer({ x: event.clientX - box.left, y: event.clientY - box.top });
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

  return (
    <ZIndexLayer zIndex={2500}>
      <g>
        {marks}
        <rect
          x={plot.x}
          y={plot.y}
          width={Math.max(0, plot.width)}
          height={Math.max(0, plot.height)}
          fill="transparent"
          className="rl-deferral__hit"
          onMouseMove={onMove}
          onMouseLeave={() => setPointer(null)}
        />
      </g>
      {tooltip && host ? createPortal(tooltip, host) : null}
    </ZIndexLayer>
  );
}
