/**
 * Checks of the number of clusters K before training, from the split sizes alone: k-means on the
 * training prompts needs 2 <= K <= |S_tr|, and each Ψ column rests on the validation prompts of its
 * cluster (the paper's "representative prompts"), so a K that leaves the typical cluster with only a
 * handful of them makes most of Ψ the shrinkage towards each LLM's overall error.
 */
import { splitSizes, type SplitFractions } from '../eval';

/** Fewer validation prompts than this in the median cluster earns a warning (the heatmap hatches such cells too). */
export const MIN_VAL_PER_CLUSTER = 5;

export interface ClusterCountCheck {
  /** Why K cannot be trained (outside [2, training prompts]); null when it can. */
  error: string | null;
  /** Why K is risky (the median cluster would hold fewer than 5 validation prompts); null when fine. */
  warning: string | null;
  trainPrompts: number;
  valPrompts: number;
  /** Validation prompts per cluster if the clusters were equal (the median of unequal ones is usually lower). */
  valPerCluster: number;
  /** The largest K whose clusters would hold MIN_VAL_PER_CLUSTER validation prompts each. */
  largestSafeK: number;
}

/** The inline message and warning of the Train view's K field. `auto` chooses K within range itself. */
export function checkClusterCount(k: number | 'auto', prompts: number, fractions: SplitFractions): ClusterCountCheck {
  let sizes: { train: number; val: number };
  try {
    sizes = splitSizes(prompts, fractions);
  } catch {
    // The split form shows its own message; K cannot be judged without a valid split.
    sizes = { train: prompts, val: 0 };
  }
  const largestSafeK = Math.max(2, Math.floor(sizes.val / MIN_VAL_PER_CLUSTER));
  const base = { trainPrompts: sizes.train, valPrompts: sizes.val, largestSafeK, valPerCluster: NaN, error: null, warning: null };
  if (k === 'auto') return base;
  const valPerCluster = k > 0 ? sizes.val / k : NaN;
  const withPer = { ...base, valPerCluster };
  if (!Number.isInteger(k) || k < 2)
    return { ...withPer, error: `K must be a whole number of at least 2 (K = 1 routes every prompt alike, as ZeroRouter does).` };
  if (k > sizes.train)
    return {
      ...withPer,
      error: `K = ${k.toLocaleString('en-US')} is more than the ${sizes.train.toLocaleString('en-US')} training prompts: k-means needs at least one prompt per cluster.`,
    };
  if (valPerCluster < MIN_VAL_PER_CLUSTER)
    return {
      ...withPer,
      warning: `K = ${k.toLocaleString('en-US')} leaves about ${valPerCluster < 1 ? valPerCluster.toFixed(2) : valPerCluster.toFixed(1)} of the ${sizes.val.toLocaleString('en-US')} validation prompts per cluster, so the median cluster has fewer than ${MIN_VAL_PER_CLUSTER}: most of Ψ would be the shrinkage towards each LLM's overall error. K ≤ ${largestSafeK.toLocaleString('en-US')} keeps ${MIN_VAL_PER_CLUSTER} per cluster.`,
    };
  return withPer;
}
