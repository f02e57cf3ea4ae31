/** The error heatmap as a table ("Show as table"): a row per LLM, a column per cluster, error rate and evidence per cell. */
import type { HeatmapModel } from './HeatmapLabels';
import { formatCost, formatPercent } from './format';

export interface HeatmapTableProps {
  models: readonly HeatmapModel[];
  order: readonly number[];
  clusterCount: number;
  psi: ArrayLike<number>;
  counts?: ArrayLike<number>;
  best: readonly (readonly number[])[];
  clusterLabel: (k: number) => string;
  clusterDetail?: (k: number) => string;
}

export function HeatmapTable({ models, order, clusterCount, psi, counts, best, clusterLabel, clusterDetail }: HeatmapTableProps) {
  const ks = Array.from({ length: clusterCount }, (_, k) => k);
  return (
    <table className="rl-table rl-table--compact" data-testid="heatmap-table">
      <caption className="rl-visually-hidden">
        Error rate Ψ of every LLM on every cluster, with the validation prompts behind it; ★ marks the best LLM of each cluster
      </caption>
      <thead>
        <tr>
          <th scope="col">LLM</th>
          <th scope="col" className="rl-num">
            Cost
          </th>
          {ks.map((k) => (
            <th key={k} scope="col" className="rl-num" title={clusterDetail?.(k)}>
              Cluster {clusterLabel(k)}
              {clusterDetail?.(k) ? ` (${clusterDetail(k)})` : ''}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {order.map((h) => (
          <tr key={h}>
            <th scope="row">
              {models[h].name}
              {models[h].isTest ? ' (test)' : ''}
              {models[h].isNew ? ' (new)' : ''}
            </th>
            <td className="rl-num">{formatCost(models[h].cost)}</td>
            {ks.map((k) => {
              const i = h * clusterCount + k;
              return (
                <td key={k} className="rl-num" data-best={best[k]?.includes(h) || undefined}>
                  {best[k]?.includes(h) ? '★ ' : ''}
                  {formatPercent(psi[i], 1)}
                  {counts ? <span className="rl-muted"> (n={counts[i]})</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
