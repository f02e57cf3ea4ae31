/**
 * The paired bootstrap over test prompts: B resamples of the n test prompts (multinomial weights
 * from the seeded generator), each scored for every method at once (paired), through the same
 * metric code as the point estimates (curveMetrics). The routers stay as trained: the interval is
 * the uncertainty that comes from which prompts happened to be in S_te. Trials (--trials) add the
 * split-to-split variation on top.
 */
import { createRng } from '../rng';
import { drainSteps, driveSteps, type StepHooks, type Steps } from '../steps';
import type { ColumnBlocks } from './blocks';
import { accuracyAt, paretoFront, type CurvePoint } from './curve';
import { curveMetrics, zeroRouterCurve, type CurveMetrics, type CurveMetricsOptions } from './metrics';
import type { MethodName, QncDenominator } from './methods';
import { mostAccurateModel, poolMetricOptions } from './poolMetrics';
import { frontBuffers, weightedFront, weightedReplay, type FrontBuffers, type WeightedReplay } from './bootstrapReplay';
import type { DeferralSweep } from './sweepBuild';

/** What a bootstrap reads of one evaluation on S_te: plain data, so a worker can receive it. */
export interface BootstrapEvidence {
  /** Test-pool LLMs (column order of `scores`) and their raw costs. */
  names: readonly string[];
  costs: ArrayLike<number>;
  /** Max test-pool cost: the cost axis is cost / normaliser. */
  normaliser: number;
  qncDenominator: QncDenominator;
  /** Test prompts. */
  n: number;
  /** True scores on S_te (n x m): single LLMs, the QNC target, ZeroRouter's placement and every sweep's switches. */
  scores: ColumnBlocks;
  /** Each test LLM's validation accuracy (ZeroRouter's hull is chosen on it); null: no ZeroRouter. */
  zeroRouterValAccuracy: readonly number[] | null;
  /** The exact sweeps of the routers and the oracle on S_te (ZeroRouter is a curve of single LLMs, not a sweep). */
  sweeps: Partial<Record<MethodName, DeferralSweep>>;
  /** Scores a method's switches count where they differ from `scores` (the explorer's estimated cells of an added LLM). */
  methodScores?: Partial<Record<MethodName, ColumnBlocks>>;
}

export interface BootstrapOptions extends StepHooks {
  /** Resamples B (default 200). */
  resamples?: number;
  /** Seed of the resampling (default 0). */
  seed?: number;
  /** Normalised costs at which the pointwise bands are read (default 0, 0.01, ..., 1). */
  grid?: readonly number[];
}

export const BOOTSTRAP_METRICS = ['area', 'area50', 'qnc', 'aiq', 'peakAccuracy'] as const;
export type BootstrapMetric = (typeof BOOTSTRAP_METRICS)[number];

/** One method's metrics on S_te as it is and in every resample. */
export interface MethodDraws {
  point: CurveMetrics;
  /** Per resample (length B); qnc is NaN where the curve never reaches the resample's most accurate LLM. */
  draws: Record<BootstrapMetric, Float64Array>;
  /** Accuracy of the curve at each grid cost, per resample: B x grid.length, row-major. */
  band: Float64Array;
  /** 1 - (cost at which the curve first reaches the saving target's accuracy) / (its cost); null or NaN: never reaches. */
  saving: number | null;
  savingDraws: Float64Array;
}

/** Every draw of one bootstrap: what summariseBootstrap turns into intervals and verdicts. */
export interface BootstrapDraws {
  /** Resamples asked for and done (fewer when cancelled). */
  resamples: number;
  completed: number;
  seed: number;
  grid: number[];
  methods: Partial<Record<MethodName, MethodDraws>>;
  /**
   * The most accurate test LLM on S_te (ties: cheaper), fixed across resamples: the "best single
   * LLM" of the comparisons and the saving target. Its Area is that of its one-point curve
   * (flat on both sides: its accuracy), per resample in `areaDraws`.
   */
  best: { name: string; index: number; cost: number; area: number; areaDraws: Float64Array };
}

export const DEFAULT_RESAMPLES = 200;
export const DEFAULT_BAND_GRID: readonly number[] = Array.from({ length: 101 }, (_, i) => i / 100);

/** Mean score of every LLM with prompt p counted weights[p] times. */
function weightedAccuracies(scores: ColumnBlocks, n: number, m: number, weights: Float64Array, total: number): number[] {
  const sums = new Float64Array(m);
  const { base, m0, columns } = scores;
  for (let p = 0; p < n; p++) {
    const w = weights[p];
    if (w === 0) continue;
    const row = p * m0;
    for (let h = 0; h < m0; h++) sums[h] += w * base[row + h];
    for (let j = 0; j < columns.length; j++) sums[m0 + j] += w * columns[j][p];
  }
  return Array.from(sums, (s) => s / total);
}

interface Scorer {
  methods: MethodName[];
  replays: Map<MethodName, WeightedReplay>;
  buffers: FrontBuffers;
}

/** The front of `name` under `weights` (ascending cost): a replayed sweep, or ZeroRouter's curve of single LLMs. */
function frontOf(e: BootstrapEvidence, s: Scorer, name: MethodName, weights: Float64Array, acc: number[]): CurvePoint[] {
  const replay = s.replays.get(name);
  if (replay) return weightedFront(replay, weights, e.n, e.normaliser, s.buffers);
  return paretoFront(zeroRouterCurve([...e.zeroRouterValAccuracy!], acc, Array.from(e.costs), e.normaliser));
}

