/**
 * The current operating point on the deferral chart: a big dot with crosshair lines, drawn from the
 * axis scales. It registers nothing with recharts (unlike ReferenceDot / ReferenceLine), so moving it
 * re-renders this small component only. It sits below the single-LLM points (a cheap LLM exactly at
 * the operating point stays visible on top of it); its label is placed with the others (ChartLabels).
 */
import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';

export interface OperatingMarkerProps {
  cost: number;
  accuracy: number;
  color: string;
}

/** Radius of the operating point's dot in px (labels keep off it). */
export const OPERATING_RADIUS = 7;

/** Above the curves (400) and axes (500), below the scatter points (600). */
const MARKER_Z = 550;

export function OperatingMarker({ cost, accuracy, color }: OperatingMarkerProps) {
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!plot || !xScale || !yScale) return null;
  const x = xScale(cost);
  const y = yScale(accuracy);
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  // Keep the marker inside the plot even if the point lies outside the axis domain (zoomed away).
  const cx = Math.min(plot.x + plot.width, Math.max(plot.x, x));
  const cy = Math.min(plot.y + plot.height, Math.max(plot.y, y));
  return (
    <ZIndexLayer zIndex={MARKER_Z}>
      <g className="rl-deferral__op" pointerEvents="none" data-cost={cost} data-accuracy={accuracy}>
        <line x1={cx} x2={cx} y1={plot.y} y2={plot.y + plot.height} stroke={color} strokeDasharray="4 3" strokeOpacity={0.7} />
        <line x1={plot.x} x2={plot.x + plot.width} y1={cy} y2={cy} stroke={color} strokeDasharray="4 3" strokeOpacity={0.7} />
        <circle cx={cx} cy={cy} r={OPERATING_RADIUS} fill={color} stroke="#fff" strokeWidth={2} />
      </g>
    </ZIndexLayer>
  );
}
