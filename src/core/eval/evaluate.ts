/**
 * The evaluation pipeline behind `routelab eval`: embeddings, seeded trials (prompt split, LLM split,
 * router, baselines), and the mean of every metric over trials. Pure core: Node, browser and worker.
 */
import type { Dataset, Matrix } from '../types';
import { DEFAULTS, definedOnly } from '../defaults';
import { embedTexts, fitEmbedder, type EmbedderSettings } from '../embed';
import type { ClusterMapOptions } from '../routing/clusterMap';
import type { KMeansEngineChoice, SpawnLloydShard, TfBackendHint } from '../cluster';
import { accuracyAt } from './curve';
import { METHOD_NAMES, type MethodName, type MethodResult, type QncDenominator } from './methods';
import { runTrial, trialOptions, trialSetup, type ResolvedSplit, type TrialEvidence, type TrialResult } from './trial';
import { bootstrap, type BootstrapDraws } from './bootstrap';
import { summariseBootstrap, type BootstrapSummary, type Comparison, type MethodUncertainty } from './bootstrapSummary';

export type { ResolvedSplit } from './trial';

export interface EvaluateOptions {
  seed?: number;
  trials?: number;
  /** Number of clusters K, or 'auto' (paper's selection on S_val with the training LLMs). */
  k?: number | 'auto';
  knnK?: number | 'auto';
  kGrid?: number[];
  knnKGrid?: number[];
  /** An explicit split used verbatim in every trial. */
  split?: ResolvedSplit;
  fractions?: { train: number; val: number; test: number };
  testModelFraction?: number;
  /** Shrinkage pseudo-count a for sparse clusters (our choice, default 1). */
  pseudoCount?: number;
  methods?: readonly MethodName[];
  qncDenominator?: QncDenominator;
  clusterMap?: ClusterMapOptions;
  maxIterations?: number;
  /** Lloyd engine for k-means (default 'auto'), the tfjs backend in use, shard workers and cores (see cluster/choose.ts). */
  kmeansEngine?: KMeansEngineChoice;
  tfBackend?: TfBackendHint;
  spawnShard?: SpawnLloydShard;
  cores?: number;
  onProgress?: (event: { trial: number; stage: string; message: string; fraction?: number }) => void;
  /**
   * The paired bootstrap over each trial's test prompts (B resamples, seeded by the trial's seed
   * unless `seed` is given); with several trials, resample b is averaged over trials.
   */
  bootstrap?: { resamples: number; seed?: number };
  /** Return every trial's S_te evidence (sweeps, scores, rows) in `evidence`. */
  keepEvidence?: boolean;
  /**
   * Cancellation (the worker's Cancel), polled inside trials: the trial under way is dropped and the
   * report covers the trials finished (a note says so); with none finished, evaluate rejects.
   */
  shouldStop?: () => boolean;
  /** phi(x) of every prompt already computed by datasetEmbeddings on this dataset (the app's worker keeps it), so it is not embedded again. */
  embedded?: { embeddings: Matrix; settings: EmbedderSettings };
}

export interface MethodReport extends MethodResult {
  /** Standard deviation over trials of each metric (0 for one trial). */
  spread: { area: number; area50: number; qnc: number | null; aiq: number; peakAccuracy: number };
  /** Trials in which the curve reached the most accurate LLM (QNC defined). */
  qncReached: number;
  /** Every trial's (split's) value, in trial order: what mean and spread summarise. */
  perTrial: { area: number[]; area50: number[]; qnc: (number | null)[]; aiq: number[]; peakAccuracy: number[] };
  /** With a bootstrap: the 95% intervals of the metrics (of their mean over trials). */
  ci?: MethodUncertainty['ci'];
  /** With a bootstrap: the pointwise 95% band of the curve on a grid of normalised cost. */
  band?: MethodUncertainty['band'];
  /** With a bootstrap: share of the best LLM's cost saved at its accuracy, with its interval. */
  saving?: MethodUncertainty['saving'] & { model: string[] };
}

