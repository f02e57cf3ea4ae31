/**
 * One evaluation trial of UNIROUTE.md: a prompt split and an LLM split, the router built from
 * S_tr (clusters) and S_val (every test LLM's error profile), and every method's deferral curve on
 * S_te for the unseen test pool H_te. Test-LLM labels on S_tr / S_te are never read by a router.
 */
import type { Dataset, Matrix } from '../types';
import { hostCores, kmeans, type KMeansEngineChoice, type KMeansIteration, type TfBackendHint } from '../cluster';
import type { SpawnLloydShard } from '../cluster';
import { computeErrorProfiles, errorsFromScores, selectProfiles, type ErrorProfiles } from '../routing/errorProfile';
import { kmeansGamma, oracleGamma, softGamma } from '../routing/gamma';
import { nearestCentroids, nearestNeighbours } from '../routing/knnShortlist';
import { knnFallback, knnGammaFromNeighbours } from '../routing/knn';
import { clusterMapProbs, type ClusterMap, type ClusterMapEpoch, type ClusterMapOptions } from '../routing/clusterMap';
import { trainClusterMap } from '../routing/clusterMapTrain';
import type { MapPeerPort } from '../routing/clusterMapPeer';
import { paretoFront, type CurvePoint } from './curve';
import { buildSweep, sweepPoints } from './sweep';
import { asBlocks } from './blocks';
import type { BootstrapEvidence } from './bootstrap';
import { curveMetrics, singleModelPoints, zeroRouterCurve, zeroRouterValAccuracy } from './metrics';
import { splitModels, splitPrompts, type PromptSplit, type SplitFractions, type TrialSetup } from './split';
import { createRng } from '../rng';
import { DEFAULTS } from '../defaults';
import { fullyScoredRows, pick, selectBlock, selectRows } from './select';
import { METHOD_NAMES, type MethodName, type MethodResult, type QncDenominator } from './methods';
import { chooseK, chooseKnnK, DEFAULT_K_GRID, DEFAULT_KNN_K_GRID } from './chooseK';
import { poolMetricOptions } from './poolMetrics';

/**
 * The learned map's peer: a shard worker from the host's k-means pool computes half of each
 * mini-batch (routing/clusterMapPeer.ts) where there is a second core; the same map without it.
 */
function mapPeer(o: { spawnShard?: SpawnLloydShard; cores?: number }): (() => MapPeerPort) | undefined {
  const spawn = o.spawnShard;
  return spawn !== undefined && hostCores(o) >= 2 ? () => spawn() as unknown as MapPeerPort : undefined;
}

/** An explicit split (indices), used verbatim. */
export interface ResolvedSplit {
  prompts: PromptSplit;
  trainModels: number[];
  testModels: number[];
}

export type { TrialSetup };

export interface TrialOptions {
  k: number | 'auto';
  knnK: number | 'auto';
  kGrid: number[];
  knnKGrid: number[];
  pseudoCount: number;
  methods: readonly MethodName[];
  qncDenominator: QncDenominator;
  clusterMap: ClusterMapOptions;
  maxIterations: number;
  onProgress?: (stage: string, message: string, fraction?: number) => void;
  /** Which Lloyd engine runs k-means (default 'auto': the WebAssembly SIMD kernel where available). */
  kmeansEngine?: KMeansEngineChoice;
  /** The tfjs backend in use, so 'auto' probes WebGL only on a hardware renderer. */
  tfBackend?: TfBackendHint;
  /** Where workers exist: starts a k-means shard, so 'auto' may split Lloyd steps over the cores. */
  spawnShard?: SpawnLloydShard;
  /** Cores for the shards (default: navigator.hardwareConcurrency where there is one; a Node caller passes os.availableParallelism()). */
  cores?: number;
  /** Every k-means iteration of the router's clustering, as numbers (drives the inertia chart). */
  onKMeansIteration?: (it: KMeansIteration) => void;
  /** Cancellation, polled between k-means iterations and learned-map epochs. */
  shouldStop?: () => boolean;
  /** Keep what the paired bootstrap and "is routing paying?" read of S_te (TrialResult.evidence). */
  keepEvidence?: boolean;
  /**
   * Where another thread can find the k-NN baseline's neighbour lists (the same nearestNeighbours, so
   * the same answer) while this one clusters and trains the map; a failure falls back to this thread.
   */
  neighboursElsewhere?: NeighboursElsewhere;
}

/** nearestNeighbours(queries, refs, k) run on another thread. */
export type NeighboursElsewhere = (queries: Matrix, refs: Matrix, k: number) => Promise<Int32Array>;

/** A trial's S_te as the bootstrap reads it, plus where each test prompt came from (dataset row, cluster). */
export interface TrialEvidence extends BootstrapEvidence {
  /** Dataset row of every kept test prompt (S_te order of `scores`). */
  testRows: number[];
  /** Nearest centroid of every kept test prompt; null when no clusters were fitted. */
  testClusters: Int32Array | null;
}

