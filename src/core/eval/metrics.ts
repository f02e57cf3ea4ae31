/**
 * Deferral-curve metrics (shared UNIROUTE.md "Metrics"): Area, Area(50%), QNC, AIQ, peak
 * accuracy, plus the prompt-independent baselines that feed the same code: ZeroRouter and each
 * single LLM as a point. Costs are normalised: c~ = cost / max cost of the test pool.
 */
import { checkCosts } from '../routing/route';
import { columnMeansScored } from '../stats';
import { costPenaltyPath } from './costPenaltyPath';
import { accuracyAt, integrateFront, paretoFront, upperConcaveHull, type CurvePoint } from './curve';

export interface CurveMetrics {
  /** Integral of accuracy over c~ in [0, 1] (Pareto front, linear interpolation, flat extensions). */
  area: number;
  /** Integral over c~ in [0, 0.5], NOT divided by 0.5. */
  area50: number;
  /** Quality-neutral cost: smallest c~ where the front reaches qncTarget; null when never. */
  qnc: number | null;
  /** RouterBench AIQ: mean of the non-decreasing upper concave hull over [c_min, c_max]. */
  aiq: number;
  /** Highest accuracy of any curve point. */
  peakAccuracy: number;
}

export interface CurveMetricsOptions {
  /** Accuracy of the most accurate test LLM (on the test prompts). */
  qncTarget: number;
  /**
   * Multiplies the QNC (in c~, i.e. over the max test-pool cost) to change its denominator;
   * default 1. For "cost of the most accurate LLM" pass maxCost / costOfMostAccurate.
   */
  qncDenominatorScale?: number;
  /** Normalised [c_min, c_max] of the test pool, the AIQ range. */
  aiqRange: [number, number];
}

/** Accuracy slack for "reaches the target": scores are means of many floats. */
const QNC_TOLERANCE = 1e-12;

/**
 * QNC on the front's piecewise-linear part: the cost where accuracy first reaches `target`,
 * interpolating linearly. Our choice: the flat extension below the cheapest point is not used,
 * so a front that starts at or above the target has QNC = its cheapest cost (not 0).
 */
function qualityNeutralCost(front: CurvePoint[], target: number): number | null {
  for (let i = 0; i < front.length; i++) {
    const b = front[i];
    if (b.accuracy < target - QNC_TOLERANCE) continue;
    if (i === 0) return b.cost;
    const a = front[i - 1];
    const t = Math.min(1, (target - a.accuracy) / (b.accuracy - a.accuracy));
    return a.cost + t * (b.cost - a.cost);
  }
  return null;
}

/** Area, Area(50%), QNC, AIQ and peak accuracy of one deferral curve (any router or baseline). */
export function curveMetrics(points: CurvePoint[], options: CurveMetricsOptions): CurveMetrics {
  const { qncTarget, aiqRange } = options;
  const scale = options.qncDenominatorScale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`qncDenominatorScale must be > 0, got ${scale}`);
  const [cMin, cMax] = aiqRange;
  if (!(Number.isFinite(cMin) && Number.isFinite(cMax) && cMin <= cMax)) {
    throw new RangeError(`aiqRange must be finite with c_min <= c_max, got [${cMin}, ${cMax}]`);
  }
  const front = paretoFront(points);
  if (front.length === 0) return { area: NaN, area50: NaN, qnc: null, aiq: NaN, peakAccuracy: NaN };
  const qnc = qualityNeutralCost(front, qncTarget);
  const hull = upperConcaveHull(front);
  const aiq = cMax > cMin ? integrateFront(hull, cMin, cMax) / (cMax - cMin) : accuracyAt(hull, cMin);
  let peakAccuracy = -Infinity;
  for (const pt of points) if (pt.accuracy > peakAccuracy) peakAccuracy = pt.accuracy;
  return {
    area: integrateFront(front, 0, 1),
    area50: integrateFront(front, 0, 0.5),
    qnc: qnc === null ? null : qnc * scale,
    aiq,
    peakAccuracy,
  };
}

