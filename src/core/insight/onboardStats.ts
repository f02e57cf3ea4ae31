/**
 * Small statistics of the onboarding simulator: a label budget drawn from an LLM's validation
 * scores, intervals over repeats, a binomial interval for a per-cluster error rate, and a curve
 * read on a fixed grid of normalised cost (for means and bands across repeats).
 */
import { accuracyAt, quantileSorted, type CurvePoint } from '../eval';
import { shuffled, type Rng } from '../rng';

/** One repeat's order of the LLM's scored validation prompts: its first n are the n labels (nested budgets). */
export function labelOrder(errors: Float64Array, rng: Rng): number[] {
  const scored: number[] = [];
  for (let i = 0; i < errors.length; i++) if (!Number.isNaN(errors[i])) scored.push(i);
  return shuffled(scored, rng);
}

/** The errors with only the first n prompts of `order` kept (the rest blank: NaN, no evidence). */
export function keepLabels(errors: Float64Array, order: readonly number[], n: number): Float64Array {
  const out = new Float64Array(errors.length).fill(NaN);
  for (let j = 0; j < Math.min(n, order.length); j++) out[order[j]] = errors[order[j]];
  return out;
}

/** Mean and central 95% percentile interval of repeated values. */
export function spreadOf(values: readonly number[]): { mean: number; interval: [number, number] } {
  const sorted = Float64Array.from(values).sort();
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, interval: [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)] };
}

/**
 * Wilson score interval (95%) of an error rate seen as `errors` out of `n` labels; [0, 1] without
 * labels. Fractional scores count as fractional errors (an approximation).
 */
export function wilsonInterval(errors: number, n: number, z = 1.959963984540054): [number, number] {
  if (!(n > 0)) return [0, 1];
  const p = errors / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** A front read at every grid cost (linear between points, flat outside: the curve the metrics integrate). */
export function onGrid(front: CurvePoint[], grid: readonly number[]): number[] {
  return grid.map((c) => accuracyAt(front, c));
}
