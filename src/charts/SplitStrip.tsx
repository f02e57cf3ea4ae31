/**
 * The per-split spread of one metric: for each method a row of dots (one per split), its mean as a
 * tick and mean ± sd as a bar, on one shared axis. Plain SVG drawn to the container's width.
 */
import { memo, useMemo } from 'react';
import { useElementSize } from './useElementSize';
import { ACCENT } from './chartTheme';
import { niceTicks } from './trustScales';

export interface StripRow {
  id: string;
  label: string;
  color: string;
  values: readonly number[];
  mean: number;
  sd: number;
}

export interface SplitStripProps {
  rows: readonly StripRow[];
  format: (v: number) => string;
  xLabel: string;
  ariaLabel: string;
}

const ROW = 26;
const M = { top: 6, right: 16, bottom: 34, left: 170 };

function SplitStripImpl({ rows, format, xLabel, ariaLabel }: SplitStripProps) {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const [lo, hi] = useMemo(() => {
    const vals = rows.flatMap((r) => [...r.values, r.mean - r.sd, r.mean + r.sd]).filter(Number.isFinite);
    if (vals.length === 0) return [0, 1];
    const a = Math.min(...vals);
    const b = Math.max(...vals);
    const pad = Math.max((b - a) * 0.06, 1e-3);
    return [a - pad, b + pad];
  }, [rows]);
  const height = M.top + rows.length * ROW + M.bottom;
  const w = Math.max(0, size.width - M.left - M.right);
  const x = (v: number) => M.left + ((v - lo) / (hi - lo)) * w;
  return (
    <div ref={ref} role="img" aria-label={ariaLabel} className="rl-strip">
      {size.width > 0 ? (
        <svg width={size.width} height={height}>
          {niceTicks(lo, hi).map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={M.top} y2={M.top + rows.length * ROW} stroke={ACCENT.grid} />
              <text x={x(t)} y={M.top + rows.length * ROW + 14} textAnchor="middle" className="rl-whisker__tick">
                {format(t)}
              </text>
            </g>
          ))}
          <text x={M.left + w / 2} y={height - 4} textAnchor="middle" className="rl-axis-label">
            {xLabel}
          </text>
          {rows.map((r, i) => {
            const cy = M.top + i * ROW + ROW / 2;
            return (
              <g key={r.id}>
                <text x={M.left - 8} y={cy + 4} textAnchor="end" className="rl-strip__label">
                  {r.label}
                </text>
                {Number.isFinite(r.sd) ? (
                  <rect
                    x={x(r.mean - r.sd)}
                    y={cy - 5}
                    width={Math.max(1, x(r.mean + r.sd) - x(r.mean - r.sd))}
                    height={10}
                    fill={r.color}
                    opacity={0.18}
                  />
                ) : null}
                <line x1={x(r.mean)} x2={x(r.mean)} y1={cy - 8} y2={cy + 8} stroke={r.color} strokeWidth={2} />
                {r.values.map((v, j) =>
                  Number.isFinite(v) ? (
                    <circle key={j} cx={x(v)} cy={cy} r={3.5} fill="#fff" stroke={r.color} strokeWidth={1.5}>
                      <title>{`${r.label}, split ${j + 1}: ${format(v)}`}</title>
                    </circle>
                  ) : null,
                )}
              </g>
            );
          })}
        </svg>
      ) : null}
    </div>
  );
}

export const SplitStrip = memo(SplitStripImpl);
