/**
 * The onboarding simulator (leave one LLM out): UniRoute's central claim, that a new LLM joins the
 * router from its errors on a few validation prompts, made measurable. The router is trained with
 * the chosen LLM in no training pool; the LLM is then added back from n of its validation labels
 * (seeded, nested subsamples, several repeats) and the routed pool (every LLM) is scored on S_te
 * with true test labels, against the same LLM added from all its validation labels.
 */
import { clusterMapProbs } from '../routing/clusterMap';
import { assignNearest } from '../cluster';
import { computeErrorProfiles, errorsFromScores, profileOfModel, selectProfiles, type ErrorProfiles } from '../routing/errorProfile';
import { kmeansGamma, softGamma } from '../routing/gamma';
import {
  asBlocks,
  buildSweep,
  choiceAt,
  curveMetrics,
  DEFAULT_BAND_GRID,
  poolMetricOptions,
  selectBlock,
  selectRows,
  sweepCurve,
  type CurvePoint,
  type CurveMetricsOptions,
} from '../eval';
import { runTrial, trialOptions, trialSetup, type ResolvedSplit } from '../eval/pipeline';
import { DEFAULTS, definedOnly } from '../defaults';
import { createRng } from '../rng';
import type { UniRouteMethod } from '../routerFile/schema';
import { driveSteps, type StepHooks, type Steps } from '../steps';
import type { Dataset, Matrix } from '../types';
import type { KMeansEngineChoice, TfBackendHint } from '../cluster';
import { keepLabels, labelOrder, onGrid, spreadOf, wilsonInterval } from './onboardStats';

export type LabelBudget = number | 'all';

export interface OnboardOptions extends StepHooks {
  /** The LLM left out and added back. */
  model: string;
  /** Label budgets n (default 5, 10, 20, 50, all); budgets over the LLM's scored validation prompts are capped. */
  labels?: readonly LabelBudget[];
  /** Subsamples per budget (default 5; 'all' is one). */
  repeats?: number;
  seed?: number;
  /** Clusters K or 'auto' (chosen with the training LLMs, never the left-out one); seed, K, method, pseudoCount, maxIterations default to DEFAULTS. */
  k?: number | 'auto';
  method?: UniRouteMethod;
  /** Operating point lambda at which the LLM's routing share is read (default 0, the quality end). */
  costPenalty?: number;
  /** Prompt split used verbatim (its LLM lists are ignored: every LLM but the chosen one trains). */
  split?: ResolvedSplit;
  pseudoCount?: number;
  maxIterations?: number;
  kmeansEngine?: KMeansEngineChoice;
  tfBackend?: TfBackendHint;
  /** Progress of the training stage (the steps' progress goes to onProgress). */
  onStage?: (stage: string, message: string) => void;
}

/** One label budget over its repeats: means with 95% intervals across repeats. */
export interface BudgetResult {
  labels: LabelBudget;
  /** Labels actually used (the budget capped by the scored validation prompts). */
  n: number;
  repeats: number;
  /** Area with the estimated profile; gap = Area(all labels) - Area(estimated), and its mean absolute value. */
  area: { mean: number; interval: [number, number] };
  areaGap: { mean: number; meanAbs: number; interval: [number, number] };
  /** Share of test prompts routed to the LLM at costPenalty. */
  share: { mean: number; interval: [number, number] };
  /** Per-cluster error estimate Psi_k from n labels: mean and interval across repeats. */
  psi: { mean: number[]; lo: number[]; hi: number[] };
  /** The deferral curve with the estimated profile on the grid: mean and interval across repeats. */
  curve: { accuracy: number[]; lo: number[]; hi: number[] };
}

export interface OnboardingReport {
  model: string;
  /** The routed pool: every LLM of the dataset, the left-out one included. */
  pool: string[];
  method: UniRouteMethod;
  k: number;
  seed: number;
  costPenalty: number;
  counts: { train: number; val: number; test: number; valScored: number; trainModels: number };
  /** Normalised costs at which curves are read. */
  grid: number[];
  /** The LLM added from all its validation labels (Psi with counts and Wilson intervals of the raw rate). */
  full: { area: number; share: number; psi: number[]; counts: number[]; interval: [number, number][]; curve: number[] };
  /** The pool without the LLM (same cost axis): what adding it is worth. */
  without: { area: number; curve: number[] };
  byLabels: BudgetResult[];
  /** Smallest budget whose mean |Area gap| is at most `tolerance`; null when none. */
  within: { tolerance: number; labels: LabelBudget | null };
}

