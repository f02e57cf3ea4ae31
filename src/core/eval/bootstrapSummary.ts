/**
 * Bootstrap draws -> what a user reads: 95% percentile intervals of every metric, pointwise bands
 * of the deferral curves, the saving at the best LLM's accuracy, and paired verdicts of UniRoute
 * against K-NN, ZeroRouter and the best single LLM. Several trials (--trials) are combined
 * resample by resample: resample b of the result is the mean over trials of each trial's resample
 * b, so the interval is that of the mean over trials that eval reports.
 */
import { BOOTSTRAP_METRICS, type BootstrapDraws, type BootstrapMetric } from './bootstrap';
import type { MethodName } from './methods';

export type Interval = [number, number];
/** An interval whose ends may be "never reached" (null), e.g. QNC: a resample that never reaches counts as +infinity. */
export type ReachInterval = [number | null, number | null];

export interface MethodUncertainty {
  ci: { area: Interval; area50: Interval; qnc: ReachInterval; aiq: Interval; peakAccuracy: Interval };
  /** Share of resamples in which the curve reaches the most accurate test LLM (QNC defined). */
  qncReached: number;
  /** Pointwise band of the curve: accuracy quantiles at each normalised cost of the grid. */
  band: { cost: number[]; lo: number[]; hi: number[] };
  /** Share of the best LLM's cost saved at its accuracy (null: the curve never reaches it) and its interval. */
  saving: { value: number | null; ci: ReachInterval };
}

export type Verdict = 'better' | 'tied' | 'worse';

export interface Comparison {
  a: MethodName;
  /** 'best-single': the most accurate test LLM (bModels names it in each trial). */
  b: MethodName | 'best-single';
  bModels?: string[];
  /** Area(a) - Area(b) on S_te (mean over trials). */
  deltaArea: number;
  ci: Interval;
  /** Share of resamples in which a's Area exceeds b's (exact ties count one half). */
  winShare: number;
  /** better: the whole interval is above 0; worse: below 0; tied: it contains 0. */
  verdict: Verdict;
}

export interface BootstrapSummary {
  /** Resamples per trial (B) and how many were done in every trial (fewer when cancelled). */
  resamples: number;
  completed: number;
  trials: number;
  seed: number;
  level: number;
  /** The most accurate test LLM of each trial: the saving target and "best single LLM". */
  bestModels: string[];
  methods: Partial<Record<MethodName, MethodUncertainty>>;
  comparisons: Comparison[];
}

/** Area differences at most this far from 0 are ties (two computations of one curve agree to ~1e-15). */
export const TIE_TOLERANCE = 1e-12;
const ROUTERS: readonly MethodName[] = ['uniroute-kmeans', 'uniroute-learnedmap'];
const BASELINES: readonly MethodName[] = ['knn', 'zero-router'];

/** The q-quantile (linear between order statistics, R's type 7) of values sorted ascending; +infinity stays. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  if (h === lo || sorted[hi] === sorted[lo]) return sorted[lo];
  // Between an infinite and a finite order statistic the quantile is the infinite one (never reached stays so).
  if (sorted[lo] === -Infinity) return -Infinity;
  if (sorted[hi] === Infinity) return Infinity;
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The central `level` percentile interval; NaN values (never reached) count as +infinity, reported as null. */
export function percentileInterval(values: ArrayLike<number>, level: number): ReachInterval {
  const sorted = Float64Array.from(values, (v) => (Number.isNaN(v) ? Infinity : v)).sort();
  const a = (1 - level) / 2;
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  return [fin(quantileSorted(sorted, a)), fin(quantileSorted(sorted, 1 - a))];
}

function finite(i: ReachInterval): Interval {
  return [i[0] ?? NaN, i[1] ?? NaN];
}

/** Resample b of every trial averaged (b < completed); NaN when any trial's is. */
function combined(trials: BootstrapDraws[], completed: number, pick: (t: BootstrapDraws) => Float64Array, stride = 1, offset = 0) {
  const out = new Float64Array(completed);
  for (let b = 0; b < completed; b++) {
    let s = 0;
    for (const t of trials) s += pick(t)[b * stride + offset];
    out[b] = s / trials.length;
  }
  return out;
}

