/**
 * Shaded pointwise bands on the deferral chart: between a lower and an upper accuracy at each
 * normalised cost of a grid (the bootstrap's 95% band, or an interval across repeats). Drawn from
 * the axis scales as one SVG path per band, under the curves, registering nothing with recharts.
 */
import { memo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';

export interface CurveBand {
  /** The id of the curve it surrounds (its colour, and hidden with it). */
  id: string;
  color: string;
  /** Normalised costs, ascending, and the band's ends at each (NaN: no band there). */
  cost: readonly number[];
  lo: readonly number[];
  hi: readonly number[];
}

/** The band's outline: along the upper ends left to right, back along the lower ends; '' when empty. */
export function bandPath(
  band: Pick<CurveBand, 'cost' | 'lo' | 'hi'>,
  x: (v: number) => number | undefined,
  y: (v: number) => number | undefined,
  clampY: (v: number) => number,
): string {
  const upper: string[] = [];
  const lower: string[] = [];
  for (let i = 0; i < band.cost.length; i++) {
    const [c, lo, hi] = [band.cost[i], band.lo[i], band.hi[i]];
    if (!Number.isFinite(c) || !Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    const px = x(c);
    const top = y(hi);
    const bottom = y(lo);
    if (px === undefined || top === undefined || bottom === undefined) continue;
    upper.push(`${px.toFixed(1)},${clampY(top).toFixed(1)}`);
    lower.push(`${px.toFixed(1)},${clampY(bottom).toFixed(1)}`);
  }
  if (upper.length < 2) return '';
  return `M${upper.join('L')}L${lower.reverse().join('L')}Z`;
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