/** What a trial learned: enough to export a router (all LLMs' profiles) and to re-route live. */
export interface FittedRouter {
  k: number;
  centroids: Matrix;
  kmeansHistory: KMeansIteration[];
  /** Learned cluster map when trained (needs >= 1 training LLM). */
  clusterMap: ClusterMap | null;
  clusterMapHistory: ClusterMapEpoch[];
  /** Nearest centroid of each validation prompt (S_val order). */
  valClusters: Int32Array;
  /** Psi of every LLM of the dataset (model-major, dataset column order), from S_val. */
  profiles: ErrorProfiles;
  knnK: number;
  /** The engines that ran: Lloyd steps of k-means, and the learned map's trainer when trained. */
  engines: { kmeans: string; clusterMap: string | null };
}

export interface TrialResult {
  fitted: FittedRouter | null;
  methods: Partial<Record<MethodName, MethodResult>>;
  singles: Record<string, { cost: number; accuracy: number }>;
  counts: { train: number; val: number; test: number; testScored: number; trainModels: number; testModels: number };
  dropped: number;
  chosen: { k: number; knnK: number };
  notes: string[];
  /** With options.keepEvidence. */
  evidence?: TrialEvidence;
  /** The k-NN baseline's neighbour lists of the scored test prompts among S_val (testScored x k), when it ran. */
  knnNeighbours?: { k: number; rows: Int32Array };
  /** Phi(x) of the scored test prompts under the learned map (testScored x K), when it was trained. */
  learnedMapTestPhi?: { theta: Float32Array; probs: Float64Array };
}

function allModels(m: number): number[] {
  return Array.from({ length: m }, (_, h) => h);
}

/** The setup of the trial with `seed`: the explicit split verbatim, else a seeded prompt split and LLM split. */
export function trialSetup(
  dataset: Dataset,
  seed: number,
  o: { split?: ResolvedSplit; fractions?: SplitFractions; testModelFraction?: number },
): TrialSetup {
  if (o.split) return { split: o.split.prompts, trainModels: o.split.trainModels, testModels: o.split.testModels, seed };
  const rng = createRng(seed);
  return {
    split: splitPrompts(dataset.prompts.length, rng, o.fractions),
    ...splitModels(dataset.models.length, rng, o.testModelFraction),
    seed,
  };
}

/** The pipeline settings shared by `evaluate` and `trainRouter`. */
export interface PipelineSettings {
  k: number | 'auto';
  knnK: number | 'auto';
  kGrid?: number[];
  knnKGrid?: number[];
  pseudoCount: number;
  qncDenominator: QncDenominator;
  clusterMap?: ClusterMapOptions;
  maxIterations: number;
}

/** TrialOptions from pipeline settings, with the defaults for the K and k grids. */
export function trialOptions(
  o: PipelineSettings,
  methods: readonly MethodName[],
  hooks: Pick<
    TrialOptions,
    | 'onProgress'
    | 'shouldStop'
    | 'onKMeansIteration'
    | 'kmeansEngine'
    | 'tfBackend'
    | 'spawnShard'
    | 'cores'
    | 'keepEvidence'
    | 'neighboursElsewhere'
  > = {},
): TrialOptions {
  return {
    k: o.k,
    knnK: o.knnK,
    kGrid: o.kGrid ?? DEFAULT_K_GRID,
    knnKGrid: o.knnKGrid ?? DEFAULT_KNN_K_GRID,
    pseudoCount: o.pseudoCount,
    methods,
    qncDenominator: o.qncDenominator,
    clusterMap: o.clusterMap ?? {},
    maxIterations: o.maxIterations,
    ...hooks,
  };
}

