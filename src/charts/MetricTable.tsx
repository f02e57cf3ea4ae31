/** Per-method deferral-curve metrics (Area, Area(50%), QNC, AIQ, peak accuracy) in a right-aligned table. */
import { memo } from 'react';
import { MISSING, formatFixed, formatPercent } from './format';
import { METRIC_COLUMNS, bestRows, intervalText, type MetricRow } from './metricColumns';

export type { MetricKey, MetricRow } from './metricColumns';
import { seriesStyle } from './chartTheme';

export interface MetricTableProps {
  rows: readonly MetricRow[];
  /** Decimals of Area, Area(50%) and AIQ (default 3). */
  digits?: number;
  /** Row id to emphasise (e.g. the method chosen in the router). */
  highlightId?: string;
  caption?: string;
  className?: string;
}

function MetricTableImpl({ rows, digits = 3, highlightId, caption, className }: MetricTableProps) {
  const best = bestRows(rows);
  return (
    <table className={['rl-table', 'rl-metric-table', className].filter(Boolean).join(' ')}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">Method</th>
          {METRIC_COLUMNS.map((c) => (
            <th key={c.key} scope="col" className="rl-num" title={c.title}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.id} className={row.id === highlightId ? 'rl-row--highlight' : undefined} data-row={row.id}>
            <th scope="row">
              <span className="rl-swatch" style={{ background: row.color ?? seriesStyle(row.id, i).color }} aria-hidden="true" />
              {row.label}
              {row.bound ? <span className="rl-legend__bound">upper bound</span> : null}
            </th>
            {METRIC_COLUMNS.map((c) => {
              const value = row[c.key];
              const spread = row.spread?.[c.key];
              const ci = row.ci?.[c.key];
              const text = c.format(value, digits);
              return (
                <td key={c.key} className={['rl-num', best[c.key] === row.id ? 'rl-best' : ''].filter(Boolean).join(' ')}>
                  {text}
                  {spread !== undefined && spread !== null && text !== MISSING ? (
                    <span className="rl-spread">
                      {' '}
                      ± {c.key === 'qnc' || c.key === 'peakAccuracy' ? formatPercent(spread, 1) : formatFixed(spread, digits)}
                    </span>
                  ) : null}
                  {ci ? (
                    <span className="rl-ci" data-ci={c.key} title="95% interval (paired bootstrap over the test prompts)">
                      {intervalText(c, ci, digits)}
                    </span>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Memoised: re-renders only when its rows (or options) change, not on every slider move. */
export const MetricTable = memo(MetricTableImpl);
