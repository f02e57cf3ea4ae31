/**
 * The explorer's trained session as the evidence the bootstrap and "is routing paying?" read: the
 * pool's exact sweeps (every method but ZeroRouter, whose curve is a mix of single LLMs), its
 * scores, and ZeroRouter's validation accuracies. The app calls the insight functions with it.
 */
import { blockAt, type BootstrapEvidence, type ColumnBlocks, type DeferralSweep, type MethodName } from '../eval';
import type { SessionBase, SessionPool } from '../explorer';

/**
 * Evidence of `pool` (evaluatePool(base, added)). Singles and the QNC target read the K-means view's
 * scores (an added LLM without test scores at its estimated accuracy, as the Deferral view shows it);
 * each sweep replays with its own method's scores.
 */
export function poolEvidence(base: SessionBase, pool: SessionPool): BootstrapEvidence {
  const sweeps: Partial<Record<MethodName, DeferralSweep>> = {};
  const methodScores: Partial<Record<MethodName, ColumnBlocks>> = {};
  for (const [name, view] of Object.entries(pool.methods) as [MethodName, NonNullable<SessionPool['methods'][MethodName]>][]) {
    if (name === 'zero-router') continue;
    sweeps[name] = view.sweep;
    methodScores[name] = view.scoreBlocks;
  }
  const any = pool.methods['uniroute-kmeans'] ?? Object.values(pool.methods)[0];
  if (!any) throw new Error('the session has no evaluated method');
  const zero = pool.methods['zero-router'];
  // ZeroRouter's gamma is 1 - validation accuracy on every row.
  const zeroRouterValAccuracy = zero && pool.n > 0 ? pool.names.map((_, h) => 1 - blockAt(zero.gammaBlocks, 0, h)) : null;
  return {
    names: pool.names,
    costs: pool.costs,
    normaliser: pool.normaliser,
    qncDenominator: base.qncDenominator,
    n: pool.n,
    scores: any.scoreBlocks,
    zeroRouterValAccuracy,
    sweeps,
    methodScores,
  };
}
