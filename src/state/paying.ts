/**
 * "Is routing paying?" at the Routing view's operating point (docs/trust.md section 3): the
 * core's routingPays on the session's evidence at the current method and lambda, with the
 * saving's bootstrap interval when a fresh bootstrap ran. A selector memoised on its inputs, so
 * views re-render only when lambda, the method, the pool or the bootstrap change; the per-prompt
 * choice behind the stacked bars is the sweep's (choiceAt), never re-routed here.
 */
import { poolEvidence, routingPays, type RoutingPays } from '../core/insight';
import type { BootstrapEvidence, MethodName } from '../core/eval';
import type { SessionBase, SessionPool } from '../core/explorer';
import type { Dataset } from '../core/types';
import type { AppState } from './slices';
import { freshBootstrap } from './trustActions';

interface EvidenceCache {
  pool: SessionPool;
  base: SessionBase;
  dataset: Dataset;
  evidence: BootstrapEvidence;
  tasks: (string | undefined)[];
}

let evidenceCache: EvidenceCache | null = null;
let last: { inputs: unknown[]; result: RoutingPays | null } | null = null;

function evidenceOf(pool: SessionPool, base: SessionBase, dataset: Dataset): EvidenceCache {
  if (evidenceCache?.pool !== pool || evidenceCache.base !== base || evidenceCache.dataset !== dataset) {
    evidenceCache = {
      pool,
      base,
      dataset,
      evidence: poolEvidence(base, pool),
      tasks: Array.from(base.testRows, (p) => dataset.prompts[p]?.task),
    };
  }
  return evidenceCache;
}

/** The method "is routing paying?" judges: the one routed live (ZeroRouter is the static mix itself: none). */
export function payingMethod(s: AppState): MethodName | null {
  const method = s.routing.live?.method ?? null;
  return method && method !== 'zero-router' && s.session.pool?.methods[method] ? method : null;
}

/** routingPays at the current operating point, or null without a session (or with ZeroRouter chosen). */
export function payingOf(s: AppState, lambda: number = s.routing.costPenalty): RoutingPays | null {
  const { pool, base } = s.session;
  const dataset = s.data.dataset;
  const method = payingMethod(s);
  const summary = freshBootstrap(s);
  const inputs = [pool, base, dataset, method, lambda, summary];
  if (last && last.inputs.every((v, i) => v === inputs[i])) return last.result;
  let result: RoutingPays | null = null;
  if (pool && base && dataset && method && pool.n > 0) {
    const { evidence, tasks } = evidenceOf(pool, base, dataset);
    result = routingPays(evidence, method, lambda, {
      tasks,
      clusters: base.testClusters,
      savingInterval: summary?.methods[method]?.saving.ci ?? null,
    });
  }
  last = { inputs, result };
  return result;
}
