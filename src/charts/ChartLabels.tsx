/**
 * The text labels of the deferral chart, placed together so none collides, is clipped or drops out
 * (see labelPlacement): the operating point's label first, then new LLMs, then the other single
 * LLMs, then the "upper bound" tag of a bound curve (the oracle). Labels keep off every point and,
 * where they can, off the curves; a label placed away from its point gets a leader line.
 */
import { useMemo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { estimateTextWidth, placeLabels, type Box, type LabelRequest, type Segment } from './labelPlacement';
import { OPERATING_RADIUS } from './OperatingMarker';

export interface LabelledPoint {
  name: string;
  cost: number;
  accuracy: number;
  isNew?: boolean;
}

interface ChartLabelsProps {
  /** Single LLMs that get a name label. */
  points: readonly LabelledPoint[];
  /** Every single LLM drawn (labelled or not), so labels avoid them all. */
  obstacles: readonly LabelledPoint[];
  /** The operating point and its label text. */
  operating?: { cost: number; accuracy: number; label: string };
  /** Curves as drawn (data units), so labels avoid crossing them. */
  lines: readonly (readonly (readonly [number, number])[])[];
  /** Tags on curves: e.g. "upper bound" at the oracle's most accurate, cheapest point. */
  tags: readonly { text: string; cost: number; accuracy: number; color: string }[];
}

const LABEL_HEIGHT = 14;
const SINGLE_RADIUS = 5;

/** The point of a box nearest to (x, y): where a leader line ends. */
function nearestOnBox(b: Box, x: number, y: number): [number, number] {
  return [Math.min(b.x1, Math.max(b.x0, x)), Math.min(b.y1, Math.max(b.y0, y))];
}

export function ChartLabels({ points, obstacles, operating, lines, tags }: ChartLabelsProps) {
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const placed = useMemo(() => {
    if (!plot || !xScale || !yScale) return [];
    const px = (cost: number, accuracy: number): [number, number] => [xScale(cost) ?? NaN, yScale(accuracy) ?? NaN];
    const items: { text: string; kind: 'op' | 'single' | 'new' | 'tag'; color?: string; request: LabelRequest }[] = [];
    const inPlot = ([x, y]: [number, number]) => x >= plot.x && x <= plot.x + plot.width && y >= plot.y && y <= plot.y + plot.height;
    if (operating) {
      // Where the marker is drawn: clamped to the plot when the point lies outside the zoomed view.
      const [ox, oy] = px(operating.cost, operating.accuracy);
      const x = Math.min(plot.x + plot.width, Math.max(plot.x, ox));
      const y = Math.min(plot.y + plot.height, Math.max(plot.y, oy));
      items.push({
        text: operating.label,
        kind: 'op',
        request: {
          x,
          y,
          width: estimateTextWidth(operating.label, 7.6),
          height: LABEL_HEIGHT + 6,
          priority: 3,
          radius: OPERATING_RADIUS + 2,
        },
      });
    }
    // Points outside a zoomed view are not drawn, so they get no label either.
    for (const p of points) {
      const [x, y] = px(p.cost, p.accuracy);
      if (!inPlot([x, y])) continue;
      items.push({
        text: p.name,
        kind: p.isNew ? 'new' : 'single',
        request: { x, y, width: estimateTextWidth(p.name, 6.2), height: LABEL_HEIGHT, priority: p.isNew ? 2 : 1, radius: SINGLE_RADIUS },
      });
    }
    for (const t of tags) {
      const [x, y] = px(t.cost, t.accuracy);
      if (!inPlot([x, y])) continue;
      items.push({
        text: t.text,
        kind: 'tag',
        color: t.color,
        request: { x, y, width: estimateTextWidth(t.text), height: LABEL_HEIGHT, priority: 0, radius: 2 },
      });
    }
    const labelled = new Set(points);
    const others = obstacles.filter((p) => !labelled.has(p)).map((p) => ({ ...toXY(px(p.cost, p.accuracy)), radius: SINGLE_RADIUS }));
    const segments: Segment[] = [];
    for (const line of lines) {
      for (let i = 0; i + 1 < line.length; i++) {
        const [x0, y0] = px(line[i][0], line[i][1]);
        const [x1, y1] = px(line[i + 1][0], line[i + 1][1]);
        if ([x0, y0, x1, y1].every(Number.isFinite)) segments.push({ x0, y0, x1, y1 });
      }
    }
    if (items[0]?.kind === 'op') {
      // The operating point's crosshair: labels keep off it where they can.
      const { x, y } = items[0].request;
      segments.push({ x0: plot.x, y0: y, x1: plot.x + plot.width, y1: y }, { x0: x, y0: plot.y, x1: x, y1: plot.y + plot.height });
    }
    const bounds = { x0: plot.x + 2, y0: plot.y + 2, x1: plot.x + plot.width - 2, y1: plot.y + plot.height - 2 };
    return placeLabels(
      items.map((i) => i.request),
      bounds,
      { obstacles: others, segments, pointRadius: SINGLE_RADIUS },
    ).map((l) => ({ ...l, item: items[l.index] }));
  }, [points, obstacles, operating, lines, tags, plot, xScale, yScale]);

  return (
    <ZIndexLayer zIndex={2000}>
      <g pointerEvents="none" className="rl-deferral__labels">
        {placed.map((l) => {
          const anchor = l.side === 'right' ? 'start' : l.side === 'left' ? 'end' : 'middle';
          const { request } = l.item;
          const [lx, ly] = nearestOnBox(l.box, request.x, request.y);
          const className =
            l.item.kind === 'op'
              ? 'rl-deferral__op-label'
              : l.item.kind === 'new'
                ? 'rl-deferral__label rl-deferral__label--new'
                : l.item.kind === 'tag'
                  ? 'rl-deferral__label rl-deferral__label--tag'
                  : 'rl-deferral__label';
          return (
            <g
              key={`${l.item.kind}-${l.index}`}
              data-label-kind={l.item.kind}
              data-label={l.item.text}
              data-crowded={l.crowded || undefined}
            >
              {l.leader ? <line x1={request.x} y1={request.y} x2={lx} y2={ly} className="rl-deferral__leader" /> : null}
              <text
                x={l.x}
                y={l.y}
                dy="0.35em"
                textAnchor={anchor}
                className={className}
                style={l.item.color ? { fill: l.item.color } : undefined}
              >
                {l.item.text}
              </text>
            </g>
          );
        })}
      </g>
    </ZIndexLayer>
  );
}

function toXY([x, y]: [number, number]): { x: number; y: number } {
  return { x, y };
}
