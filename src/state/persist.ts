/**
 * What survives a reload (IndexedDB): the loaded dataset, the settings and the trained router with
 * its split and any LLMs added after training. The session itself is rebuilt from these.
 */
import type { Dataset } from '../core/types';
import type { Router } from '../core/router';
import type { AddedModel, SessionSetup } from '../core/explorer';
import type { TrainSettings } from '../workers/protocol';
import { openKeyValueStore, type KeyValueStore } from './idb';
import type { AppState, DataSourceKind } from './slices';

export const SNAPSHOT_KEY = 'session-v1';

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
  savedAt: string;
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
    savedAt: new Date().toISOString(),
  };
}

/** A stored snapshot when it has the expected shape (an old or broken one is ignored). */
export function validSnapshot(value: unknown): Snapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<Snapshot>;
  if (s.version !== 1 || !s.dataset || !Array.isArray(s.dataset.prompts) || !(s.dataset.scores instanceof Float64Array) || !s.source || !s.settings) return null;
  return s as Snapshot;
}

export async function saveSnapshot(state: AppState): Promise<void> {
  const snap = snapshotOf(state);
  if (!snap) return;
  try {
    await snapshotStore().set(SNAPSHOT_KEY, snap);
  } catch (e) {
    // Storage full or unavailable: the app keeps working, the reload just starts over.
    console.warn('RouteLab: could not save the session for a reload:', e);
  }
}

export async function loadSnapshot(): Promise<Snapshot | null> {
  try {
    return validSnapshot(await snapshotStore().get(SNAPSHOT_KEY));
  } catch (e) {
    console.warn('RouteLab: could not read the saved session:', e);
    return null;
  }
}

export async function clearSnapshot(): Promise<void> {
  try {
    await snapshotStore().del(SNAPSHOT_KEY);
  } catch {
    /* nothing stored */
  }
}
