/** The deferral chart as a table ("Show as table"): every curve's points, the single LLMs and the operating point. */
import { formatPercent } from './format';

/** Rows listed per curve; the curves CSV holds every point. */
const MAX_ROWS = 300;

export interface DeferralTableProps {
  curves: readonly { id: string; label: string; points: readonly (readonly [number, number])[] }[];
  singles: readonly { name: string; cost: number; accuracy: number }[];
  operating?: { cost: number; accuracy: number; label: string };
}

export function DeferralTable({ curves, singles, operating }: DeferralTableProps) {
  return (
    <table className="rl-table rl-table--compact" data-testid="deferral-table">
      <caption className="rl-visually-hidden">Deferral curves as a table: accuracy against normalised cost</caption>
      <thead>
        <tr>
          <th scope="col">Series</th>
          <th scope="col" className="rl-num">
            Normalised cost
          </th>
          <th scope="col" className="rl-num">
            Accuracy
          </th>
        </tr>
      </thead>
      <tbody>
        {operating ? (
          <tr>
            <th scope="row">Operating point ({operating.label})</th>
            <td className="rl-num">{formatPercent(operating.cost, 2)}</td>
            <td className="rl-num">{formatPercent(operating.accuracy, 2)}</td>
          </tr>
        ) : null}
        {curves.flatMap((c) => {
          const rows = c.points.slice(0, MAX_ROWS).map(([cost, accuracy], i) => (
            <tr key={`${c.id}-${i}`}>
              <th scope="row">{c.label}</th>
              <td className="rl-num">{formatPercent(cost, 2)}</td>
              <td className="rl-num">{formatPercent(accuracy, 2)}</td>
            </tr>
          ));
          if (c.points.length > MAX_ROWS)
            rows.push(
              <tr key={`${c.id}-more`}>
                <td colSpan={3} className="rl-muted">
                  {c.label}: first {MAX_ROWS} of {c.points.length} points (the curves CSV has all)
                </td>
              </tr>,
            );
          return rows;
        })}
        {singles.map((s) => (
          <tr key={`single-${s.name}`}>
            <th scope="row">{s.name} (single LLM)</th>
            <td className="rl-num">{formatPercent(s.cost, 2)}</td>
            <td className="rl-num">{formatPercent(s.accuracy, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