/** Metrics of a front (curveMetrics reads a front by decreasing cost without sorting it). */
function metricsOf(front: CurvePoint[], options: CurveMetricsOptions): CurveMetrics {
  return curveMetrics(front.slice().reverse(), options);
}

/** 1 - reach / c(target): the share of the target LLM's cost the curve saves at its accuracy (NaN: never reaches). */
function savingOf(front: CurvePoint[], m: CurveMetrics, options: CurveMetricsOptions, target: number, acc: number[], e: BootstrapEvidence) {
  const targetCost = e.costs[target] / e.normaliser;
  // The metrics' own QNC (back on the max-cost axis) when its target is this LLM's accuracy, else QNC at it.
  const scale = options.qncDenominatorScale ?? 1;
  const reach =
    acc[target] === options.qncTarget
      ? m.qnc === null
        ? null
        : m.qnc / scale
      : metricsOf(front, { qncTarget: acc[target], aiqRange: options.aiqRange }).qnc;
  return reach === null || !(targetCost > 0) ? NaN : 1 - reach / targetCost;
}

/** The bootstrap as steps (one per resample): drive it with bootstrap() or bootstrapSync(). */
export function* bootstrapSteps(e: BootstrapEvidence, options: BootstrapOptions = {}): Steps<BootstrapDraws> {
  const B = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? 0;
  const grid = [...(options.grid ?? DEFAULT_BAND_GRID)];
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`resamples must be a positive integer, got ${B}`);
  const { n } = e;
  const m = e.names.length;
  if (!(n > 0)) throw new RangeError('a bootstrap needs at least one test prompt');
  const scorer: Scorer = { methods: [], replays: new Map(), buffers: frontBuffers() };
  for (const [name, sweep] of Object.entries(e.sweeps) as [MethodName, DeferralSweep][]) {
    if (sweep.n !== n || sweep.m !== m) throw new RangeError(`the ${name} sweep is ${sweep.n} x ${sweep.m}, the evidence ${n} x ${m}`);
    const replay = weightedReplay(sweep, e.methodScores?.[name] ?? e.scores, e.costs);
    scorer.replays.set(name, replay);
    scorer.methods.push(name);
  }
  if (e.zeroRouterValAccuracy) scorer.methods.push('zero-router');

  // The point estimates: every prompt once, through the same code as the resamples.
  const ones = new Float64Array(n).fill(1);
  const acc0 = weightedAccuracies(e.scores, n, m, ones, n);
  const options0 = poolMetricOptions(acc0, e.costs, e.normaliser, e.qncDenominator);
  const bestIndex = mostAccurateModel(acc0, e.costs);
  const single = (acc: number[], opts: CurveMetricsOptions) =>
    curveMetrics([{ cost: e.costs[bestIndex] / e.normaliser, accuracy: acc[bestIndex], costPenalty: 0 }], opts).area;
  const methods: BootstrapDraws['methods'] = {};
  for (const name of scorer.methods) {
    const front = frontOf(e, scorer, name, ones, acc0);
    const point = metricsOf(front, options0);
    const saving = savingOf(front, point, options0, bestIndex, acc0, e);
    methods[name] = {
      point,
      draws: Object.fromEntries(BOOTSTRAP_METRICS.map((k) => [k, new Float64Array(B)])) as MethodDraws['draws'],
      band: new Float64Array(B * grid.length),
      saving: Number.isNaN(saving) ? null : saving,
      savingDraws: new Float64Array(B),
    };
  }
  const out: BootstrapDraws = {
    resamples: B,
    completed: 0,
    seed,
    grid,
    methods,
    best: {
      name: e.names[bestIndex],
      index: bestIndex,
      cost: e.costs[bestIndex] / e.normaliser,
      area: single(acc0, options0),
      areaDraws: new Float64Array(B),
    },
  };

  const rng = createRng(seed);
  const weights = new Float64Array(n);
  for (let b = 0; b < B; b++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[rng.int(n)]++;
    const acc = weightedAccuracies(e.scores, n, m, weights, n);
    // Paired: the QNC target (most accurate test LLM) is this resample's.
    const opts = poolMetricOptions(acc, e.costs, e.normaliser, e.qncDenominator);
    out.best.areaDraws[b] = single(acc, opts);
    for (const name of scorer.methods) {
      const d = methods[name]!;
      const front = frontOf(e, scorer, name, weights, acc);
      const mt = metricsOf(front, opts);
      d.draws.area[b] = mt.area;
      d.draws.area50[b] = mt.area50;
      d.draws.qnc[b] = mt.qnc ?? NaN;
      d.draws.aiq[b] = mt.aiq;
      d.draws.peakAccuracy[b] = mt.peakAccuracy;
      d.savingDraws[b] = savingOf(front, mt, opts, bestIndex, acc, e);
      for (let g = 0; g < grid.length; g++) d.band[b * grid.length + g] = accuracyAt(front, grid[g]);
    }
    out.completed = b + 1;
    const stop = yield [b + 1, B];
    if (stop) break;
  }
  return out;
}

/** The bootstrap in one synchronous run (CLI, tests, bench). */
export function bootstrapSync(e: BootstrapEvidence, options: BootstrapOptions = {}): BootstrapDraws {
  return drainSteps(bootstrapSteps(e, options), options);
}

/** The bootstrap in a worker: progress after each resample, Cancel heard between resamples (the draws done so far are returned). */
export function bootstrap(e: BootstrapEvidence, options: BootstrapOptions = {}): Promise<BootstrapDraws> {
  return driveSteps(bootstrapSteps(e, options), options);
}