export const DEFAULT_LABELS: readonly LabelBudget[] = [5, 10, 20, 50, 'all'];
export const DEFAULT_REPEATS = 5;
const TOLERANCE = 0.01;

/** Trains without `options.model`, then adds it back from n of its validation labels; null when cancelled. */
export async function simulateOnboarding(dataset: Dataset, embeddings: Matrix, options: OnboardOptions): Promise<OnboardingReport | null> {
  const o = {
    labels: DEFAULT_LABELS,
    repeats: DEFAULT_REPEATS,
    seed: DEFAULTS.seed,
    k: DEFAULTS.k as number | 'auto',
    method: DEFAULTS.method,
    costPenalty: 0,
    pseudoCount: DEFAULTS.pseudoCount,
    maxIterations: DEFAULTS.maxIterations,
    ...definedOnly(options),
  };
  const x = dataset.models.findIndex((h) => h.name === o.model);
  if (x < 0) throw new Error(`no LLM named "${o.model}" (LLMs: ${dataset.models.map((h) => h.name).join(', ')})`);
  if (!Number.isInteger(o.repeats) || o.repeats < 1) throw new Error(`repeats must be a positive integer, got ${o.repeats}`);
  for (const b of o.labels)
    if (b !== 'all' && !(Number.isInteger(b) && b >= 1)) throw new Error(`label budgets are integers >= 1 or "all", got ${b}`);
  const M = dataset.models.length;
  const all = Array.from({ length: M }, (_, h) => h);
  const others = all.filter((h) => h !== x);
  if (o.method === 'learnedmap' && others.length === 0) throw new Error('the learned map needs another LLM to train on');
  const base = trialSetup(dataset, o.seed, { split: o.split });
  const setup = { ...base, trainModels: others, testModels: all };
  const methods = o.method === 'learnedmap' ? (['uniroute-learnedmap'] as const) : (['uniroute-kmeans'] as const);
  const trial = await runTrial(
    dataset,
    embeddings,
    setup,
    trialOptions(
      { k: o.k, knnK: 10, pseudoCount: o.pseudoCount, qncDenominator: 'max-test-cost', maxIterations: o.maxIterations },
      methods,
      {
        onProgress: (stage, message) => o.onStage?.(stage, message),
        shouldStop: o.shouldStop,
        kmeansEngine: o.kmeansEngine,
        tfBackend: o.tfBackend,
        keepEvidence: true,
      },
    ),
  );
  if (o.shouldStop?.() || !trial.fitted || !trial.evidence) return null;
  const { fitted, evidence } = trial;
  const K = fitted.k;
  const n = evidence.n;
  const testX = selectRows(embeddings, evidence.testRows);
  const phi = o.method === 'learnedmap' ? clusterMapProbs(testX, fitted.clusterMap!) : null;
  const testClusters = evidence.testClusters ?? assignNearest(testX, fitted.centroids);
  const scores = evidence.scores.base;
  const costs = Array.from(evidence.costs);
  const { normaliser } = evidence;
  const singles = all.map((h) => {
    let s = 0;
    for (let p = 0; p < n; p++) s += scores[p * M + h];
    return s / n;
  });
  const metricOptions: CurveMetricsOptions = poolMetricOptions(singles, costs, normaliser, 'max-test-cost');
  const grid = [...DEFAULT_BAND_GRID];
  const profiles = selectProfiles(fitted.profiles, all);
  const gammaOf = (p: ErrorProfiles) => (phi ? softGamma(phi, p) : kmeansGamma(testClusters, p));
  const groups = phi ? undefined : { of: testClusters, count: K };

  /** The pool's curve with `psiX` as the LLM's profile: Area, share at costPenalty, front. */
  const score = (psiX: Float64Array) => {
    const p = { ...profiles, psi: profiles.psi.slice() };
    p.psi.set(psiX, x * K);
    const sweep = buildSweep(asBlocks(gammaOf(p), M), asBlocks(scores, M), n, costs, normaliser, groups);
    const front = sweepCurve(sweep).front;
    const chosen = choiceAt(sweep, o.costPenalty);
    let routed = 0;
    for (let q = 0; q < n; q++) if (chosen[q] === x) routed++;
    return { area: curveMetrics(front, metricOptions).area, share: routed / n, front };
  };

  const valErrors = errorsFromScores(selectBlock(dataset.scores, M, setup.split.val, [x]));
  const full = profileOfModel(fitted.valClusters, valErrors, K, o.pseudoCount);
  const fullScore = score(full.psi);
  const rawErrors = computeErrorProfiles(fitted.valClusters, valErrors, 1, K, 0);
  const without = withoutModel(gammaOf(profiles), scores, M, x, n, costs, normaliser, metricOptions);
  const valScored = valErrors.filter((e) => !Number.isNaN(e)).length;

  const orders = Array.from({ length: o.repeats }, (_, r) => labelOrder(valErrors, createRng(o.seed * 7919 + r + 1)));
  const budgets = o.labels.map((b) => ({
    labels: b,
    n: b === 'all' ? valScored : Math.min(b, valScored),
    repeats: b === 'all' ? 1 : o.repeats,
  }));
  const total = budgets.reduce((a, b) => a + b.repeats, 0);
  const byLabels: BudgetResult[] = [];
  const steps = (function* (): Steps<boolean> {
    let done = 0;
    for (const b of budgets) {
      const runs = Array.from({ length: b.repeats }, (_, r) => {
        const psi = profileOfModel(fitted.valClusters, keepLabels(valErrors, orders[r], b.n), K, o.pseudoCount).psi;
        return { psi, ...score(psi) };
      });
      byLabels.push(budgetResult(b, runs, fullScore.area, grid));
      done += b.repeats;
      if (yield [done, total]) return false;
    }
    return true;
  })();
  if (!(await driveSteps(steps, o))) return null;
  const at = byLabels.find((r) => r.areaGap.meanAbs <= TOLERANCE);
  return {
    model: o.model,
    pool: dataset.models.map((h) => h.name),
    method: o.method,
    k: K,
    seed: o.seed,
    costPenalty: o.costPenalty,
    counts: { train: setup.split.train.length, val: setup.split.val.length, test: n, valScored, trainModels: others.length },
    grid,
    full: {
      area: fullScore.area,
      share: fullScore.share,
      psi: Array.from(full.psi),
      counts: Array.from(full.counts),
      interval: Array.from(full.counts, (c, k) => wilsonInterval(rawErrors.psi[k] * c, c)),
      curve: onGrid(fullScore.front, grid),
    },
    without: { area: without.area, curve: onGrid(without.front, grid) },
    byLabels,
    within: { tolerance: TOLERANCE, labels: at ? at.labels : null },
  };
}