/** Runs one trial; `embeddings` are phi(x) for every prompt of the dataset. */
export async function runTrial(dataset: Dataset, embeddings: Matrix, setup: TrialSetup, options: TrialOptions): Promise<TrialResult> {
  const progress = options.onProgress ?? (() => {});
  const M = dataset.models.length;
  const notes: string[] = [];
  const { split, trainModels, testModels } = setup;
  const want = new Set(options.methods);

  // A prompt without a score for some test-pool LLM is left out of this evaluation.
  const { kept: testRows, dropped } = fullyScoredRows(dataset.scores, M, split.test, testModels);
  if (testRows.length === 0) throw new Error('no test prompt has a score for every test-pool LLM');
  const mTe = testModels.length;
  const costs = pick(
    dataset.models.map((h) => h.cost),
    testModels,
  );
  const maxCost = Math.max(...costs);
  // Cost axis normalised by the max test-pool cost (UNIROUTE.md); all-zero costs leave it unnormalised.
  const normaliser = maxCost > 0 ? maxCost : 1;
  if (!(maxCost > 0)) notes.push('every test-pool LLM costs 0: costs are not normalised');

  const testScores = selectBlock(dataset.scores, M, testRows, testModels);
  const valScoresTe = selectBlock(dataset.scores, M, split.val, testModels);
  const valErrorsTe = errorsFromScores(valScoresTe);
  const trainX = selectRows(embeddings, split.train);
  const valX = selectRows(embeddings, split.val);
  const testX = selectRows(embeddings, testRows);

  const singles = singleModelPoints(testScores, mTe, costs, normaliser);
  const metricOptions = poolMetricOptions(
    singles.map((s) => s.accuracy),
    costs,
    normaliser,
    options.qncDenominator,
  );
  const methods: Partial<Record<MethodName, MethodResult>> = {};
  const record = (name: MethodName, points: CurvePoint[]): void => {
    const metrics = curveMetrics(points, metricOptions);
    methods[name] = { ...metrics, curve: paretoFront(points).map((p) => [p.cost, p.accuracy]) };
  };
  const evidence: TrialEvidence | undefined = options.keepEvidence
    ? {
        names: testModels.map((h) => dataset.models[h].name),
        costs,
        normaliser,
        qncDenominator: options.qncDenominator,
        n: testRows.length,
        scores: asBlocks(testScores, mTe),
        zeroRouterValAccuracy: null,
        sweeps: {},
        testRows,
        testClusters: null,
      }
    : undefined;
  /** A router's (or the oracle's) exact curve on S_te; its sweep is kept for the bootstrap. */
  const recordGamma = (name: MethodName, gamma: Float64Array): void => {
    const sweep = buildSweep(asBlocks(gamma, mTe), asBlocks(testScores, mTe), testRows.length, costs, normaliser);
    if (evidence) evidence.sweeps[name] = sweep;
    record(name, sweepPoints(sweep));
  };

  if (want.has('oracle')) recordGamma('oracle', oracleGamma(testScores));
  if (want.has('zero-router')) {
    const valAcc = zeroRouterValAccuracy(valScoresTe, mTe);
    if (evidence) evidence.zeroRouterValAccuracy = valAcc;
    record(
      'zero-router',
      zeroRouterCurve(
        valAcc,
        singles.map((s) => s.accuracy),
        costs,
        normaliser,
      ),
    );
  }

  const trainErrorsTr = errorsFromScores(selectBlock(dataset.scores, M, split.train, trainModels));
  const valErrorsTr = errorsFromScores(selectBlock(dataset.scores, M, split.val, trainModels));
  const trainCosts = pick(
    dataset.models.map((h) => h.cost),
    trainModels,
  );
  const canTune = trainModels.length > 0 && split.val.length > 0;

  let knnK = typeof options.knnK === 'number' ? options.knnK : 10;
  if (options.knnK === 'auto') {
    if (canTune)
      knnK = chooseKnnK({
        trainX,
        trainErrors: trainErrorsTr,
        valX,
        valErrors: valErrorsTr,
        costs: trainCosts,
        grid: options.knnKGrid,
      }).best;
    else notes.push('--knn-k auto needs a training LLM: using k = 10');
  }
  knnK = Math.max(1, Math.min(knnK, split.val.length));
  let neighbours: TrialResult['knnNeighbours'];
  const recordKnn = (rows: Int32Array): void => {
    neighbours = { k: knnK, rows };
    recordGamma('knn', knnGammaFromNeighbours(rows, knnK, knnK, valErrorsTe, mTe, knnFallback(valErrorsTe, mTe)));
  };
  // The k-NN baseline does not depend on the clusters: elsewhere, it runs while k-means and the map train.
  const knnElsewhere =
    want.has('knn') && options.neighboursElsewhere
      ? options.neighboursElsewhere(testX, valX, knnK).then(
          (rows) => rows,
          () => null,
        )
      : null;
  if (want.has('knn') && !knnElsewhere) recordKnn(nearestNeighbours(testX, valX, knnK));

  let K = typeof options.k === 'number' ? options.k : 10;
  if (options.k === 'auto') {
    if (canTune) {
      progress('k-selection', 'choosing K on S_val with the training LLMs');
      K = (
        await chooseK({
          trainX,
          trainErrors: trainErrorsTr,
          valX,
          valErrors: valErrorsTr,
          costs: trainCosts,
          grid: options.kGrid,
          seed: setup.seed,
          pseudoCount: options.pseudoCount,
          maxIterations: options.maxIterations,
          engine: options.kmeansEngine,
          tfBackend: options.tfBackend,
          spawnShard: options.spawnShard,
          cores: options.cores,
        })
      ).best;
    } else notes.push('--k auto needs a training LLM: using K = 10');
  }
  K = Math.max(1, Math.min(K, split.train.length));

  let fitted: FittedRouter | null = null;
  let learnedMapTestPhi: TrialResult['learnedMapTestPhi'];
  const needClusters = want.has('uniroute-kmeans') || want.has('uniroute-learnedmap');
  if (needClusters) {
    progress('kmeans', `k-means with K = ${K} on ${split.train.length} training prompts`);
    const km = await kmeans(trainX, {
      k: K,
      seed: setup.seed,
      maxIterations: options.maxIterations,
      onIteration: (it) => {
        options.onKMeansIteration?.(it);
        progress('kmeans', `iteration ${it.iteration}: inertia ${it.inertia.toFixed(4)}`, it.iteration / options.maxIterations);
      },
      shouldStop: options.shouldStop,
      engine: options.kmeansEngine,
      tfBackend: options.tfBackend,
      spawnShard: options.spawnShard,
      cores: options.cores,
    });
    for (const f of km.fallbacks) notes.push(`k-means engine ${f.engine} failed (${f.reason}): ${km.engine} ran instead`);
    const valClusters = nearestCentroids(valX, km.centroids);
    const testClusters = nearestCentroids(testX, km.centroids);
    // Every LLM (old or new) is represented only by its errors on S_val, so all profiles come from there.
    const profiles = computeErrorProfiles(
      valClusters,
      errorsFromScores(selectBlock(dataset.scores, M, split.val, allModels(M))),
      M,
      K,
      options.pseudoCount,
    );
    const profilesTe = selectProfiles(profiles, testModels);
    fitted = {
      k: K,
      centroids: km.centroids,
      kmeansHistory: km.history,
      clusterMap: null,
      clusterMapHistory: [],
      valClusters,
      profiles,
      knnK,
      engines: { kmeans: km.engine, clusterMap: null },
    };
    if (evidence) evidence.testClusters = testClusters;
    if (want.has('uniroute-kmeans')) recordGamma('uniroute-kmeans', kmeansGamma(testClusters, profilesTe));

    if (want.has('uniroute-learnedmap')) {
      if (trainModels.length === 0) notes.push('uniroute-learnedmap needs at least one training LLM: not reported');
      else {
        progress('learned-map', 'training the learned cluster map');
        const psiTr = selectProfiles(profiles, trainModels).psi;
        const userOnEpoch = options.clusterMap.onEpoch;
        const trained = await trainClusterMap(
          { trainX, trainErrors: trainErrorsTr, valX, valErrors: valErrorsTr, psi: psiTr, centroids: km.centroids },
          {
            seed: setup.seed,
            shouldStop: options.shouldStop,
            ...options.clusterMap,
            onEpoch: (e) => {
              userOnEpoch?.(e);
              progress(
                'learned-map',
                `epoch ${e.epoch}: train ${e.trainLoss.toFixed(4)}, val ${e.valLoss.toFixed(4)}`,
                e.epoch / (options.clusterMap.epochs ?? DEFAULTS.epochs),
              );
            },
          },
          { spawnPeer: mapPeer(options) },
        );
        fitted.clusterMap = trained.map;
        fitted.clusterMapHistory = trained.history;
        fitted.engines.clusterMap = trained.engine;
        const phi = clusterMapProbs(testX, trained.map);
        learnedMapTestPhi = { theta: trained.map.theta, probs: phi };
        recordGamma('uniroute-learnedmap', softGamma(phi, profilesTe));
      }
    }
  }

  if (knnElsewhere) {
    const rows = await knnElsewhere;
    recordKnn(rows && rows.length === testRows.length * knnK ? rows : nearestNeighbours(testX, valX, knnK));
  }

  const singleRecord: Record<string, { cost: number; accuracy: number }> = {};
  testModels.forEach((h, j) => {
    singleRecord[dataset.models[h].name] = singles[j];
  });
  // Methods (and their sweeps) in one order, whichever thread computed each.
  const ordered: Partial<Record<MethodName, MethodResult>> = {};
  for (const name of METHOD_NAMES) if (methods[name]) ordered[name] = methods[name];
  if (evidence) {
    const sweeps: typeof evidence.sweeps = {};
    for (const name of METHOD_NAMES) if (evidence.sweeps[name]) sweeps[name] = evidence.sweeps[name];
    evidence.sweeps = sweeps;
  }
  return {
    fitted,
    methods: ordered,
    singles: singleRecord,
    counts: {
      train: split.train.length,
      val: split.val.length,
      test: split.test.length,
      testScored: testRows.length,
      trainModels: trainModels.length,
      testModels: mTe,
    },
    dropped,
    chosen: { k: K, knnK },
    notes,
    ...(evidence ? { evidence } : {}),
    ...(neighbours ? { knnNeighbours: neighbours } : {}),
    ...(learnedMapTestPhi ? { learnedMapTestPhi } : {}),
  };
}
