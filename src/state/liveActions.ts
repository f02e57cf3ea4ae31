/**
 * Live actions: re-evaluating the pool when LLMs are added or removed, and re-routing the test
 * prompts when the cost penalty, the method or the pool changes (one core call on typed arrays).
 */
import {
  defaultPenalty,
  evaluatePool,
  penaltyForAccuracy,
  penaltyForBudget,
  routeLive,
  type AddedModel,
  type PenaltyChoice,
  type SessionBase,
  type SessionPool,
  type TargetKind,
} from '../core/explorer';
import type { MethodName } from '../core/eval';
import { scheduleAddRehearsal } from './addRehearsal';
import { appStore } from './store';
import { ROUTING_METHODS, type RoutingMethod, type ViewId } from './urlState';

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** The method to route with: the wanted one when the pool has it, else the first available. */
function availableMethod(wanted: RoutingMethod): RoutingMethod {
  const pool = appStore.getState().session.pool;
  if (!pool || pool.methods[wanted]) return wanted;
  return ROUTING_METHODS.find((m) => pool.methods[m]) ?? wanted;
}

/**
 * Routes the test prompts at the current cost penalty and stores shares, cost, accuracy and the
 * operating point. While lambda is the app's default it is recomputed here, on the current pool and
 * method, so it (and its note) follow every change of pool, LLMs or router.
 */
export function relive(): void {
  const { session, routing, setRouting } = appStore.getState();
  const pool = session.pool;
  if (!pool) {
    setRouting({ live: null, liveMs: null });
    return;
  }
  const method = availableMethod(routing.method);
  const t0 = now();
  const costPenalty =
    routing.penaltyOrigin === 'default' ? (defaultPenalty(pool, method)?.costPenalty ?? routing.costPenalty) : routing.costPenalty;
  const live = routeLive(pool, method, costPenalty);
  setRouting({
    live,
    method,
    costPenalty,
    liveMs: now() - t0,
    selectedRow: routing.selectedRow !== null && routing.selectedRow < pool.n ? routing.selectedRow : pool.n > 0 ? 0 : null,
  });
}

/**
 * A new session is ready (trained, restored or imported): take up the routing settings waiting for
 * it (the dataset's saved ones, a link's), else keep lambda's origin, then route.
 */
export function settleRouting(fallbackMethod?: RoutingMethod): void {
  const { routing, setRouting } = appStore.getState();
  const p = routing.pending;
  setRouting({
    costPenalty: p?.costPenalty ?? routing.costPenalty,
    penaltyOrigin: p?.origin ?? (p?.costPenalty !== undefined ? 'saved' : routing.penaltyOrigin),
    method: p?.method ?? fallbackMethod ?? routing.method,
    pending: null,
  });
  refreshPool();
}

/** The last pools evaluated (newest first) with the session base and added LLMs they are of. */
let recentPools: { base: SessionBase; added: readonly AddedModel[]; pool: SessionPool }[] = [];
const RECENT_POOLS = 3;

function sameModels(a: readonly AddedModel[], b: readonly AddedModel[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The pool of base H_te + `added`. evaluatePool is a pure function of the two, so a pool evaluated
 * before for the same objects is that pool (removing the LLM just added gives it back), and the
 * pool before the last LLM joined lets evaluatePool extend each sweep by one column.
 */
function poolOf(base: SessionBase, added: readonly AddedModel[]): SessionPool {
  const mine = recentPools.filter((r) => r.base === base);
  const known = mine.find((r) => sameModels(r.added, added));
  if (known) return known.pool;
  const before = added.length > 0 ? mine.find((r) => sameModels(r.added, added.slice(0, -1))) : undefined;
  const pool = evaluatePool(base, added, before?.pool);
  recentPools = [{ base, added, pool }, ...mine].slice(0, RECENT_POOLS);
  if (added.length === 0) scheduleAddRehearsal(base, pool);
  return pool;
}

/** Re-evaluates every method on base H_te + the added LLMs (curves, metrics), then re-routes. */
export function refreshPool(): void {
  const { session, setSession } = appStore.getState();
  if (!session.base) {
    recentPools = [];
    setSession({ pool: null, lastPoolMs: null });
    relive();
    return;
  }
  const t0 = now();
  const pool = poolOf(session.base, session.added);
  setSession({ pool, lastPoolMs: now() - t0 });
  relive();
}

/** The user sets lambda (slider, keys, a target): it stays where it is put. */
export function setCostPenalty(costPenalty: number): void {
  if (!(costPenalty >= 0)) return;
  appStore.getState().setRouting({ costPenalty, penaltyOrigin: 'user' });
  relive();
}

/** Back to the app's default lambda for the current session (recomputed as the session changes). */
export function resetPenaltyToDefault(): void {
  appStore.getState().setRouting({ penaltyOrigin: 'default' });
  relive();
}

export function setRoutingMethod(method: RoutingMethod): void {
  appStore.getState().setRouting({ method });
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
export function setPenaltyForTarget(kind: TargetKind, value: number): PenaltyChoice | null {
  const { session, routing } = appStore.getState();
  const view = session.pool?.methods[routing.method as MethodName];
  if (!view) return null;
  const choice = kind === 'accuracy' ? penaltyForAccuracy(view.points, value) : penaltyForBudget(view.points, value);
  if (choice) setCostPenalty(choice.costPenalty);
  return choice;
}
