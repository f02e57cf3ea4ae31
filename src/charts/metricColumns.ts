/** Columns of the metric table (deferral-curve metrics per method) and which row is best in each. */
import { formatFixed, formatPercent } from './format';

/** The metric columns, named as in src/core/eval/metrics.ts (CurveMetrics). */
export type MetricKey = 'area' | 'area50' | 'qnc' | 'aiq' | 'peakAccuracy';

export interface MetricRow {
  /** Method id (e.g. a MethodName such as 'uniroute-kmeans'); picks the colour swatch. */
  id: string;
  label: string;
  /** Swatch colour; defaults to the method's curve colour. */
  color?: string;
  /** Integral of accuracy over normalised cost in [0, 1]. */
  area: number;
  /** Integral over [0, 0.5] (not divided by 0.5). */
  area50: number;
  /** Quality-neutral cost as a fraction of the max test-pool cost; null when never reached. */
  qnc: number | null;
  aiq: number;
  peakAccuracy: number;
  /** Optional spread over trials (std), shown as "± s". */
  spread?: Partial<Record<MetricKey, number | null>>;
  /** A bound, not a contender (the oracle): shown, never marked best. */
  bound?: boolean;
  /** Optional 95% intervals, shown under the value; a null end is "not reached" (QNC). */
  ci?: Partial<Record<MetricKey, readonly [number | null, number | null]>>;
}

/** "[lo, hi]" of a metric's interval in the column's format; a null end reads "not reached". */
export function intervalText(column: MetricColumn, interval: readonly [number | null, number | null], digits: number): string {
  const end = (v: number | null) => (v === null ? 'not reached' : column.format(v, digits));
  return `[${end(interval[0])}, ${end(interval[1])}]`;
}

export interface MetricColumn {
  key: MetricKey;
  label: string;
  title: string;
  better: 'high' | 'low';
  format: (v: number | null | undefined, digits: number) => string;
}

export const METRIC_COLUMNS: readonly MetricColumn[] = [
  {
    key: 'area',
    label: 'Area',
    title: 'Area under the deferral curve over normalised cost [0, 1] (higher is better)',
    better: 'high',
    format: formatFixed,
  },
  {
    key: 'area50',
    label: 'Area (50%)',
    title: 'Area over normalised cost [0, 0.5], not rescaled (higher is better)',
    better: 'high',
    format: formatFixed,
  },
  {
    key: 'qnc',
    label: 'QNC',
    title: 'Quality-neutral cost: smallest normalised cost reaching the most accurate LLM (lower is better; — = not reached)',
    better: 'low',
    format: (v) => formatPercent(v, 1),
  },
  {
    key: 'aiq',
    label: 'AIQ',
    title: 'Average improvement in quality (RouterBench): area under the convex hull over the cost range (higher is better)',
    better: 'high',
    format: formatFixed,
  },
  {
    key: 'peakAccuracy',
    label: 'Peak acc.',
    title: 'Highest accuracy on the curve (higher is better)',
    better: 'high',
    format: (v) => formatPercent(v, 1),
  },
];

/** The id of the best real method per column (ties: first), ignoring missing values and bounds (the oracle). */
export function bestRows(rows: readonly MetricRow[]): Partial<Record<MetricKey, string>> {
  const best: Partial<Record<MetricKey, string>> = {};
  for (const col of METRIC_COLUMNS) {
    let bestValue: number | null = null;
    for (const row of rows) {
      if (row.bound) continue;
      const v = row[col.key];
      if (v === null || !Number.isFinite(v)) continue;
      if (bestValue === null || (col.better === 'high' ? v > bestValue : v < bestValue)) {
        bestValue = v;
        best[col.key] = row.id;
      }
    }
  }
  return best;
}
