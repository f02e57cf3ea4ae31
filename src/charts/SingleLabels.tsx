/** Name labels of the single-LLM points on the deferral chart, placed so they do not collide (see labelPlacement). */
import { useMemo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { estimateTextWidth, placeLabels, type LabelRequest } from './labelPlacement';

export interface LabelledPoint {
  name: string;
  cost: number;
  accuracy: number;
  isNew?: boolean;
}

interface SingleLabelsProps {
  points: readonly LabelledPoint[];
  /** Every point drawn on the chart (labelled or not), so labels avoid them all. */
  obstacles: readonly LabelledPoint[];
}

const LABEL_HEIGHT = 12;

export function SingleLabels({ points, obstacles }: SingleLabelsProps) {
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const placed = useMemo(() => {
    if (!plot || !xScale || !yScale) return [];
    const px = (p: LabelledPoint) => [xScale(p.cost) ?? NaN, yScale(p.accuracy) ?? NaN];
    const labelled = new Set(points);
    const requests: LabelRequest[] = points.map((p) => {
      const [x, y] = px(p);
      return { x, y, width: estimateTextWidth(p.name), height: LABEL_HEIGHT, priority: p.isNew ? 1 : 0 };
    });
    const others = obstacles.filter((p) => !labelled.has(p)).map((p) => ({ x: px(p)[0], y: px(p)[1] }));
    const bounds = { x0: plot.x, y0: plot.y, x1: plot.x + plot.width, y1: plot.y + plot.height };
    return placeLabels(requests, bounds, { obstacles: others });
  }, [points, obstacles, plot, xScale, yScale]);

  return (
    <ZIndexLayer zIndex={2000}>
      <g pointerEvents="none">
        {placed.map((l) => {
          const p = points[l.index];
          const anchor = l.side === 'right' ? 'start' : l.side === 'left' ? 'end' : 'middle';
          return (
            <text
              key={`${p.name}-${l.index}`}
              x={l.x}
              y={l.y}
              dy="0.35em"
              textAnchor={anchor}
              className={p.isNew ? 'rl-deferral__label rl-deferral__label--new' : 'rl-deferral__label'}
            >
              {p.name}
            </text>
          );
        })}
      </g>
    </ZIndexLayer>
  );
}