export interface EvalReport {
  methods: Partial<Record<MethodName, MethodReport>>;
  singles: Record<string, { cost: number; accuracy: number }>;
  split: TrialResult['counts'] & { trainModelNames?: string[]; testModelNames?: string[] };
  dropped: number;
  trials: number;
  seed: number;
  chosen: { k: number[]; knnK: number[] };
  embedder: { kind: string; dim: number };
  /** Engines that ran k-means and the learned map in the first trial. */
  engines: { kmeans: string; clusterMap: string | null } | null;
  notes: string[];
  /** With a bootstrap: UniRoute against K-NN, ZeroRouter and the best single LLM (paired, on Area). */
  comparisons?: Comparison[];
  /** With a bootstrap: how it ran. */
  bootstrap?: Omit<BootstrapSummary, 'methods' | 'comparisons'> & { combine: string };
  /** With keepEvidence: every trial's S_te evidence. */
  evidence?: TrialEvidence[];
}

const EVAL_DEFAULTS = {
  seed: DEFAULTS.seed,
  trials: DEFAULTS.trials,
  k: DEFAULTS.k as number | 'auto',
  knnK: DEFAULTS.knnK as number | 'auto',
  pseudoCount: DEFAULTS.pseudoCount,
  qncDenominator: DEFAULTS.qncDenominator,
  maxIterations: DEFAULTS.maxIterations,
};

/** phi(x) for every prompt: the uploaded vectors as given, else the built-in embedder fitted on all prompt texts. */
export function datasetEmbeddings(
  dataset: Dataset,
  onProgress?: (fraction: number) => void,
): { embeddings: Matrix; kind: string; settings: EmbedderSettings } {
  if (dataset.embeddings)
    return { embeddings: dataset.embeddings, kind: 'external', settings: { kind: 'external', dim: dataset.embeddings.cols } };
  const texts = dataset.prompts.map((p) => p.text);
  // The IDF is fitted on every prompt text: unsupervised, label-free, and independent of the split.
  const settings = fitEmbedder(texts);
  return { embeddings: embedTexts(texts, settings, onProgress), kind: settings.kind, settings };
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
function std(xs: number[]): number {
  if (xs.length < 2) return 0;
  const mu = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - mu) ** 2, 0) / (xs.length - 1));
}

/** Mean curve over trials: the average of the piecewise-linear curves at the union of their knots. */
function meanCurve(curves: [number, number][][]): [number, number][] {
  if (curves.length === 1) return curves[0];
  const knots = [...new Set(curves.flatMap((c) => c.map((p) => p[0])))].sort((a, b) => a - b);
  const fronts = curves.map((c) => c.map(([cost, accuracy]) => ({ cost, accuracy, costPenalty: 0 })));
  return knots.map((x) => [x, mean(fronts.map((f) => accuracyAt(f, x)))]);
}

function aggregate(results: MethodResult[]): MethodReport {
  const pickAll = (f: (r: MethodResult) => number) => results.map(f);
  const qncs = results.map((r) => r.qnc).filter((q): q is number => q !== null);
  return {
    area: mean(pickAll((r) => r.area)),
    area50: mean(pickAll((r) => r.area50)),
    qnc: qncs.length ? mean(qncs) : null,
    aiq: mean(pickAll((r) => r.aiq)),
    peakAccuracy: mean(pickAll((r) => r.peakAccuracy)),
    curve: meanCurve(results.map((r) => r.curve)),
    perTrial: {
      area: pickAll((r) => r.area),
      area50: pickAll((r) => r.area50),
      qnc: results.map((r) => r.qnc),
      aiq: pickAll((r) => r.aiq),
      peakAccuracy: pickAll((r) => r.peakAccuracy),
    },
    spread: {
      area: std(pickAll((r) => r.area)),
      area50: std(pickAll((r) => r.area50)),
      qnc: qncs.length ? std(qncs) : null,
      aiq: std(pickAll((r) => r.aiq)),
      peakAccuracy: std(pickAll((r) => r.peakAccuracy)),
    },
    qncReached: qncs.length,
  };
}

