/**
 * Session building: from a Dataset, its embeddings phi(x), the split and a trained router to the
 * plain data every explorer view reads (gamma of each method on S_te for the test pool H_te,
 * cluster of every prompt, cluster list, Psi with counts). The same arithmetic as runTrial, kept.
 */
import type { Dataset, Matrix } from '../types';
import { clusterMapProbs } from '../routing/clusterMap';
import { kmeansGamma, oracleGamma, softGamma } from '../routing/gamma';
import { nearestCentroids, nearestNeighbours } from '../routing/knnShortlist';
import { knnFallback, knnGammaFromNeighbours } from '../routing/knn';
import {
  fullyScoredRows,
  METHOD_NAMES,
  selectBlock,
  selectRows,
  zeroRouterValAccuracy,
  type MethodName,
  type QncDenominator,
} from '../eval';
import { errorsFromScores, selectProfiles } from '../routing/errorProfile';
import type { ClusterSummary, SessionBase, SessionRouter, SessionSetup } from './types';

export interface BuildSessionOptions {
  /** Methods to evaluate (those that need a learned map are skipped without one). */
  methods?: readonly MethodName[];
  qncDenominator?: QncDenominator;
  /**
   * The k-NN neighbour lists of the scored test prompts among S_val that training already found
   * (TrialResult.knnNeighbours): used when they have the session's k and shape, else recomputed.
   */
  knnNeighbours?: { k: number; rows: Int32Array };
  /**
   * Phi(x) of the scored test prompts that training already computed (TrialResult.learnedMapTestPhi):
   * used when its theta is the router's, value for value, and the shape fits, else recomputed.
   */
  learnedMapTestPhi?: { theta: ArrayLike<number>; probs: Float64Array };
}

/** The same theta, value for value (a router read back from its file carries the trained float32 values). */
function sameTheta(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const DEFAULTS: Required<Omit<BuildSessionOptions, 'knnNeighbours' | 'learnedMapTestPhi'>> = {
  methods: METHOD_NAMES,
  qncDenominator: 'max-test-cost',
};

/** Size, validation evidence and the (at most 3) dominant tasks of every cluster. */
export function clusterSummaries(
  promptClusters: Int32Array,
  valClusters: Int32Array,
  tasks: readonly (string | undefined)[],
  k: number,
): ClusterSummary[] {
  const sizes = new Int32Array(k);
  const valCounts = new Int32Array(k);
  const byTask = Array.from({ length: k }, () => new Map<string, number>());
  promptClusters.forEach((c, p) => {
    sizes[c]++;
    const task = tasks[p];
    if (task) byTask[c].set(task, (byTask[c].get(task) ?? 0) + 1);
  });
  valClusters.forEach((c) => valCounts[c]++);
  return Array.from({ length: k }, (_, c) => ({
    cluster: c,
    size: sizes[c],
    valCount: valCounts[c],
    tasks: [...byTask[c].entries()]
      .map(([task, count]) => ({ task, count }))
      .sort((a, b) => b.count - a.count || (a.task < b.task ? -1 : a.task > b.task ? 1 : 0))
      .slice(0, 3),
  }));
}

/** Builds the session base: every method's gamma on S_te for H_te and what the cluster views need. */
export function buildSessionBase(
  dataset: Dataset,
  embeddings: Matrix,
  setup: SessionSetup,
  router: SessionRouter,
  options: BuildSessionOptions = {},
): SessionBase {
  const o = { ...DEFAULTS, ...options };
  const want = new Set(o.methods);
  const M = dataset.models.length;
  const { split, trainModels, testModels } = setup;
  if (embeddings.rows !== dataset.prompts.length)
    throw new RangeError(`embeddings have ${embeddings.rows} rows, the dataset ${dataset.prompts.length} prompts`);
  if (router.profiles.m !== M) throw new RangeError(`the router profiles ${router.profiles.m} LLMs, the dataset has ${M}`);
  if (testModels.length === 0) throw new RangeError('the test pool is empty');
  const k = router.centroids.rows;

  const { kept, dropped } = fullyScoredRows(dataset.scores, M, split.test, testModels);
  if (kept.length === 0) throw new Error('no test prompt has a score for every test-pool LLM');
  const mTe = testModels.length;
  const testScores = selectBlock(dataset.scores, M, kept, testModels);
  const valScoresTe = selectBlock(dataset.scores, M, split.val, testModels);
  const valErrorsTe = errorsFromScores(valScoresTe);
  const valX = selectRows(embeddings, split.val);
  const testX = selectRows(embeddings, kept);

  const promptClusters = nearestCentroids(embeddings, router.centroids);
  const valClusters = Int32Array.from(split.val, (r) => promptClusters[r]);
  const testClusters = Int32Array.from(kept, (r) => promptClusters[r]);
  const profilesTe = selectProfiles(router.profiles, testModels);
  const valAccuracy = zeroRouterValAccuracy(valScoresTe, mTe);

  const knnK = Math.max(1, Math.min(router.knnK, split.val.length));
  const neighbourCount = split.val.length > 0 ? Math.min(knnK, split.val.length) : 0;
  const known = options.knnNeighbours;
  const testNeighbours =
    neighbourCount === 0
      ? new Int32Array(0)
      : known && known.k === knnK && known.rows.length === kept.length * knnK
        ? known.rows
        : nearestNeighbours(testX, valX, knnK);
  const map = router.clusterMap;
  const knownPhi = options.learnedMapTestPhi;
  const testPhi = !map
    ? null
    : knownPhi && knownPhi.probs.length === kept.length * map.k && sameTheta(knownPhi.theta, map.theta)
      ? knownPhi.probs
      : clusterMapProbs(testX, map);

  const gammas: SessionBase['gammas'] = {};
  if (want.has('oracle')) gammas.oracle = oracleGamma(testScores);
  if (want.has('zero-router')) {
    // ZeroRouter as a router: the same gamma for every prompt, 1 - validation accuracy.
    const g = new Float64Array(kept.length * mTe);
    for (let p = 0; p < kept.length; p++) for (let h = 0; h < mTe; h++) g[p * mTe + h] = 1 - valAccuracy[h];
    gammas['zero-router'] = g;
  }
  if (want.has('knn') && neighbourCount > 0)
    gammas.knn = knnGammaFromNeighbours(testNeighbours, neighbourCount, neighbourCount, valErrorsTe, mTe, knnFallback(valErrorsTe, mTe));
  if (want.has('uniroute-kmeans')) gammas['uniroute-kmeans'] = kmeansGamma(testClusters, profilesTe);
  if (want.has('uniroute-learnedmap') && testPhi) gammas['uniroute-learnedmap'] = softGamma(testPhi, profilesTe);

  return {
    k,
    knnK,
    pseudoCount: router.pseudoCount,
    costUnit: dataset.costUnit,
    modelNames: dataset.models.map((h) => h.name),
    modelCosts: dataset.models.map((h) => h.cost),
    trainModels: trainModels.slice(),
    testModels: testModels.slice(),
    counts: { train: split.train.length, val: split.val.length, test: split.test.length, testScored: kept.length },
    dropped,
    testRows: Int32Array.from(kept),
    valRows: Int32Array.from(split.val),
    valClusters,
    promptClusters,
    testClusters,
    testPhi,
    testNeighbours,
    neighbourCount,
    profiles: router.profiles,
    testScores,
    valAccuracy,
    gammas,
    clusters: clusterSummaries(
      promptClusters,
      valClusters,
      dataset.prompts.map((p) => p.task),
      k,
    ),
    qncDenominator: o.qncDenominator,
  };
}
