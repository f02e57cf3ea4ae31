/**
 * Plain-data shapes of an explorer session: what the views need after training, as numbers,
 * strings and typed arrays only (they cross the worker boundary and live in the UI store).
 */
import type { ErrorProfiles, ModelProfile } from '../routing/errorProfile';
import type { ClusterMap } from '../routing/clusterMap';
import type { ColumnBlocks, CurveMetrics, CurvePoint, DeferralSweep, MethodName, QncDenominator, SweepReplay, TrialSetup } from '../eval';
import type { Matrix } from '../types';

/** What a trained router brings to a session: clusters, the optional learned map Phi and every LLM's Psi. */
export interface SessionRouter {
  /** K x D centroids of k-means on S_tr. */
  centroids: Matrix;
  clusterMap: ClusterMap | null;
  /** Psi of every dataset LLM (dataset column order) from S_val, with counts. */
  profiles: ErrorProfiles;
  /** k of the K-NN baseline. */
  knnK: number;
  /** Shrinkage pseudo-count a of Psi (also used for an added LLM). */
  pseudoCount: number;
}

/** The prompt split and LLM pools of a session (indices into the dataset): the trial's setup. */
export type SessionSetup = TrialSetup;

/** One cluster for the Clusters view. */
export interface ClusterSummary {
  cluster: number;
  /** Prompts of the whole dataset whose nearest centroid it is. */
  size: number;
  /** Validation prompts in it: the evidence behind every Psi cell of this column. */
  valCount: number;
  /** Most frequent tasks, most frequent first (at most 3). */
  tasks: { task: string; count: number }[];
}

/**
 * A trained session on the base test pool H_te: computed once after training (or after a reload
 * or a router import) and never changed; added LLMs are layered on top by `evaluatePool`.
 */
export interface SessionBase {
  k: number;
  knnK: number;
  pseudoCount: number;
  costUnit: string;
  /** Names and costs of every dataset LLM (dataset column order). */
  modelNames: string[];
  modelCosts: number[];
  trainModels: number[];
  testModels: number[];
  counts: { train: number; val: number; test: number; testScored: number };
  /** Test prompts left out because some test-pool LLM has no score for them. */
  dropped: number;
  /** Dataset index of every test prompt kept (S_te rows of every matrix below). */
  testRows: Int32Array;
  /** Dataset index of every validation prompt (S_val order). */
  valRows: Int32Array;
  /** Nearest centroid of every validation prompt. */
  valClusters: Int32Array;
  /** Nearest centroid of every prompt of the dataset (colours the scatter). */
  promptClusters: Int32Array;
  /** Nearest centroid of every kept test prompt. */
  testClusters: Int32Array;
  /** Phi(x) of the learned map on the test prompts, nTe x K, or null without a learned map. */
  testPhi: Float64Array | null;
  /** Indices (S_val order) of the knnK nearest validation prompts of every test prompt, nTe x neighbourCount. */
  testNeighbours: Int32Array;
  neighbourCount: number;
  /** Psi of every dataset LLM. */
  profiles: ErrorProfiles;
  /** True scores of the test pool on the kept test prompts, nTe x mTe. */
  testScores: Float64Array;
  /** Mean validation score of each test-pool LLM (ZeroRouter's hull is chosen on these). */
  valAccuracy: number[];
  /** gamma of each method on the test prompts for the base test pool, nTe x mTe. */
  gammas: Partial<Record<MethodName, Float64Array>>;
  clusters: ClusterSummary[];
  qncDenominator: QncDenominator;
}

/** An unseen LLM added after training from its scores on the validation prompts (and maybe test prompts). */
export interface AddedModel {
  name: string;
  cost: number;
  /** Psi from S_val alone (profileOfModel). */
  profile: ModelProfile;
  /** e(x, h) on S_val, S_val order, NaN = not scored. */
  valErrors: Float64Array;
  /** Scores on the kept test prompts (S_te order), NaN where the file has none. */
  testScores: Float64Array;
  /** True when some test prompt has no score: its test accuracy is estimated as 1 - gamma. */
  estimated: boolean;
}

/** One method's routing and deferral curve for the current pool. */
export interface MethodView {
  /** Predicted errors gamma, nTe x m (built from gammaBlocks on first read). */
  readonly gamma: Float64Array;
  /** Scores counted when a prompt is routed to an LLM: true ones, or 1 - gamma where unknown (built on first read). */
  readonly scores: Float64Array;
  /** gamma as the base test pool's block plus one column per added LLM (what the curves and routing read). */
  gammaBlocks: ColumnBlocks;
  scoreBlocks: ColumnBlocks;
  /** Every point of the exact deferral curve, by increasing cost penalty (built on first read). */
  readonly points: CurvePoint[];
  /** The Pareto front of `points` (what the chart draws and the metrics integrate). */
  front: CurvePoint[];
  metrics: CurveMetrics;
  /** Some score it counts is an estimate (an added LLM without test scores). */
  estimated: boolean;
  /** The exact deferral sweep on the pool: each prompt's choice at any lambda (choiceAt). */
  sweep: DeferralSweep;
  /** The sweep indexed for replayAt: counts per LLM at any lambda in O(log P + m); null without test prompts. */
  live: SweepReplay | null;
}

/** A single LLM as a point of the Deferral view. */
export interface SinglePoint {
  name: string;
  /** c(h) / normaliser. */
  cost: number;
  costRaw: number;
  accuracy: number;
  estimated: boolean;
}

/** The test pool (base H_te plus added LLMs) with every method evaluated on it. */
export interface SessionPool {
  names: string[];
  costs: Float64Array;
  /** Max test-pool cost (1 when every cost is 0): the cost axis is cost / normaliser. */
  normaliser: number;
  added: boolean[];
  estimated: boolean[];
  /** Number of test prompts (rows of every matrix). */
  n: number;
  methods: Partial<Record<MethodName, MethodView>>;
  singles: SinglePoint[];
  /** n x m, 1 where the pool has no true test score (an added LLM's estimated cell); null when none. */
  unknownScore: Uint8Array | null;
  /** Accuracy of the most accurate pool LLM (QNC's target). */
  qncTarget: number;
}
