/**
 * The current operating point on the deferral chart: a big dot with crosshair lines and a label,
 * drawn from the axis scales. It registers nothing with recharts (unlike ReferenceDot / ReferenceLine),
 * so moving it re-renders this small component only, not the axes and curves.
 */
import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';

export interface OperatingMarkerProps {
  cost: number;
  accuracy: number;
  label: string;
  color: string;
}

export function OperatingMarker({ cost, accuracy, label, color }: OperatingMarkerProps) {
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!plot || !xScale || !yScale) return null;
  const x = xScale(cost);
  const y = yScale(accuracy);
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  // Keep the marker inside the plot even if the point lies just outside the axis domain.
  const cx = Math.min(plot.x + plot.width, Math.max(plot.x, x));
  const cy = Math.min(plot.y + plot.height, Math.max(plot.y, y));
  const labelLeft = cx > plot.x + plot.width * 0.75;
  return (
    <ZIndexLayer zIndex={2400}>
      <g className="rl-deferral__op" pointerEvents="none">
        <line x1={cx} x2={cx} y1={plot.y} y2={plot.y + plot.height} stroke={color} strokeDasharray="4 3" strokeOpacity={0.7} />
        <line x1={plot.x} x2={plot.x + plot.width} y1={cy} y2={cy} stroke={color} strokeDasharray="4 3" strokeOpacity={0.7} />
        <circle cx={cx} cy={cy} r={7} fill={color} stroke="#fff" strokeWidth={2} />
        <text x={labelLeft ? cx - 10 : cx + 10} y={cy - 12} textAnchor={labelLeft ? 'end' : 'start'} className="rl-deferral__op-label">
          {label}
        </text>
      </g>
    </ZIndexLayer>
  );
}
