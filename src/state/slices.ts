/**
 * The store's typed slices (zustand slices pattern): data, training, session, routing and ui. Each
 * holds plain data only (numbers, strings, plain objects, typed arrays), never tensors or class
 * instances; each slice's setters are its only writers.
 */
import type { StateCreator } from 'zustand';
import type { Dataset, DataIssue } from '../core/types';
import type { ColumnMapping } from '../core/data';
import type { Router } from '../core/routerFile';
import type { AddedModel, DatasetSummary, LiveRouting, SessionBase, SessionPool, SessionSetup } from '../core/explorer';
import type { BackendCheckResult, BackendReport, DemoInfo, FileHeader, TrainSettings, UploadFile } from '../workers/protocol';
import { DEFAULT_URL_STATE, type RoutingMethod, type UrlState, type ViewId } from './urlState';
import type { MapSlice } from './mapSlice';
import { DEFAULTS } from '../core/defaults';
import type { TrustSlice } from './trustSlice';
import { emptyPipeline, type Pipeline } from './pipeline';

// The worker protocol's shapes the views read, passed on here: views and app never import workers/.
export type { BackendCheckResult, BackendReport, DemoInfo, FileHeader, NamedBlob, TrainSettings, UploadFile } from '../workers/protocol';

/** Row order of the error-profile heatmap (the charts' ModelSort): also by the error on one cluster, `cluster:K`. */
export type ModelSort = 'input' | 'cost' | 'accuracy' | `cluster:${number}`;

export type DataSourceKind = 'demo' | 'upload' | 'url' | 'restored';

export interface DataSlice {
  data: {
    dataset: Dataset | null;
    source: { kind: DataSourceKind; label: string; synthetic: boolean } | null;
    summary: DatasetSummary | null;
    status: 'idle' | 'loading' | 'ready' | 'error';
    progress: number | null;
    /** Problems of the last failed upload (the loaded data stays). */
    issues: DataIssue[];
    warnings: DataIssue[];
    /** Headers of the files of a failed upload, for the column-mapping step. */
    headers: FileHeader[];
    /** Files of a failed upload kept for a retry with a column mapping. */
    pendingFiles: UploadFile[] | null;
    /** The column mapping of each file of the last upload (by file name): given, or remembered for its header set. */
    mappings: Record<string, ColumnMapping>;
    projection: { coords: Float32Array; explained: [number, number] } | null;
    /** `key`: the embedder settings and row order (part of a stored prompt map's key). */
    embedder: { kind: string; dim: number; key: string; cached: boolean } | null;
    dataHash: string | null;
    /** Set when the loaded dataset is the synthetic demo: its default test pool and held-out newcomer. */
    demo: DemoInfo | null;
    /**
     * A link's settings not applied yet: 'pending' until the first dataset is ready, 'waiting' while the
     * loaded dataset is not the one the link names (they apply when it is loaded). The address bar keeps
     * the link meanwhile.
     */
    link: { url: Partial<UrlState>; status: 'pending' | 'waiting' } | null;
  };
  setData: (patch: Partial<DataSlice['data']>) => void;
}

export interface TrainingSlice {
  training: {
    settings: TrainSettings;
    status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
    /** The outcome in words ("trained in 1.2 s", "training cancelled: …"); progress is in `pipeline`. */
    message: string;
    inertia: number[];
    trainLoss: number[];
    valLoss: number[];
    error: string | null;
    backend: BackendReport | null;
    backendError: string | null;
    /** Trainings finished in this page load (0 after a reload that restored the router). */
    runs: number;
    lastMs: number | null;
    chosen: { k: number; knnK: number } | null;
    engines: { kmeans: string; clusterMap: string | null } | null;
    notes: string[];
    /** The last "Check backends" run (tfjs k-means on every backend against the plain-TS reference). */
    backendCheck: BackendCheckResult | null;
    backendCheckStatus: 'idle' | 'running' | 'done' | 'error';
    backendCheckError: string | null;
    /** The stages preparing the current dataset and training its router, each with its own progress. */
    pipeline: Pipeline;
  };
  setTraining: (patch: Partial<TrainingSlice['training']>) => void;
  setSettings: (patch: Partial<TrainSettings>) => void;
}

export interface SessionSlice {
  session: {
    base: SessionBase | null;
    router: Router | null;
    setup: SessionSetup | null;
    /** Settings the current router was trained with. */
    trainedWith: TrainSettings | null;
    added: AddedModel[];
    pool: SessionPool | null;
    restored: boolean;
    addIssues: DataIssue[];
    addNotice: string | null;
    lastPoolMs: number | null;
    importNotice: string | null;
    importIssues: DataIssue[];
    /** An imported router file trained on other data (not applied to the session): it routes typed prompts at its own lambda and pool. */
    importedRouter: Router | null;
  };
  setSession: (patch: Partial<SessionSlice['session']>) => void;
}

