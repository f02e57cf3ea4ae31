/**
 * Training a portable router, the one training path of RouteLab (`routelab train` and the explorer's
 * training worker both call fitRouter): one seeded trial of the evaluation pipeline (the same split
 * as `routelab eval --seed N`'s first trial), exported with ALL dataset LLMs' errorProfiles Psi from
 * S_val and that trial's test-pool metrics. The one file of src/core/routerFile that uses tfjs
 * (through k-means and the learned-map trainer); routing a trained router does not.
 */
import type { KMeansEngineChoice, KMeansIteration, SpawnLloydShard, TfBackendHint } from '../cluster';
import { DEFAULTS, definedOnly } from '../defaults';
import { defaultTestPool } from '../demo/pool';
import type { EmbedderSettings } from '../embed';
import type { MethodName, QncDenominator, SplitFractions, TrialSetup } from '../eval';
import {
  datasetEmbeddings,
  runTrial,
  trialOptions,
  trialSetup,
  type NeighboursElsewhere,
  type ResolvedSplit,
  type TrialResult,
} from '../eval/pipeline';
import type { ClusterMapEpoch, ClusterMapOptions } from '../routing/clusterMap';
import type { Dataset, Matrix } from '../types';
import { exportRouter, type ExportOptions } from './export';
import type { Router, RouterMethod } from './schema';

/** What a training run is given; every field left out takes its value from DEFAULTS (src/core/defaults.ts). */
export interface TrainRouterOptions {
  method?: RouterMethod;
  /** Number of clusters K, or 'auto' (the paper's selection with the training LLMs on S_val). */
  k?: number | 'auto';
  seed?: number;
  knnK?: number | 'auto';
  kGrid?: number[];
  knnKGrid?: number[];
  /** Shrinkage pseudo-count a of Psi. */
  pseudoCount?: number;
  /** Default cost penalty lambda written into the router. */
  costPenalty?: number;
  /** The routing pool written into the router: the unseen test pool (default), every LLM, or names. */
  pool?: ExportOptions['pool'];
  fractions?: SplitFractions;
  testModelFraction?: number;
  /**
   * Names of the LLMs of the unseen test pool H_te (the prompt split stays the seeded one). Empty or
   * absent: the dataset's default pool (the demo's fixed one, defaultTestPool), else the seeded third.
   */
  testModels?: readonly string[];
  /** An explicit split used verbatim instead of the seeded one. */
  split?: ResolvedSplit;
  /** Cap on learned-map epochs. */
  epochs?: number;
  /** Further learned-map options (epochs here win over `epochs`). */
  clusterMap?: ClusterMapOptions;
  /** Cap on Lloyd iterations of k-means. */
  maxIterations?: number;
  qncDenominator?: QncDenominator;
  createdAt?: string;
  onProgress?: (stage: string, message: string, fraction?: number) => void;
  shouldStop?: () => boolean;
}

/** How a run executes: none of these changes the router a seed gives. */
export interface TrainHooks {
  /**
   * phi(x) of every prompt as datasetEmbeddings gives it, called once the settings are checked: the
   * explorer keeps them, so a retrain does not re-embed. Default: datasetEmbeddings(dataset).
   */
  embeddings?: () => { embeddings: Matrix; settings: EmbedderSettings };
  onKMeansIteration?: (it: KMeansIteration) => void;
  onEpoch?: (e: ClusterMapEpoch) => void;
  kmeansEngine?: KMeansEngineChoice;
  tfBackend?: TfBackendHint;
  spawnShard?: SpawnLloydShard;
  /** Cores the sharded k-means may use (the CLI passes os.availableParallelism()). */
  cores?: number;
  /** datasetHash(dataset), where the caller already has it (the worker keys its caches by it). */
  dataHash?: string;
  /** Where the k-NN baseline's neighbour lists can be found on another thread meanwhile (TrialOptions). */
  neighboursElsewhere?: NeighboursElsewhere;
}

/** The router and what produced it (the explorer builds its session from these). */
export interface TrainedRouter {
  router: Router;
  setup: TrialSetup;
  trial: TrialResult;
  embeddings: Matrix;
  embedder: EmbedderSettings;
}

/** Name of errors caused by the data or options (the CLI reports them as bad input, exit 2). */
export const TRAIN_INPUT_ERROR = 'RouterTrainInputError';

function inputError(message: string): Error {
  const err = new Error(message);
  err.name = TRAIN_INPUT_ERROR;
  return err;
}

/** The options with DEFAULTS filled in. */
function resolve(options: TrainRouterOptions) {
  return {
    method: DEFAULTS.method,
    k: DEFAULTS.k as number | 'auto',
    seed: DEFAULTS.seed,
    knnK: DEFAULTS.knnK as number | 'auto',
    pseudoCount: DEFAULTS.pseudoCount,
    costPenalty: DEFAULTS.costPenalty,
    maxIterations: DEFAULTS.maxIterations,
    epochs: DEFAULTS.epochs,
    qncDenominator: DEFAULTS.qncDenominator,
    ...definedOnly(options),
  };
}

