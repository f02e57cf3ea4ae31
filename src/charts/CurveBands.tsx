/**
 * Shaded pointwise bands on the deferral chart: between a lower and an upper accuracy at each
 * normalised cost of a grid (the bootstrap's 95% band, or an interval across repeats). Drawn from
 * the axis scales as one SVG path per band, under the curves, registering nothing with recharts.
 */
import { memo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { bandPath } from './trustScales';

export interface CurveBand {
  /** The id of the curve it surrounds (its colour, and hidden with it). */
  id: string;
  color: string;
  /** Normalised costs, ascending, and the band's ends at each (NaN: no band there). */
  cost: readonly number[];
  lo: readonly number[];
  hi: readonly number[];
}

function CurveBandsImpl({ bands }: { bands: readonly CurveBand[] }) {
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!plot || !xScale || !yScale || bands.length === 0) return null;
  const clampY = (v: number) => Math.min(plot.y + plot.height, Math.max(plot.y, v));
  return (
    <g className="rl-deferral__bands" pointerEvents="none" data-testid="curve-bands">
      {bands.map((b) => {
        const d = bandPath(b, xScale, yScale, clampY);
        return d ? <path key={b.id} d={d} fill={b.color} fillOpacity={0.16} stroke="none" data-band={b.id} /> : null;
      })}
    </g>
  );
}

export const CurveBands = memo(CurveBandsImpl);
