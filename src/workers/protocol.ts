/**
 * Typed messages between the main thread and the training worker: plain numbers, strings, plain
 * objects and typed arrays only (structured clone), never tensors or class instances.
 */
import type { BackendInfo, BackendName } from '../core/tf';
import type { ColumnMapping } from '../core/data';
import type { Dataset, DataIssue, NamedText } from '../core/types';
import type { Router, RouterMethod } from '../core/routerFile';
import type { SessionBase, SessionSetup } from '../core/explorer';
import type { KMeansIteration } from '../core/cluster';
import type { ClusterMapEpoch } from '../core/routing/clusterMap';
import type { SplitFractions } from '../core/eval';
import type { UmapProjection } from '../core/explorer/umap';
import type {
  BootstrapRequest,
  BootstrapRun,
  OnboardRequest,
  OnboardRun,
  ShiftRequest,
  ShiftRun,
  SplitsRequest,
  SplitsRun,
} from './trustProtocol';

/**
 * An uploaded file handed to the worker as the File itself: the worker reads its text, so the page
 * never decodes a large file nor copies it into the message (51 MB took the page about 0.25 s of
 * one task). `head` is its first bytes as text, which the page reads for the column headers.
 */
export interface NamedBlob {
  name: string;
  blob: Blob;
  head: string;
}
/** A file of an upload: its text (a fetched URL, a test) or the File (the file picker, a drop). */
export type UploadFile = NamedText | NamedBlob;

/** What the page reads of an upload file: its text, or the head of a File (enough for its header row). */
export function headOf(f: UploadFile): NamedText {
  return 'blob' in f ? { name: f.name, text: f.head } : f;
}

/** The backend the worker chose, plus why (e.g. wasm over a software WebGL renderer). */
export interface BackendReport extends BackendInfo {
  /** One sentence on the choice, shown in the backend chip's neighbourhood. */
  reason: string;
  /** Where the maths runs: the Web Worker, or the main thread when the worker could not start. */
  thread: 'worker' | 'main';
}

/** Settings of one training run (the Train view's form; also in the URL). */
export interface TrainSettings {
  k: number | 'auto';
  seed: number;
  method: RouterMethod;
  /** Names of the LLMs in the unseen test pool; empty = the seeded split (1/3 of the LLMs). */
  testModels: string[];
  fractions: SplitFractions;
  /** Learned-map epochs cap (early stopping may end sooner). */
  epochs: number;
  maxIterations: number;
}

/** Header of each CSV file of an upload (for the column-mapping step). */
export interface FileHeader {
  file: string;
  columns: string[];
}

/** The held-out demo LLM (not in the dataset) that the Add view offers, without its scores. */
export interface DemoNewcomerInfo {
  name: string;
  cost: number;
  /** Task families it is excellent at. */
  strengths: string[];
}

/** What is special about the loaded dataset when it is the synthetic demo. */
export interface DemoInfo {
  /** The test pool used when none is ticked (DEMO_TEST_POOL). */
  testPool: string[];
  /** The held-out newcomer, when the dataset is the default-seed demo its scores belong to. */
  newcomer: DemoNewcomerInfo | null;
}

export interface PrepareResult {
  /** n x 2 PCA coordinates of every prompt embedding. */
  coords: Float32Array;
  explained: [number, number];
  /**
   * `key` identifies the embedder settings and the prompts' row order (part of a stored map's key);
   * `cached`: phi(x) and this PCA map were read from this browser's IndexedDB, not computed.
   */
  embedder: { kind: string; dim: number; key: string; cached: boolean };
  /** datasetHash of the worker's dataset (ties a stored router to its data). */
  dataHash: string;
  /** Set when the dataset is the synthetic demo. */
  demo: DemoInfo | null;
  ms: number;
}

/** Trustworthiness of a 2-D map: k neighbours, on a seeded sample of `sample` prompts. */
export interface ProjectionQuality {
  value: number;
  k: number;
  sample: number;
}

/** How a UMAP map was made: fitted on `fitted` prompts (a seeded sample past 5,000); the `placed` others at their nearest fitted prompts. */
export type UmapInfo = Omit<UmapProjection, 'coords'>;

/** The UMAP map of every prompt (`project`), or that it was cancelled. */
export interface ProjectResult {
  cancelled: boolean;
  /** Dataset hash, embedder, row order, seed and UMAP settings: where the map is stored. */
  key: string;
  /** n x 2 coordinates (null when cancelled). */
  coords: Float32Array | null;
  umap: UmapInfo | null;
  /** Trustworthiness of the UMAP map and of the PCA map on the same sample. */
  quality: { umap: ProjectionQuality; pca: ProjectionQuality } | null;
  /** Answered from the worker's memory. */
  cached: boolean;
  ms: number;
}

/** A prompt's nearest prompts in embedding space (itself left out), nearest first. */
export interface NeighboursResult {
  row: number;
  rows: Int32Array;
  distances: Float32Array;
}