/**
 * The split and pools of a training run: the explicit split verbatim, else the seeded prompt split
 * and LLM split of trialSetup, with the test pool replaced by `testModels` (or the dataset's default
 * pool) when one is named. Unknown names are bad input.
 */
export function trainSetup(dataset: Dataset, options: TrainRouterOptions = {}): TrialSetup {
  const o = resolve(options);
  const setup = trialSetup(dataset, o.seed, o);
  if (o.split) return setup;
  const names = o.testModels?.length ? [...o.testModels] : defaultTestPool(dataset);
  if (names.length === 0) return setup;
  const index = new Map(dataset.models.map((h, j) => [h.name, j]));
  const unknown = names.filter((name) => !index.has(name));
  if (unknown.length) throw inputError(`the test pool names LLMs the dataset does not have: ${unknown.join(', ')}`);
  const test = new Set(names.map((name) => index.get(name)!));
  return {
    split: setup.split,
    trainModels: dataset.models.map((_, j) => j).filter((j) => !test.has(j)),
    testModels: [...test].sort((a, b) => a - b),
    seed: o.seed,
  };
}

/** Trains a router with UniRoute (K-means) or UniRoute (LearnedMap) on `dataset`, keeping the trial behind it. */
export async function fitRouter(dataset: Dataset, options: TrainRouterOptions = {}, hooks: TrainHooks = {}): Promise<TrainedRouter> {
  const o = resolve(options);
  const progress = o.onProgress ?? (() => {});
  if (o.method !== 'kmeans' && o.method !== 'learnedmap')
    throw inputError(`unknown method "${String(o.method)}" (expected kmeans or learnedmap)`);
  if (dataset.models.length === 0) throw inputError('the dataset has no LLMs');
  const setup = trainSetup(dataset, o);
  if (o.method === 'learnedmap' && setup.trainModels.length === 0) {
    throw inputError(
      `method learnedmap needs at least one training LLM with labels, and this split has none ` +
        `(${dataset.models.length} LLM${dataset.models.length === 1 ? '' : 's'}, all in the test pool): use --method kmeans or more LLMs`,
    );
  }
  if (setup.split.train.length === 0) throw inputError('the split has no training prompts to cluster');
  if (setup.split.val.length === 0) throw inputError("the split has no validation prompts: every LLM's error profile comes from them");

  let phi;
  if (hooks.embeddings) phi = hooks.embeddings();
  else {
    progress('embed', dataset.embeddings ? 'using the uploaded embeddings' : 'embedding prompts with the built-in embedder');
    phi = datasetEmbeddings(dataset, (f) => progress('embed', 'embedding prompts', f));
  }
  const methods: MethodName[] = ['oracle', 'zero-router', 'knn', 'uniroute-kmeans'];
  if (o.method === 'learnedmap') methods.push('uniroute-learnedmap');
  const pipeline = { ...o, clusterMap: { epochs: o.epochs, ...o.clusterMap, ...(hooks.onEpoch && { onEpoch: hooks.onEpoch }) } };
  let trial: TrialResult;
  try {
    trial = await runTrial(
      dataset,
      phi.embeddings,
      setup,
      trialOptions(pipeline, methods, {
        onProgress: progress,
        shouldStop: o.shouldStop,
        onKMeansIteration: hooks.onKMeansIteration,
        kmeansEngine: hooks.kmeansEngine,
        tfBackend: hooks.tfBackend,
        spawnShard: hooks.spawnShard,
        cores: hooks.cores,
        neighboursElsewhere: hooks.neighboursElsewhere,
      }),
    );
  } catch (err) {
    // The trial refuses data it cannot evaluate (e.g. no fully scored test prompt): bad input, not a bug.
    if (err instanceof Error && /no test prompt/.test(err.message)) throw inputError(err.message);
    throw err;
  }
  const router = exportRouter(dataset, setup, trial, {
    method: o.method,
    embedder: phi.settings,
    pseudoCount: o.pseudoCount,
    costPenalty: o.costPenalty,
    createdAt: o.createdAt,
    pool: o.pool,
    dataHash: hooks.dataHash,
  });
  return { router, setup, trial, embeddings: phi.embeddings, embedder: phi.settings };
}

/** fitRouter's router alone; the trial's notes go to onProgress as stage 'note'. */
export async function trainRouter(dataset: Dataset, options: TrainRouterOptions = {}): Promise<Router> {
  const { router, trial } = await fitRouter(dataset, options);
  for (const note of trial.notes) options.onProgress?.('note', note);
  return router;
}
