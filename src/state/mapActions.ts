/**
 * Prompt-map actions: the UMAP map (IndexedDB first, else the worker, with progress and cancel),
 * the projection and colouring shown, search, box or lasso selection, zoom and pan, and a clicked
 * prompt's nearest neighbours (computed in the worker's core). Callable without React.
 */
import { projectionKey } from '../workers/projectionKey';
import { getClient } from './clientRef';
import { appStore } from './store';
import { afterNextPaint } from './persist';
import { loadStoredMap, storeMap } from './mapCache';
import { FULL_VIEW, initialUmap, type MapColouring, type MapMethod, type MapViewport } from './mapSlice';

/** Neighbours listed for a clicked prompt. */
export const NEIGHBOURS = 10;
const RESTARTED = 'the training worker was restarted';

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** The key of the UMAP map the loaded data should show, or null before the data is prepared. */
export function wantedMapKey(): string | null {
  const { data, map } = appStore.getState();
  if (!data.dataHash || !data.embedder || !data.dataset || !data.projection) return null;
  return projectionKey(data.dataHash, data.embedder.key, map.seed);
}

/**
 * Makes the UMAP map of the loaded data, unless it is shown, on its way, or was cancelled or failed
 * (`force` retries those): from IndexedDB when a reload stored it, else in the worker.
 */
export async function ensureProjection(force = false): Promise<void> {
  const key = wantedMapKey();
  const s = appStore.getState();
  const dataset = s.data.dataset;
  if (!key || !dataset || s.map.method !== 'umap') return;
  const u = s.map.umap;
  if (u.key === key && (u.status === 'done' || u.status === 'running')) return;
  if (u.key === key && (u.status === 'cancelled' || u.status === 'error') && !force) return;
  const stale = () => appStore.getState().map.umap.key !== key || appStore.getState().data.dataset !== dataset;
  s.setUmap({ ...initialUmap(), status: 'running', key, startedAt: now(), fraction: 0, message: 'UMAP: looking for a stored map' });
  const stored = await loadStoredMap(key, dataset.prompts.length);
  if (stale()) return;
  if (stored) {
    appStore.getState().setUmap({
      status: 'done',
      fraction: 1,
      message: '',
      coords: stored.coords,
      info: stored.info,
      quality: stored.quality,
      source: 'stored',
      ms: stored.ms,
    });
    return;
  }
  try {
    const res = await getClient().request({ type: 'project', seed: s.map.seed }, (e) => {
      if (e.kind === 'stage' && !stale()) appStore.getState().setUmap({ fraction: e.fraction ?? null, message: e.message });
    });
    if (stale()) return;
    if (res.cancelled || !res.coords || !res.umap || !res.quality) {
      appStore.getState().setUmap({ status: 'cancelled', fraction: null, message: 'UMAP cancelled: the map shows PCA' });
      return;
    }
    const done = { coords: res.coords, info: res.umap, quality: res.quality, ms: res.ms };
    appStore.getState().setUmap({ status: 'done', fraction: 1, message: '', ...done, source: res.cached ? 'memory' : 'computed' });
    await afterNextPaint();
    await storeMap({ key, ...done });
  } catch (e) {
    if (stale()) return;
    const message = e instanceof Error ? e.message : String(e);
    // A cancelled training restarts the worker: the map is made again after it (train calls ensureProjection).
    if (message === RESTARTED) appStore.getState().setUmap(initialUmap());
    else appStore.getState().setUmap({ status: 'error', fraction: null, message: '', error: message });
  }
}

/** Stops a running UMAP (the PCA map stays shown). */
export function cancelProjection(): void {
  if (appStore.getState().map.umap.status !== 'running') return;
  void getClient()
    .request({ type: 'cancelProjection' })
    .catch(() => {});
}

export function setMapMethod(method: MapMethod): void {
  appStore.getState().setMap({ method, viewport: FULL_VIEW });
  if (method === 'umap') void ensureProjection();
}

/** Another UMAP seed: another sample, neighbour search and layout (a check of how stable the map is). */
export function setMapSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0) return;
  appStore.getState().setMap({ seed, viewport: FULL_VIEW });
  void ensureProjection();
}

export function setColouring(colouring: MapColouring): void {
  appStore.getState().setMap({ colouring, category: null });
}

/** Highlights a legend category (again: none). Under the cluster colouring it selects the cluster everywhere. */
export function toggleLegendCategory(category: number): void {
  const s = appStore.getState();
  if (s.map.colouring === 'cluster') {
    const k = s.session.base?.k ?? 0;
    if (category >= 0 && category < k) s.setUi({ selectedCluster: s.ui.selectedCluster === category ? null : category });
    return;
  }
  s.setMap({ category: s.map.category === category ? null : category });
}

export function setCorrectnessModel(model: number): void {
  const m = appStore.getState().data.dataset?.models.length ?? 0;
  if (Number.isInteger(model) && model >= 0 && model < m) appStore.getState().setMap({ correctnessModel: model });
}

export function setMapSearch(search: string): void {
  appStore.getState().setMap({ search });
}

/** The box or lasso selection (dataset rows), or null to clear it. */
export function setMapSelection(rows: Int32Array | null): void {
  appStore.getState().setMap({ selection: rows && rows.length > 0 ? rows : null });
}

export function setViewport(viewport: MapViewport): void {
  appStore.getState().setMap({ viewport });
}

/** Focuses a prompt (null: none) and asks the worker for its nearest neighbours in embedding space. */
export async function focusPrompt(row: number | null): Promise<void> {
  const s = appStore.getState();
  const dataset = s.data.dataset;
  if (row !== null && (!dataset || !Number.isInteger(row) || row < 0 || row >= dataset.prompts.length)) return;
  s.setMap({ focus: row, neighbours: null, neighboursError: null });
  if (row === null) return;
  const current = () => appStore.getState().map.focus === row && appStore.getState().data.dataset === dataset;
  try {
    const res = await getClient().request({ type: 'neighbours', row, k: NEIGHBOURS });
    if (current()) appStore.getState().setMap({ neighbours: res });
  } catch (e) {
    if (current()) appStore.getState().setMap({ neighboursError: e instanceof Error ? e.message : String(e) });
  }
}

/** A new dataset: no selection, focus, search or UMAP map of the previous one (the chosen projection and colouring stay). */
export function resetMapForDataset(): void {
  appStore.getState().setMap({
    search: '',
    selection: null,
    focus: null,
    neighbours: null,
    neighboursError: null,
    viewport: FULL_VIEW,
    correctnessModel: 0,
    umap: initialUmap(),
  });
}