function budgetResult(
  b: { labels: LabelBudget; n: number; repeats: number },
  runs: { psi: Float64Array; area: number; share: number; front: CurvePoint[] }[],
  fullArea: number,
  grid: number[],
): BudgetResult {
  const gaps = runs.map((r) => fullArea - r.area);
  const k = runs[0].psi.length;
  const psi = { mean: [] as number[], lo: [] as number[], hi: [] as number[] };
  for (let c = 0; c < k; c++) {
    const s = spreadOf(runs.map((r) => r.psi[c]));
    psi.mean.push(s.mean);
    psi.lo.push(s.interval[0]);
    psi.hi.push(s.interval[1]);
  }
  const curves = runs.map((r) => onGrid(r.front, grid));
  const curve = { accuracy: [] as number[], lo: [] as number[], hi: [] as number[] };
  grid.forEach((_, g) => {
    const s = spreadOf(curves.map((c) => c[g]));
    curve.accuracy.push(s.mean);
    curve.lo.push(s.interval[0]);
    curve.hi.push(s.interval[1]);
  });
  const gap = spreadOf(gaps);
  return {
    ...b,
    area: spreadOf(runs.map((r) => r.area)),
    areaGap: { mean: gap.mean, meanAbs: gaps.reduce((a, g) => a + Math.abs(g), 0) / gaps.length, interval: gap.interval },
    share: spreadOf(runs.map((r) => r.share)),
    psi,
    curve,
  };
}

/** The pool without LLM x, on the full pool's cost axis. */
function withoutModel(
  gamma: Float64Array,
  scores: Float64Array,
  M: number,
  x: number,
  n: number,
  costs: number[],
  normaliser: number,
  options: CurveMetricsOptions,
) {
  if (M === 1) return { area: NaN, front: [] as CurvePoint[] };
  const keep = Array.from({ length: M }, (_, h) => h).filter((h) => h !== x);
  const rows = Array.from({ length: n }, (_, p) => p);
  const sweep = buildSweep(
    asBlocks(selectBlock(gamma, M, rows, keep), M - 1),
    asBlocks(selectBlock(scores, M, rows, keep), M - 1),
    n,
    keep.map((h) => costs[h]),
    normaliser,
  );
  const front = sweepCurve(sweep).front;
  return { area: curveMetrics(front, options).area, front };
}
