/**
 * The cost penalty lambda of a session: its default (computed on the session's own data), the notes
 * that say what a lambda gives (always from the current pool and method, so never stale), and the
 * slider's range (the log span of the data's breakpoints, which depend on its cost unit).
 */
import type { MethodName } from '../eval';
import { routeLive } from './liveRouting';
import { costText, lambdaText, percentText } from './numberText';
import { peakAccuracy, penaltyForAccuracy, type PenaltyChoice } from './target';
import type { SessionPool, SinglePoint } from './types';

/** The lambda a session starts at, and why. */
export interface PenaltyDefault {
  costPenalty: number;
  /** The most accurate pool LLM (QNC's target). */
  best: SinglePoint;
  /** True when the curve reaches the best LLM's accuracy (the QNC point); else lambda is the curve's most accurate routing. */
  reached: boolean;
  choice: PenaltyChoice;
}

/**
 * The default lambda of `method` on `pool`: the cheapest routing that matches the most accurate pool
 * LLM (the QNC point, where routing pays off), or, when the curve never gets there, the cheapest of
 * its most accurate routings. Null when the method is not evaluated or has no curve.
 */
export function defaultPenalty(pool: SessionPool, method: MethodName): PenaltyDefault | null {
  const view = pool.methods[method];
  if (!view || pool.singles.length === 0) return null;
  // The sweep's columns are the curve's points (no object per point).
  const curve = view.sweep;
  if (curve.cost.length === 0) return null;
  const bestIndex = pool.singles.findIndex((s) => s.accuracy === pool.qncTarget);
  const best = pool.singles[bestIndex >= 0 ? bestIndex : 0];
  const atTarget = penaltyForAccuracy(curve, pool.qncTarget);
  if (atTarget) return { costPenalty: atTarget.costPenalty, best, reached: true, choice: atTarget };
  const atPeak = penaltyForAccuracy(curve, peakAccuracy(curve));
  return atPeak ? { costPenalty: atPeak.costPenalty, best, reached: false, choice: atPeak } : null;
}

/** "(estimated)" after a figure that rests on an added LLM's estimated scores. */
const est = (estimated: boolean): string => (estimated ? ' (estimated)' : '');

/**
 * Why lambda sits at the default, in the dataset's cost unit, from the current session: what the
 * routing at `costPenalty` gives against the most accurate pool LLM.
 */
export function defaultPenaltyNote(pool: SessionPool, method: MethodName, costPenalty: number, costUnit: string): string | null {
  const d = defaultPenalty(pool, method);
  if (!d || !pool.methods[method]) return null;
  const live = routeLive(pool, method, costPenalty);
  const share = d.best.costRaw > 0 ? live.meanCost / d.best.costRaw : NaN;
  const what = d.reached
    ? `the cheapest routing that matches ${d.best.name}, the most accurate LLM of the pool (accuracy ${percentText(d.best.accuracy)}${est(d.best.estimated)})`
    : `the most accurate routing of this router (it never matches ${d.best.name}, the most accurate LLM of the pool at ${percentText(d.best.accuracy)}${est(d.best.estimated)})`;
  const cost = `mean cost per prompt ${costText(live.meanCost, costUnit)}${Number.isFinite(share) ? `, ${percentText(share, 0)} of ${d.best.name}'s` : ''}`;
  return `${lambdaText(costPenalty)} is ${what}: accuracy ${percentText(live.accuracy)}${est(live.estimatedPrompts > 0)}, ${cost}. It follows the pool, the LLMs and the router until you move it.`;
}

/**
 * What the Home key (lambda = 0) gives: the lowest predicted error gamma for every prompt, which is
 * not always the most accurate routing on the test prompts (gamma is an estimate).
 */
export function zeroPenaltyNote(pool: SessionPool, method: MethodName, costUnit: string): string | null {
  const view = pool.methods[method];
  if (!view || pool.n === 0) return null;
  const zero = routeLive(pool, method, 0);
  const head = `Home sets λ = 0: each prompt goes to the LLM with the lowest predicted error, whatever it costs (accuracy ${percentText(zero.accuracy)}${est(zero.estimatedPrompts > 0)}, mean cost per prompt ${costText(zero.meanCost, costUnit)}).`;
  const peak = penaltyForAccuracy(view.sweep, peakAccuracy(view.sweep));
  if (!peak || !(peak.point.accuracy > zero.accuracy + 1e-12) || method === 'oracle') return head;
  const at = routeLive(pool, method, peak.costPenalty);
  return `${head} That is not the most accurate routing on the test prompts: ${lambdaText(peak.costPenalty)} gives ${percentText(at.accuracy)} at ${costText(at.meanCost, costUnit)}.`;
}

/**
 * The slider's log range for a method's curve: from half a decade below its smallest positive
 * breakpoint to half a decade above its largest (past both ends the routing no longer changes), in
 * whole decades, widened to hold `value` (widenPenaltyRange), so the thumb always sits where the label says.
 */
export function penaltyRange(points: readonly { costPenalty: number }[] | undefined, value = 0): { min: number; max: number } {
  let lo = Infinity;
  let hi = 0;
  for (const p of points ?? []) {
    if (p.costPenalty > 0 && Number.isFinite(p.costPenalty)) {
      lo = Math.min(lo, p.costPenalty);
      hi = Math.max(hi, p.costPenalty);
    }
  }
  if (!(hi > 0)) return widenPenaltyRange({ min: 1e-4, max: 10 }, value);
  const min = 10 ** Math.floor(Math.log10(lo) - 0.5);
  const max = 10 ** Math.ceil(Math.log10(hi) + 0.5);
  return widenPenaltyRange({ min, max: max > min ? max : min * 10 }, value);
}

/**
 * A range widened to whole decades to hold a lambda outside it (a link, an imported file, another
 * method's default); its own ends (Home, End) never widen it, or End would push the range outwards.
 */
export function widenPenaltyRange(range: { min: number; max: number }, value: number): { min: number; max: number } {
  let { min, max } = range;
  if (Number.isFinite(value) && value > max) max = 10 ** Math.ceil(Math.log10(value));
  if (Number.isFinite(value) && value > 0 && value < min) min = 10 ** Math.floor(Math.log10(value));
  return { min, max };
}

/** lambda as a person reads it with the unit of the costs it multiplies, e.g. "λ = 0.00604 with costs in USD per call". */
export function penaltyWithUnit(costPenalty: number, costUnit: string): string {
  return `${lambdaText(costPenalty)} ${costUnit ? `with costs in ${costUnit}` : '(the data gives no cost unit)'}`;
}