/** The LLMs of the ZeroRouter hull, most accurate first, with the lambda from which each is used. */
export interface ZeroRouterHull {
  models: number[];
  costPenalty: number[];
}

/**
 * ZeroRouter's choice of LLMs: the non-decreasing upper concave hull of (c(h), validation
 * accuracy), from the most accurate (ties: cheaper, then earlier) down to the cheapest (ties:
 * more accurate, then earlier). It is exactly the path of a prompt-independent router with
 * gamma(h) = -accuracy(h) (same breakpoints as 1 - accuracy, without rounding); collinear LLMs are
 * dropped. costPenalty[i] is that router's lambda (accuracy per cost unit) from which models[i]
 * is chosen, i.e. the hull slope to the previous vertex (0 for the first). NaN accuracies are left out.
 */
export function zeroRouterHull(valAccuracy: ArrayLike<number>, costs: ArrayLike<number>): ZeroRouterHull {
  const m = valAccuracy.length;
  checkCosts(costs, m);
  if (m === 0) return { models: [], costPenalty: [] };
  const gamma = Float64Array.from(valAccuracy, (a) => -a);
  const models: number[] = [];
  const costPenalty: number[] = [0];
  const start = costPenaltyPath(gamma, 0, m, costs, (lambda, _from, to) => {
    models.push(to);
    costPenalty.push(lambda);
  });
  models.unshift(start);
  return { models, costPenalty };
}

/**
 * Each LLM's mean score on the validation prompts (nVal x m, NaN = blank): the accuracies
 * ZeroRouter's hull is chosen on. An LLM without a single validation score reads accuracy 0, so
 * ZeroRouter picks it only as the cheapest LLM.
 */
export function zeroRouterValAccuracy(valScores: Float64Array, m: number): number[] {
  return Array.from(columnMeansScored(valScores, m, 0).means);
}

/**
 * ZeroRouter's deferral curve on the test prompts: the hull LLMs chosen on the validation
 * accuracies, placed at (c(h) / normaliser, test accuracy). Consumed by curveMetrics like any curve:
 * linear interpolation between hull LLMs is random mixing, and (as for every curve) a hull LLM
 * that is dominated on the test prompts drops out of the Pareto front.
 */
export function zeroRouterCurve(valAccuracy: number[], testAccuracy: number[], costs: number[], normaliser: number): CurvePoint[] {
  if (testAccuracy.length !== valAccuracy.length) {
    throw new RangeError(`testAccuracy has ${testAccuracy.length} values but valAccuracy has ${valAccuracy.length}`);
  }
  checkNormaliser(normaliser);
  const hull = zeroRouterHull(valAccuracy, costs);
  return hull.models.map((h, i) => ({
    cost: costs[h] / normaliser,
    accuracy: testAccuracy[h],
    costPenalty: hull.costPenalty[i],
  }));
}

/** Each single LLM as a point: c(h) / normaliser and its mean score over the prompts that have one. */
export function singleModelPoints(
  scores: Float64Array,
  m: number,
  costs: ArrayLike<number>,
  normaliser: number,
): { cost: number; accuracy: number }[] {
  checkCosts(costs, m);
  checkNormaliser(normaliser);
  if (scores.length % m !== 0) throw new RangeError(`scores has ${scores.length} values, not a multiple of ${m} models`);
  // An LLM with no score on any of the prompts has no accuracy to show: NaN.
  const { means } = columnMeansScored(scores, m, NaN);
  return Array.from(means, (accuracy, h) => ({ cost: costs[h] / normaliser, accuracy }));
}

function checkNormaliser(normaliser: number): void {
  if (!Number.isFinite(normaliser) || normaliser <= 0) {
    throw new RangeError(`normaliser (max test-pool cost) must be a finite number > 0, got ${normaliser}`);
  }
}
