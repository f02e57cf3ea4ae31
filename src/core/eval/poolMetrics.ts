/** What every deferral-curve metric of one test pool shares: the QNC target, its denominator and the AIQ range. */
import type { CurveMetricsOptions } from './metrics';
import type { QncDenominator } from './methods';

/** Mean of the present (non-NaN) values of column `col` of an n x m matrix; 0 when none. */
export function meanScored(values: Float64Array, n: number, m: number, col: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i * m + col];
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

/**
 * Metric options for a pool with test accuracies `accuracies` and raw costs `costs`: QNC targets the most accurate
 * LLM (ties: the cheaper), optionally measured against its cost; AIQ spans the pool's normalised cost range.
 */
export function poolMetricOptions(
  accuracies: readonly number[],
  costs: ArrayLike<number>,
  normaliser: number,
  qncDenominator: QncDenominator,
): CurveMetricsOptions {
  let best = 0;
  let bestIdx = 0;
  accuracies.forEach((a, j) => {
    if (a > best || (a === best && costs[j] < costs[bestIdx])) {
      best = a;
      bestIdx = j;
    }
  });
  const list = Array.from(costs);
  const maxCost = Math.max(...list);
  const qncDenominatorScale = qncDenominator === 'most-accurate' && costs[bestIdx] > 0 ? maxCost / costs[bestIdx] : 1;
  return { qncTarget: best, qncDenominatorScale, aiqRange: [Math.min(...list) / normaliser, maxCost / normaliser] };
}