/** One backend of the "Check backends" action: the tfjs Lloyd against the plain-TS reference. */
export interface BackendCheckRow {
  backend: BackendName;
  /** The backend started (tf.setBackend + a sanity matMul). */
  available: boolean;
  /** Started, same assignments as the reference and centroids within the tolerance. */
  ok: boolean;
  /** Points whose cluster differs from the reference's. */
  mismatches: number;
  /** Largest |centroid - reference centroid| over all coordinates (NaN when not run). */
  maxCentroidDelta: number;
  /** Lloyd steps of the tfjs run (the reference's are in BackendCheckResult). */
  iterations: number;
  /** Milliseconds of the k-means run on this backend. */
  ms: number;
  error?: string;
}

export interface BackendCheckResult {
  problem: { points: number; dim: number; k: number; seed: number };
  referenceIterations: number;
  tolerance: number;
  rows: BackendCheckRow[];
  /** The backend switched back to afterwards (the one the app chose). */
  restored: BackendName;
  ms: number;
}

export interface TrainResult {
  router: Router;
  setup: SessionSetup;
  base: SessionBase;
  kmeansHistory: KMeansIteration[];
  lossHistory: ClusterMapEpoch[];
  chosen: { k: number; knnK: number };
  /** Which engines ran the Lloyd steps and the learned map (e.g. wasm-simd, tfjs). */
  engines: { kmeans: string; clusterMap: string | null };
  notes: string[];
  ms: number;
  cancelled: boolean;
}

export type LoadResult =
  | { ok: true; dataset: Dataset; warnings: DataIssue[]; ms: number }
  | {
      ok: false;
      issues: DataIssue[];
      headers: FileHeader[];
      /** A File could not be read: it must be chosen again. */ unreadable?: boolean;
    };

/** Requests, each answered by one 'result' or 'error' with the same id (plus 'progress' events before). */
export type WorkerRequest =
  | { id: number; type: 'init'; prefer?: BackendName[] }
  | { id: number; type: 'demo'; seed?: number; prompts?: number }
  | { id: number; type: 'load'; files: UploadFile[]; name?: string; mapping?: ColumnMapping; mappings?: Record<string, ColumnMapping> }
  | { id: number; type: 'rename'; name: string }
  /** `hash`: the dataset's datasetHash as stored with it (a reload), so the worker need not recompute it. */
  | { id: number; type: 'setDataset'; dataset: Dataset; hash?: string }
  /** Writes the worker's dataset to IndexedDB under DATASET_KEY with `id` when its hash is `hash` (the page skips the clone). */
  | { id: number; type: 'storeDataset'; recordId: string; hash: string; key: string }
  | { id: number; type: 'prepare' }
  | { id: number; type: 'project'; seed: number }
  | { id: number; type: 'cancelProjection' }
  | { id: number; type: 'neighbours'; row: number; k: number }
  | { id: number; type: 'train'; settings: TrainSettings }
  /** `knnNeighbours`: the session's k-NN lists as saved with it (reused when they fit). */
  | { id: number; type: 'rebuild'; router: Router; setup: SessionSetup; knnNeighbours?: { k: number; rows: Int32Array } }
  | { id: number; type: 'demoNewcomerFile'; rows: number[] }
  | { id: number; type: 'checkBackends' }
  | ({ id: number; type: 'bootstrap' } & BootstrapRequest)
  | ({ id: number; type: 'repeatSplits' } & SplitsRequest)
  | ({ id: number; type: 'onboard' } & OnboardRequest)
  | ({ id: number; type: 'shiftPreview' } & ShiftRequest)
  | { id: number; type: 'cancel' };

/** What each request type answers with. */
export interface ResultOf {
  init: BackendReport;
  demo: Dataset;
  load: LoadResult;
  setDataset: { prompts: number; models: number };
  storeDataset: { stored: boolean };
  rename: { name: string };
  prepare: PrepareResult;
  project: ProjectResult;
  cancelProjection: { cancelled: boolean };
  neighbours: NeighboursResult;
  train: TrainResult;
  rebuild: { base: SessionBase; ms: number };
  demoNewcomerFile: NamedText;
  checkBackends: BackendCheckResult;
  bootstrap: BootstrapRun;
  repeatSplits: SplitsRun;
  onboard: OnboardRun;
  shiftPreview: ShiftRun;
  cancel: { cancelled: boolean };
}

export type RequestType = WorkerRequest['type'];

/** Live progress of a request. */
export type ProgressEvent =
  | { kind: 'stage'; stage: string; message: string; fraction?: number }
  | { kind: 'inertia'; iteration: number; inertia: number }
  | { kind: 'epoch'; epoch: number; trainLoss: number; valLoss: number };

export type WorkerResponse =
  | { id: number; type: 'progress'; event: ProgressEvent }
  | { id: number; type: 'result'; result: ResultOf[RequestType] }
  | { id: number; type: 'error'; message: string };