/** Runs `trials` seeded trials (seed, seed+1, ...) and averages every metric. */
export async function evaluate(dataset: Dataset, options: EvaluateOptions = {}): Promise<EvalReport> {
  const o = { ...EVAL_DEFAULTS, ...definedOnly(options) };
  if (!Number.isInteger(o.trials) || o.trials < 1) throw new Error(`trials must be a positive integer, got ${o.trials}`);
  const report = (trial: number, stage: string, message: string, fraction?: number) => o.onProgress?.({ trial, stage, message, fraction });
  const { embeddings, kind } = options.embedded
    ? { embeddings: options.embedded.embeddings, kind: options.embedded.settings.kind }
    : (report(0, 'embed', dataset.embeddings ? 'using the uploaded embeddings' : 'embedding prompts with the built-in embedder'),
      datasetEmbeddings(dataset, (f) => report(0, 'embed', 'embedding prompts', f)));
  const methods = o.methods ?? METHOD_NAMES;
  const results: TrialResult[] = [];
  const draws: BootstrapDraws[] = [];
  const boot = o.bootstrap;
  for (let t = 0; t < o.trials; t++) {
    const setup = trialSetup(dataset, o.seed + t, o);
    results.push(
      await runTrial(
        dataset,
        embeddings,
        setup,
        trialOptions(o, methods, {
          kmeansEngine: o.kmeansEngine,
          tfBackend: o.tfBackend,
          spawnShard: o.spawnShard,
          cores: o.cores,
          onProgress: (stage, message, fraction) => report(t + 1, stage, message, fraction),
          keepEvidence: o.keepEvidence || boot !== undefined,
          shouldStop: o.shouldStop,
        }),
      ),
    );
    if (o.shouldStop?.()) {
      results.pop();
      break;
    }
    const evidence = results[t].evidence;
    if (boot && evidence) {
      report(t + 1, 'bootstrap', `${boot.resamples} paired resamples of ${evidence.n} test prompts`);
      draws.push(
        await bootstrap(evidence, {
          resamples: boot.resamples,
          seed: boot.seed ?? o.seed + t,
          onProgress: (done, total) => report(t + 1, 'bootstrap', `resample ${done} of ${total}`, done / total),
          shouldStop: o.shouldStop,
        }),
      );
      if (o.shouldStop?.()) {
        results.pop();
        draws.pop();
        break;
      }
    }
    if (!o.keepEvidence) delete results[t].evidence;
    if (t === 0 && o.trials === 1) {
      (results[0].counts as EvalReport['split']).trainModelNames = setup.trainModels.map((h) => dataset.models[h].name);
      (results[0].counts as EvalReport['split']).testModelNames = setup.testModels.map((h) => dataset.models[h].name);
    }
  }
  if (results.length === 0) throw new Error('the evaluation was cancelled before its first trial finished');
  const stopped = results.length < o.trials ? [`cancelled: ${results.length} of ${o.trials} trials finished and reported`] : [];
  const summary = draws.length > 0 ? summariseBootstrap(draws) : null;
  const methodReports: EvalReport['methods'] = {};
  for (const name of methods) {
    const per = results.map((r) => r.methods[name]).filter((r): r is MethodResult => r !== undefined);
    if (!per.length) continue;
    methodReports[name] = aggregate(per);
    const u = summary?.methods[name];
    if (u) Object.assign(methodReports[name]!, { ci: u.ci, band: u.band, saving: { model: summary!.bestModels, ...u.saving } });
  }
  // A model's single point is averaged over the trials in which it was in the test pool.
  const singleLists: Record<string, { cost: number; accuracy: number }[]> = {};
  for (const r of results) for (const [name, s] of Object.entries(r.singles)) (singleLists[name] ??= []).push(s);
  const singles: EvalReport['singles'] = {};
  for (const [name, list] of Object.entries(singleLists))
    singles[name] = { cost: mean(list.map((s) => s.cost)), accuracy: mean(list.map((s) => s.accuracy)) };
  return {
    methods: methodReports,
    singles,
    split: results[0].counts,
    dropped: Math.round(mean(results.map((r) => r.dropped))),
    trials: results.length,
    seed: o.seed,
    chosen: { k: results.map((r) => r.chosen.k), knnK: results.map((r) => r.chosen.knnK) },
    embedder: { kind, dim: embeddings.cols },
    engines: results[0].fitted?.engines ?? null,
    notes: [...new Set([...results.flatMap((r) => r.notes), ...stopped])],
    ...(summary ? { comparisons: summary.comparisons, bootstrap: bootstrapInfo(summary) } : {}),
    ...(o.keepEvidence ? { evidence: results.map((r) => r.evidence!) } : {}),
  };
}

function bootstrapInfo(s: BootstrapSummary): EvalReport['bootstrap'] {
  const { methods: _m, comparisons: _c, ...info } = s;
  return {
    ...info,
    combine:
      s.trials > 1
        ? 'each trial bootstrapped on its own test prompts; resample b of every trial averaged (the interval of the mean over trials)'
        : 'one trial: resamples of its test prompts',
  };
}
