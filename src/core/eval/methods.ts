/** The routers and baselines every RouteLab comparison shows, with their per-method results. */
import type { CurveMetrics } from './metrics';

export type MethodName = 'oracle' | 'zero-router' | 'knn' | 'uniroute-kmeans' | 'uniroute-learnedmap';

export const METHOD_NAMES: readonly MethodName[] = ['oracle', 'zero-router', 'knn', 'uniroute-kmeans', 'uniroute-learnedmap'];

export const METHOD_LABELS: Record<MethodName, string> = {
  oracle: 'Oracle',
  'zero-router': 'ZeroRouter',
  knn: 'K-NN',
  'uniroute-kmeans': 'UniRoute (K-means)',
  'uniroute-learnedmap': 'UniRoute (learned map)',
};

/** A method's deferral curve (Pareto front, normalised cost) and its metrics on S_te. */
export interface MethodResult extends CurveMetrics {
  /** [normalisedCost, accuracy] pairs of the non-dominated curve, by increasing cost. */
  curve: [number, number][];
}

/** Where QNC's cost is measured against: max test-pool cost (default) or the most accurate LLM's cost. */
export type QncDenominator = 'max-test-cost' | 'most-accurate';
export const QNC_DENOMINATORS: readonly QncDenominator[] = ['max-test-cost', 'most-accurate'];

export function isMethodName(value: string): value is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(value);
}