export interface RoutingSlice {
  routing: {
    costPenalty: number;
    method: RoutingMethod;
    live: LiveRouting | null;
    /** Test-prompt row picked for the explanation (null: none). */
    selectedRow: number | null;
    /** Milliseconds of the last live routing (routeLive). */
    liveMs: number | null;
    /**
     * Where lambda comes from. 'default': the app's choice, recomputed on the session whenever the pool,
     * the LLMs or the method change; 'user': moved or set for a target; 'link': the URL; 'import': a
     * router file; 'saved': as last left on this dataset. Only 'default' moves by itself.
     */
    penaltyOrigin: PenaltyOrigin;
    /** Lambda, origin and router to take up when the next session is ready (a dataset's saved settings, a link). */
    pending: RoutingPrefs | null;
  };
  setRouting: (patch: Partial<RoutingSlice['routing']>) => void;
}

export type PenaltyOrigin = 'default' | 'user' | 'link' | 'import' | 'saved';

/** The routing settings that belong to a dataset (kept per dataset, restored with it). */
export interface RoutingPrefs {
  costPenalty?: number;
  origin?: PenaltyOrigin;
  method?: RoutingMethod;
}

/** The deferral charts, each with its own zoom: the Deferral curves view's and the Routing view's. */
export type DeferralChartId = 'curves' | 'routing';

/** A zoomed region of a deferral chart in data units (normalised cost, accuracy). */
export interface ChartZoom {
  cost: [number, number];
  accuracy: [number, number];
}

export interface UiSlice {
  ui: {
    view: ViewId;
    selectedCluster: number | null;
    heatmapSort: ModelSort;
    /** Cost axis of the deferral charts: linear, or log (the cheap end, where routing pays, spread out). */
    costAxis: 'linear' | 'log';
    /** Zoom box of each deferral chart (absent: the whole curve). */
    chartZoom: Partial<Record<DeferralChartId, ChartZoom>>;
  };
  setUi: (patch: Partial<UiSlice['ui']>) => void;
}

export type AppState = DataSlice & TrainingSlice & SessionSlice & RoutingSlice & UiSlice & TrustSlice & MapSlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

export const DEFAULT_SETTINGS: TrainSettings = {
  k: DEFAULT_URL_STATE.k,
  seed: DEFAULT_URL_STATE.seed,
  method: DEFAULT_URL_STATE.method,
  testModels: [],
  fractions: DEFAULT_URL_STATE.split,
  epochs: DEFAULTS.epochs,
  maxIterations: DEFAULTS.maxIterations,
};

export const initialData = (): DataSlice['data'] => ({
  dataset: null,
  source: null,
  summary: null,
  status: 'idle',
  progress: null,
  issues: [],
  warnings: [],
  headers: [],
  pendingFiles: null,
  mappings: {},
  projection: null,
  embedder: null,
  dataHash: null,
  demo: null,
  link: null,
});

/** What one training run shows (status, progress, curves, outcome): reset when a new dataset is adopted. */
export const initialRun = () =>
  ({
    status: 'idle',
    message: '',
    inertia: [],
    trainLoss: [],
    valLoss: [],
    error: null,
    lastMs: null,
    chosen: null,
    engines: null,
    notes: [],
  }) satisfies Partial<TrainingSlice['training']>;

export const initialTraining = (): TrainingSlice['training'] => ({
  settings: { ...DEFAULT_SETTINGS },
  ...initialRun(),
  backend: null,
  backendError: null,
  runs: 0,
  backendCheck: null,
  backendCheckStatus: 'idle',
  backendCheckError: null,
  pipeline: emptyPipeline(),
});

export const initialSession = (): SessionSlice['session'] => ({
  base: null,
  router: null,
  setup: null,
  trainedWith: null,
  added: [],
  pool: null,
  restored: false,
  addIssues: [],
  addNotice: null,
  lastPoolMs: null,
  importNotice: null,
  importIssues: [],
  importedRouter: null,
});

export const initialRouting = (): RoutingSlice['routing'] => ({
  costPenalty: DEFAULT_URL_STATE.lambda,
  method: DEFAULT_URL_STATE.route,
  live: null,
  selectedRow: null,
  liveMs: null,
  penaltyOrigin: 'default',
  pending: null,
});
export const initialUi = (): UiSlice['ui'] => ({
  view: DEFAULT_URL_STATE.view,
  selectedCluster: null,
  heatmapSort: 'input',
  costAxis: 'linear',
  chartZoom: {},
});

export const createDataSlice: Slice<DataSlice> = (set) => ({
  data: initialData(),
  setData: (patch) => set((s) => ({ data: { ...s.data, ...patch } })),
});

export const createTrainingSlice: Slice<TrainingSlice> = (set) => ({
  training: initialTraining(),
  setTraining: (patch) => set((s) => ({ training: { ...s.training, ...patch } })),
  setSettings: (patch) => set((s) => ({ training: { ...s.training, settings: { ...s.training.settings, ...patch } } })),
});

export const createSessionSlice: Slice<SessionSlice> = (set) => ({
  session: initialSession(),
  setSession: (patch) => set((s) => ({ session: { ...s.session, ...patch } })),
});

export const createRoutingSlice: Slice<RoutingSlice> = (set) => ({
  routing: initialRouting(),
  setRouting: (patch) => set((s) => ({ routing: { ...s.routing, ...patch } })),
});

export const createUiSlice: Slice<UiSlice> = (set) => ({
  ui: initialUi(),
  setUi: (patch) => set((s) => ({ ui: { ...s.ui, ...patch } })),
});
