/**
 * Live actions: re-evaluating the pool when LLMs are added or removed, and re-routing the test
 * prompts when the cost penalty, the method or the pool changes (one core call on typed arrays).
 */
import { evaluatePool, penaltyForAccuracy, penaltyForBudget, routeLive, type PenaltyChoice } from '../core/explorer';
import type { MethodName } from '../core/eval';
import { appStore } from './store';
import { ROUTING_METHODS, type RoutingMethod, type ViewId } from './urlState';

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** The method to route with: the wanted one when the pool has it, else the first available. */
function availableMethod(wanted: RoutingMethod): RoutingMethod {
  const pool = appStore.getState().session.pool;
  if (!pool || pool.methods[wanted]) return wanted;
  return ROUTING_METHODS.find((m) => pool.methods[m]) ?? wanted;
}

/** Routes the test prompts at the current cost penalty and stores shares, cost, accuracy and the operating point. */
export function relive(): void {
  const { session, routing, setRouting } = appStore.getState();
  const pool = session.pool;
  if (!pool) {
    setRouting({ live: null, liveMs: null });
    return;
  }
  const method = availableMethod(routing.method);
  const t0 = now();
  const live = routeLive(pool, method, routing.costPenalty);
  setRouting({
    live,
    method,
    liveMs: now() - t0,
    selectedRow: routing.selectedRow !== null && routing.selectedRow < pool.n ? routing.selectedRow : pool.n > 0 ? 0 : null,
  });
}

/** Re-evaluates every method on base H_te + the added LLMs (curves, metrics), then re-routes. */
export function refreshPool(): void {
  const { session, setSession } = appStore.getState();
  if (!session.base) {
    setSession({ pool: null, lastPoolMs: null });
    relive();
    return;
  }
  const t0 = now();
  const pool = evaluatePool(session.base, session.added);
  setSession({ pool, lastPoolMs: now() - t0 });
  relive();
}

export function setCostPenalty(costPenalty: number): void {
  if (!(costPenalty >= 0)) return;
  appStore.getState().setRouting({ costPenalty, penaltyNote: null });
  relive();
}

/**
 * The demo's first start: lambda at the cheapest routing of the current router that matches the
 * most accurate test LLM (the QNC point), so the Routing view opens where routing pays off.
 * Leaves lambda alone when the curve never gets there.
 */
export function setPenaltyToMatchBest(): PenaltyChoice | null {
  const { session, routing } = appStore.getState();
  const pool = session.pool;
  const view = pool?.methods[routing.method as MethodName];
  if (!pool || !view) return null;
  const choice = setPenaltyForTarget('accuracy', pool.qncTarget);
  if (!choice) return null;
  const best = pool.singles.find((s) => s.accuracy === pool.qncTarget);
  const share = best && best.cost > 0 ? choice.point.cost / best.cost : choice.point.cost;
  appStore.getState().setRouting({
    penaltyNote: `λ starts at the cheapest routing that matches ${best ? best.name : 'the most accurate test LLM'} (accuracy ${(pool.qncTarget * 100).toFixed(1)}%): ${(share * 100).toFixed(0)}% of its cost. Home sets λ = 0 (most accurate routing).`,
  });
  return choice;
}

export function setRoutingMethod(method: RoutingMethod): void {
  appStore.getState().setRouting({ method, penaltyNote: null });
  relive();
}

export function selectRow(row: number | null): void {
  appStore.getState().setRouting({ selectedRow: row });
}

export function selectCluster(cluster: number | null): void {
  const k = appStore.getState().session.base?.k;
  appStore.getState().setUi({ selectedCluster: cluster !== null && k !== undefined && cluster >= k ? null : cluster });
}

export function setView(view: ViewId): void {
  appStore.getState().setUi({ view });
}

/** Sets the cost penalty for a target accuracy or a budget (normalised cost), read off the exact curve. */
export function setPenaltyForTarget(kind: 'accuracy' | 'budget', value: number): PenaltyChoice | null {
  const { session, routing } = appStore.getState();
  const view = session.pool?.methods[routing.method as MethodName];
  if (!view) return null;
  const choice = kind === 'accuracy' ? penaltyForAccuracy(view.points, value) : penaltyForBudget(view.points, value);
  if (choice) setCostPenalty(choice.costPenalty);
  return choice;
}

/** The slider's lambda range for a method: around its curve's positive breakpoints (decades either side). */
export function sliderRange(points: readonly { costPenalty: number }[] | undefined): { min: number; max: number } {
  let lo = Infinity;
  let hi = 0;
  for (const p of points ?? []) {
    if (p.costPenalty > 0 && Number.isFinite(p.costPenalty)) {
      lo = Math.min(lo, p.costPenalty);
      hi = Math.max(hi, p.costPenalty);
    }
  }
  if (!(hi > 0)) return { min: 1e-4, max: 10 };
  const min = 10 ** Math.floor(Math.log10(lo) - 0.5);
  const max = 10 ** Math.ceil(Math.log10(hi) + 0.5);
  return { min, max: max > min ? max : min * 10 };
}
