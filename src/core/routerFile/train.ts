/**
 * Training a portable router: one seeded trial of the evaluation pipeline (the same split as
 * `routelab eval --seed N`'s first trial), exported with ALL dataset LLMs' errorProfiles Psi from
 * S_val and that trial's test-pool metrics. The one file of src/core/routerFile that uses tfjs (through
 * k-means and the learned-map trainer); routing a trained router does not.
 */
import { datasetEmbeddings, type ResolvedSplit } from '../eval/evaluate';
import type { MethodName, QncDenominator } from '../eval/methods';
import type { SplitFractions } from '../eval/split';
import { runTrial, trialOptions, trialSetup } from '../eval/trial';
import type { ClusterMapOptions } from '../routing/clusterMap';
import type { Dataset } from '../types';
import { exportRouter, type ExportOptions } from './export';
import type { Router, RouterMethod } from './schema';

export interface TrainRouterOptions {
  method: RouterMethod;
  /** Number of clusters K, or 'auto' (the paper's selection with the training LLMs on S_val). */
  k: number | 'auto';
  seed: number;
  knnK?: number | 'auto';
  kGrid?: number[];
  knnKGrid?: number[];
  /** Shrinkage pseudo-count a of Psi (default 1). */
  pseudoCount?: number;
  /** Default cost penalty lambda written into the router (default 0). */
  costPenalty?: number;
  /** The routing pool written into the router: the unseen test pool (default), every LLM, or names. */
  pool?: ExportOptions['pool'];
  fractions?: SplitFractions;
  testModelFraction?: number;
  /** An explicit split used verbatim instead of the seeded one. */
  split?: ResolvedSplit;
  clusterMap?: ClusterMapOptions;
  maxIterations?: number;
  qncDenominator?: QncDenominator;
  createdAt?: string;
  onProgress?: (stage: string, message: string, fraction?: number) => void;
  shouldStop?: () => boolean;
}

/** Name of errors caused by the data or options (the CLI reports them as bad input, exit 2). */
export const TRAIN_INPUT_ERROR = 'RouterTrainInputError';

function inputError(message: string): Error {
  const err = new Error(message);
  err.name = TRAIN_INPUT_ERROR;
  return err;
}

/** Trains a router with UniRoute (K-means) or UniRoute (LearnedMap) on `dataset`. */
export async function trainRouter(dataset: Dataset, options: TrainRouterOptions): Promise<Router> {
  const o = {
    knnK: 10 as number | 'auto',
    pseudoCount: 1,
    costPenalty: 0,
    maxIterations: 100,
    qncDenominator: 'max-test-cost' as QncDenominator,
    ...options,
  };
  const progress = o.onProgress ?? (() => {});
  if (o.method !== 'kmeans' && o.method !== 'learnedmap')
    throw inputError(`unknown method "${String(o.method)}" (expected kmeans or learnedmap)`);
  if (dataset.models.length === 0) throw inputError('the dataset has no LLMs');
  const setup = trialSetup(dataset, o.seed, o);
  if (o.method === 'learnedmap' && setup.trainModels.length === 0) {
    throw inputError(
      `method learnedmap needs at least one training LLM with labels, and this split has none ` +
        `(${dataset.models.length} LLM${dataset.models.length === 1 ? '' : 's'}, all in the test pool): use --method kmeans or more LLMs`,
    );
  }
  if (setup.split.train.length === 0) throw inputError('the split has no training prompts to cluster');
  if (setup.split.val.length === 0) throw inputError("the split has no validation prompts: every LLM's error profile comes from them");

  progress('embed', dataset.embeddings ? 'using the uploaded embeddings' : 'embedding prompts with the built-in embedder');
  const { embeddings, settings } = datasetEmbeddings(dataset, (f) => progress('embed', 'embedding prompts', f));
  const methods: MethodName[] = ['oracle', 'zero-router', 'knn', 'uniroute-kmeans'];
  if (o.method === 'learnedmap') methods.push('uniroute-learnedmap');
  let trial;
  try {
    trial = await runTrial(dataset, embeddings, setup, trialOptions(o, methods, { onProgress: progress, shouldStop: o.shouldStop }));
  } catch (err) {
    // The trial refuses data it cannot evaluate (e.g. no fully scored test prompt): bad input, not a bug.
    if (err instanceof Error && /no test prompt/.test(err.message)) throw inputError(err.message);
    throw err;
  }
  for (const note of trial.notes) progress('note', note);
  return exportRouter(dataset, setup, trial, {
    method: o.method,
    embedder: settings,
    pseudoCount: o.pseudoCount,
    costPenalty: o.costPenalty,
    createdAt: o.createdAt,
    pool: o.pool,
  });
}