function meanOf(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Intervals, bands and verdicts from the draws of one trial or of several (same B and grid). */
export function summariseBootstrap(trials: BootstrapDraws[], level = 0.95): BootstrapSummary {
  if (trials.length === 0) throw new RangeError('no bootstrap to summarise');
  const first = trials[0];
  const grid = first.grid;
  if (trials.some((t) => t.resamples !== first.resamples || t.grid.length !== grid.length))
    throw new RangeError('trials were bootstrapped with different resamples or grids');
  const completed = Math.min(...trials.map((t) => t.completed));
  const names = (Object.keys(first.methods) as MethodName[]).filter((n) => trials.every((t) => t.methods[n]));
  const methods: BootstrapSummary['methods'] = {};
  const areas = new Map<MethodName | 'best-single', Float64Array>();
  const areaPoints = new Map<MethodName | 'best-single', number>();
  for (const name of names) {
    const of = (t: BootstrapDraws) => t.methods[name]!;
    const ci = {} as Record<BootstrapMetric, ReachInterval>;
    for (const metric of BOOTSTRAP_METRICS)
      ci[metric] = percentileInterval(
        combined(trials, completed, (t) => of(t).draws[metric]),
        level,
      );
    const band = { cost: grid.slice(), lo: [] as number[], hi: [] as number[] };
    for (let g = 0; g < grid.length; g++) {
      const [lo, hi] = percentileInterval(
        combined(trials, completed, (t) => of(t).band, grid.length, g),
        level,
      );
      band.lo.push(lo ?? NaN);
      band.hi.push(hi ?? NaN);
    }
    const qnc = combined(trials, completed, (t) => of(t).draws.qnc);
    const savings = trials.map((t) => of(t).saving);
    methods[name] = {
      ci: { area: finite(ci.area), area50: finite(ci.area50), qnc: ci.qnc, aiq: finite(ci.aiq), peakAccuracy: finite(ci.peakAccuracy) },
      qncReached: qnc.filter((q) => !Number.isNaN(q)).length / Math.max(1, completed),
      band,
      saving: {
        value: savings.some((s) => s === null) ? null : meanOf(savings as number[]),
        // A resample that never reaches the best LLM saves nothing at its accuracy: it counts as -infinity.
        ci: percentileInterval(
          combined(trials, completed, (t) => of(t).savingDraws).map((s) => (Number.isNaN(s) ? -Infinity : s)),
          level,
        ),
      },
    };
    areas.set(
      name,
      combined(trials, completed, (t) => of(t).draws.area),
    );
    areaPoints.set(name, meanOf(trials.map((t) => of(t).point.area)));
  }
  areas.set(
    'best-single',
    combined(trials, completed, (t) => t.best.areaDraws),
  );
  areaPoints.set('best-single', meanOf(trials.map((t) => t.best.area)));

  const comparisons: Comparison[] = [];
  for (const a of ROUTERS.filter((r) => methods[r])) {
    for (const b of [...BASELINES.filter((r) => methods[r]), 'best-single' as const]) {
      const da = areas.get(a)!;
      const db = areas.get(b)!;
      const delta = da.map((x, i) => x - db[i]);
      let wins = 0;
      for (const d of delta) wins += d > TIE_TOLERANCE ? 1 : Math.abs(d) <= TIE_TOLERANCE ? 0.5 : 0;
      const ci = finite(percentileInterval(delta, level));
      const verdict: Verdict = ci[0] > TIE_TOLERANCE ? 'better' : ci[1] < -TIE_TOLERANCE ? 'worse' : 'tied';
      comparisons.push({
        a,
        b,
        ...(b === 'best-single' ? { bModels: trials.map((t) => t.best.name) } : {}),
        deltaArea: areaPoints.get(a)! - areaPoints.get(b)!,
        ci,
        winShare: completed > 0 ? wins / completed : NaN,
        verdict,
      });
    }
  }
  return {
    resamples: first.resamples,
    completed,
    trials: trials.length,
    seed: first.seed,
    level,
    bestModels: trials.map((t) => t.best.name),
    methods,
    comparisons,
  };
}
