/** A training-curve chart as a table ("Show as table"): one row per step, a column per series. */
import { formatSignificant } from './format';
import type { StepRow } from './seriesData';

export interface SeriesTableProps {
  rows: readonly StepRow[];
  series: readonly { id: string; label: string }[];
  xLabel: string;
  caption: string;
}

export function SeriesTable({ rows, series, xLabel, caption }: SeriesTableProps) {
  return (
    <table className="rl-table rl-table--compact">
      <caption className="rl-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="rl-num">
            {xLabel}
          </th>
          {series.map((s) => (
            <th key={s.id} scope="col" className="rl-num">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={series.length + 1} className="rl-muted">
              No steps yet.
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={String(r.step)}>
              <th scope="row" className="rl-num">
                {r.step}
              </th>
              {series.map((s) => (
                <td key={s.id} className="rl-num">
                  {r[s.id] === null || r[s.id] === undefined ? '—' : formatSignificant(r[s.id] as number, 5)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
