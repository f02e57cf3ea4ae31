/** What every deferral-curve metric of one test pool shares: the QNC target, its denominator and the AIQ range. */
import type { CurveMetricsOptions } from './metrics';
import type { QncDenominator } from './methods';

/** The most accurate LLM of a pool (ties: the cheaper, then the earlier): QNC's target. */
export function mostAccurateModel(accuracies: readonly number[], costs: ArrayLike<number>): number {
  let best = 0;
  let bestIdx = 0;
  accuracies.forEach((a, j) => {
    if (a > best || (a === best && costs[j] < costs[bestIdx])) {
      best = a;
      bestIdx = j;
    }
  });
  return bestIdx;
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
  const bestIdx = mostAccurateModel(accuracies, costs);
  const best = accuracies[bestIdx] > 0 ? accuracies[bestIdx] : 0;
  const list = Array.from(costs);
  const maxCost = Math.max(...list);
  const qncDenominatorScale = qncDenominator === 'most-accurate' && costs[bestIdx] > 0 ? maxCost / costs[bestIdx] : 1;
  return { qncTarget: best, qncDenominatorScale, aiqRange: [Math.min(...list) / normaliser, maxCost / normaliser] };
}
