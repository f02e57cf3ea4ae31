/**
 * What survives a reload (IndexedDB): the loaded dataset, the settings and the trained router with
 * its split and any LLMs added after training. The session itself is rebuilt from these.
 */
import type { Dataset } from '../core/types';
import type { Router } from '../core/routerFile';
import type { AddedModel, SessionSetup } from '../core/explorer';
import type { TrainSettings } from '../workers/protocol';
import { openKeyValueStore, type KeyValueStore } from '../workers/idb';
import type { AppState, DataSourceKind, PenaltyOrigin } from './slices';
import type { RoutingMethod } from './urlState';

export const SNAPSHOT_KEY = 'session-v1';

/** A training run's charts: k-means inertia per iteration, learned-map losses per epoch. */
export interface TrainingCurves {
  inertia: number[];
  trainLoss: number[];
  valLoss: number[];
}
/** The dataset is stored under its own key and only rewritten when it changes: cloning 2M scores on every
 * add, remove or training would cost a frame's worth of main-thread time each time. */
export const DATASET_KEY = 'dataset-v1';

export interface Snapshot {
  version: 1;
  dataset: Dataset;
  source: { kind: DataSourceKind; label: string; synthetic: boolean };
  settings: TrainSettings;
  trainedWith: TrainSettings | null;
  router: Router | null;
  setup: SessionSetup | null;
  added: AddedModel[];
  costPenalty: number;
  /** Where lambda came from (absent in a snapshot saved before it was kept: read as 'saved'). */
  penaltyOrigin?: PenaltyOrigin;
  /** The Routing view's router (absent in an older snapshot: the trained one is shown). */
  route?: RoutingMethod;
  /** The dataset's content hash (absent in an older snapshot: the worker recomputes it). */
  dataHash?: string;
  /** The session's k-NN lists (test prompts x k among S_val), so a reload need not search them again. */
  knnNeighbours?: { k: number; rows: Int32Array };
  /** The training run's k-means inertia and learned-map losses, so the Train view's charts come back too. */
  trainingCurves?: TrainingCurves;
  savedAt: string;
}

/**
 * Writes the dataset record {id, dataset, hash} from where the dataset already lives (the training
 * worker), so the page does not clone tens of MB on its main thread; resolves false when it cannot.
 */
export type DatasetWriter = (record: { id: string; hash: string; key: string }) => Promise<boolean>;
let datasetWriter: DatasetWriter | null = null;

export function setDatasetWriter(writer: DatasetWriter | null): void {
  datasetWriter = writer;
}

let kv: KeyValueStore | null = null;

/** The key-value store (replaceable in tests). */
export function snapshotStore(): KeyValueStore {
  kv ??= openKeyValueStore();
  return kv;
}

export function setSnapshotStore(store: KeyValueStore | null): void {
  kv = store;
}

/** The snapshot of the current state, or null when no dataset is loaded. */
export function snapshotOf(state: AppState): Snapshot | null {
  const { dataset, source } = state.data;
  if (!dataset || !source) return null;
  const hasRouter = state.session.router !== null && state.session.setup !== null;
  return {
    version: 1,
    dataset,
    source: { ...source, kind: source.kind === 'restored' ? 'restored' : source.kind },
    settings: state.training.settings,
    trainedWith: hasRouter ? state.session.trainedWith : null,
    router: hasRouter ? state.session.router : null,
    setup: hasRouter ? state.session.setup : null,
    added: hasRouter ? state.session.added : [],
    costPenalty: state.routing.costPenalty,
    penaltyOrigin: state.routing.penaltyOrigin,
    route: state.routing.method,
    ...(state.data.dataHash ? { dataHash: state.data.dataHash } : {}),
    ...(hasRouter && state.training.inertia.length > 0
      ? { trainingCurves: { inertia: state.training.inertia, trainLoss: state.training.trainLoss, valLoss: state.training.valLoss } }
      : {}),
    ...(hasRouter && state.session.base && state.session.base.neighbourCount > 0
      ? { knnNeighbours: { k: state.session.base.knnK, rows: state.session.base.testNeighbours } }
      : {}),
    savedAt: new Date().toISOString(),
  };
}

/** A stored snapshot when it has the expected shape (an old or broken one is ignored). */
export function validSnapshot(value: unknown): Snapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<Snapshot>;
  if (
    s.version !== 1 ||
    !s.dataset ||
    !Array.isArray(s.dataset.prompts) ||
    !(s.dataset.scores instanceof Float64Array) ||
    !s.source ||
    !s.settings
  )
    return null;
  return s as Snapshot;
}

/** The dataset last written under DATASET_KEY by this page (an identity check: datasets are never mutated). */
let savedDataset: { store: KeyValueStore; dataset: Dataset; id: string } | null = null;

/** Resolves after the next paint (or a macrotask where there is no rAF), so saving never delays a frame. */
export function afterNextPaint(): Promise<void> {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  return new Promise((resolve) => (raf ? raf(() => setTimeout(resolve, 0)) : setTimeout(resolve, 0)));
}

/**
 * Resolves in a new task: a large worker answer is deserialised in the task that delivers it, so
 * handling it (state, render, routing) after this keeps the two apart and each main-thread task short.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function saveSnapshot(state: AppState): Promise<void> {
  const snap = snapshotOf(state);
  if (!snap) return;
  const store = snapshotStore();
  try {
    if (savedDataset?.store !== store || savedDataset.dataset !== snap.dataset) {
      const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const hash = snap.dataHash;
      const inWorker = hash && datasetWriter ? await datasetWriter({ id, hash, key: DATASET_KEY }).catch(() => false) : false;
      if (!inWorker) await store.set(DATASET_KEY, { id, dataset: snap.dataset, ...(hash ? { hash } : {}) });
      savedDataset = { store, dataset: snap.dataset, id };
    }
    const { dataset: _dataset, ...rest } = snap;
    await store.set(SNAPSHOT_KEY, { ...rest, datasetId: savedDataset.id });
  } catch (e) {
    // Storage full or unavailable: the app keeps working, the reload just starts over.
    savedDataset = null;
    console.warn('RouteLab: could not save the session for a reload:', e);
  }
}

export async function loadSnapshot(): Promise<Snapshot | null> {
  try {
    const store = snapshotStore();
    const record = await store.get<Partial<Snapshot> & { datasetId?: string }>(SNAPSHOT_KEY);
    if (!record || typeof record !== 'object') return null;
    if (record.dataset) return validSnapshot(record);
    // The session record names the dataset it was saved with; a mismatch means a save was cut short.
    const stored = await store.get<{ id: string; dataset: Dataset; hash?: string }>(DATASET_KEY);
    if (!stored || stored.id !== record.datasetId) return null;
    const snap = validSnapshot({ ...record, dataset: stored.dataset, dataHash: stored.hash ?? record.dataHash });
    if (snap) savedDataset = { store, dataset: snap.dataset, id: stored.id };
    return snap;
  } catch (e) {
    console.warn('RouteLab: could not read the saved session:', e);
    return null;
  }
}

export async function clearSnapshot(): Promise<void> {
  try {
    savedDataset = null;
    await snapshotStore().del(SNAPSHOT_KEY);
    await snapshotStore().del(DATASET_KEY);
  } catch {
    /* nothing stored */
  }
}
