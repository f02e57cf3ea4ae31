/**
 * Points with interval whiskers over categories (label budgets, clusters): one or more series side
 * by side in each category, optional horizontal reference lines (e.g. a tolerance). Plain SVG drawn
 * to the container's width.
 */
import { memo, useMemo } from 'react';
import { useElementSize } from './useElementSize';
import { ACCENT } from './chartTheme';
import { niceTicks } from './trustScales';

export interface WhiskerSeries {
  id: string;
  label: string;
  color: string;
  /** One value per category (NaN: none), with its interval ends. */
  values: readonly number[];
  lo: readonly number[];
  hi: readonly number[];
}

export interface WhiskerChartProps {
  categories: readonly string[];
  series: readonly WhiskerSeries[];
  format: (v: number) => string;
  yLabel: string;
  xLabel: string;
  refLines?: readonly { value: number; label: string }[];
  height?: number;
  ariaLabel: string;
}

const M = { top: 10, right: 12, bottom: 34, left: 56 };

function WhiskerChartImpl({ categories, series, format, yLabel, xLabel, refLines = [], height = 220, ariaLabel }: WhiskerChartProps) {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const [yMin, yMax] = useMemo(() => {
    const vals = [...series.flatMap((s) => [...s.lo, ...s.hi, ...s.values]), ...refLines.map((r) => r.value)].filter(Number.isFinite);
    if (vals.length === 0) return [0, 1];
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    const pad = Math.max((hi - lo) * 0.08, 1e-3);
    return [lo - pad, hi + pad];
  }, [series, refLines]);
  const w = Math.max(0, size.width - M.left - M.right);
  const h = height - M.top - M.bottom;
  const y = (v: number) => M.top + h - ((v - yMin) / (yMax - yMin)) * h;
  const band = categories.length ? w / categories.length : 0;
  const x = (c: number, s: number) => M.left + band * (c + 0.5) + (s - (series.length - 1) / 2) * Math.min(14, band / (series.length + 1));
  return (
    <div className="rl-whisker">
      <div className="rl-legend" aria-hidden="true">
        {series.map((s) => (
          <span key={s.id} className="rl-legend__item rl-legend__static">
            <span className="rl-legend__dot" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </div>
      <div ref={ref} role="img" aria-label={ariaLabel}>
        {size.width > 0 ? (
          <svg width={size.width} height={height} className="rl-whisker__svg">
            {niceTicks(yMin, yMax).map((t) => (
              <g key={t}>
                <line x1={M.left} x2={M.left + w} y1={y(t)} y2={y(t)} stroke={ACCENT.grid} />
                <text x={M.left - 6} y={y(t) + 4} textAnchor="end" className="rl-whisker__tick">
                  {format(t)}
                </text>
              </g>
            ))}
            {refLines.map((r) => (
              <g key={r.label}>
                <line x1={M.left} x2={M.left + w} y1={y(r.value)} y2={y(r.value)} stroke={ACCENT.operatingPoint} strokeDasharray="5 4" />
                <text x={M.left + w - 4} y={y(r.value) - 4} textAnchor="end" className="rl-whisker__ref">
                  {r.label}
                </text>
              </g>
            ))}
            {categories.map((c, i) => (
              <text key={c} x={M.left + band * (i + 0.5)} y={M.top + h + 16} textAnchor="middle" className="rl-whisker__tick">
                {c}
              </text>
            ))}
            <text x={M.left + w / 2} y={height - 4} textAnchor="middle" className="rl-axis-label">
              {xLabel}
            </text>
            <text transform={`translate(12 ${M.top + h / 2}) rotate(-90)`} textAnchor="middle" className="rl-axis-label">
              {yLabel}
            </text>
            {series.map((s, si) =>
              categories.map((_, ci) => {
                const v = s.values[ci];
                if (!Number.isFinite(v)) return null;
                const cx = x(ci, si);
                const [lo, hi] = [s.lo[ci], s.hi[ci]];
                return (
                  <g key={`${s.id}-${ci}`}>
                    {Number.isFinite(lo) && Number.isFinite(hi) ? (
                      <line x1={cx} x2={cx} y1={y(lo)} y2={y(hi)} stroke={s.color} strokeWidth={2} />
                    ) : null}
                    <circle cx={cx} cy={y(v)} r={4} fill={s.color}>
                      <title>{`${s.label}, ${categories[ci]}: ${format(v)}${Number.isFinite(lo) ? ` (${format(lo)} to ${format(hi)})` : ''}`}</title>
                    </circle>
                  </g>
                );
              }),
            )}
          </svg>
        ) : null}
      </div>
    </div>
  );
}

export const WhiskerChart = memo(WhiskerChartImpl);
