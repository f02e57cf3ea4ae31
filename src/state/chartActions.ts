/**
 * Chart actions: the deferral charts' cost axis and zoom, and clicking a curve, which routes with
 * that curve's method at the lambda of the clicked point (read off the core's sweep).
 */
import { penaltyAtPoint, type PenaltyChoice } from '../core/explorer';
import type { MethodName } from '../core/eval';
import { appStore } from './store';
import { setCostPenalty, setRoutingMethod } from './liveActions';
import type { ChartZoom, DeferralChartId } from './slices';
import { ROUTING_METHODS, type RoutingMethod } from './urlState';

export function setCostAxis(costAxis: 'linear' | 'log'): void {
  // A zoom box drawn on one scale means another region on the other: start from the whole curve.
  appStore.getState().setUi({ costAxis, chartZoom: {} });
}

export function setChartZoom(chart: DeferralChartId, zoom: ChartZoom | null): void {
  const current = appStore.getState().ui.chartZoom;
  const next = { ...current };
  if (zoom) next[chart] = zoom;
  else delete next[chart];
  appStore.getState().setUi({ chartZoom: next });
}

/**
 * A click on the curve of `method` at its front point (cost, accuracy): routes with that method at
 * the lambda from which the point holds. Null (nothing changes) when the method has no curve here.
 */
export function pickCurvePoint(method: string, cost: number, accuracy: number): PenaltyChoice | null {
  const pool = appStore.getState().session.pool;
  if (!ROUTING_METHODS.includes(method as RoutingMethod)) return null;
  const view = pool?.methods[method as MethodName];
  if (!view) return null;
  const choice = penaltyAtPoint(view.points, cost, accuracy);
  if (!choice) return null;
  if (appStore.getState().routing.method !== method) setRoutingMethod(method as RoutingMethod);
  setCostPenalty(choice.costPenalty);
  return choice;
}
