/**
 * The prompt map's slice: which projection and colouring are shown, the search, the box or lasso
 * selection, the focused prompt and its neighbours, the zoom and pan, and the UMAP map's progress.
 * Plain data only (typed arrays included), like every slice.
 */
import type { StateCreator } from 'zustand';
import type { MapColouring } from '../core/explorer';
import type { NeighboursResult, ProjectionQuality, UmapInfo } from '../workers/protocol';
import type { AppState } from './slices';

export type { MapColouring } from '../core/explorer';
export type { NeighboursResult, ProjectionQuality, UmapInfo } from '../workers/protocol';

export type MapMethod = 'umap' | 'pca';

/** Zoom and pan: `zoom` 1 shows every prompt; (x, y) is the centre as a share of the data's bounding box. */
export interface MapViewport {
  zoom: number;
  x: number;
  y: number;
}

export const FULL_VIEW: MapViewport = { zoom: 1, x: 0.5, y: 0.5 };

export interface UmapState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /** projectionKey of the map shown or being made. */
  key: string | null;
  fraction: number | null;
  message: string;
  /** performance.now() when the run started (time left = elapsed x (1 - fraction) / fraction). */
  startedAt: number | null;
  coords: Float32Array | null;
  info: UmapInfo | null;
  quality: { umap: ProjectionQuality; pca: ProjectionQuality } | null;
  /** Where the map came from: computed now, the worker's memory, or IndexedDB (a reload). */
  source: 'computed' | 'memory' | 'stored' | null;
  ms: number | null;
  error: string | null;
}

export interface MapSlice {
  map: {
    method: MapMethod;
    colouring: MapColouring;
    /** Dataset column of the LLM whose correctness colours the map. */
    correctnessModel: number;
    search: string;
    /** Legend category highlighted under a colouring other than cluster (which uses the selected cluster). */
    category: number | null;
    /** Dataset rows of the box or lasso selection (null: none). */
    selection: Int32Array | null;
    /** Dataset row of the clicked prompt (null: none) and its nearest neighbours in embedding space. */
    focus: number | null;
    neighbours: NeighboursResult | null;
    neighboursError: string | null;
    viewport: MapViewport;
    /** Seed of the UMAP map (its sample, neighbour search and negative sampling). */
    seed: number;
    umap: UmapState;
  };
  setMap: (patch: Partial<MapSlice['map']>) => void;
  setUmap: (patch: Partial<UmapState>) => void;
}

export const initialUmap = (): UmapState => ({
  status: 'idle',
  key: null,
  fraction: null,
  message: '',
  startedAt: null,
  coords: null,
  info: null,
  quality: null,
  source: null,
  ms: null,
  error: null,
});

export const initialMap = (): MapSlice['map'] => ({
  method: 'umap',
  colouring: 'cluster',
  correctnessModel: 0,
  search: '',
  category: null,
  selection: null,
  focus: null,
  neighbours: null,
  neighboursError: null,
  viewport: FULL_VIEW,
  seed: 0,
  umap: initialUmap(),
});

export const createMapSlice: StateCreator<AppState, [], [], MapSlice> = (set) => ({
  map: initialMap(),
  setMap: (patch) => set((s) => ({ map: { ...s.map, ...patch } })),
  setUmap: (patch) => set((s) => ({ map: { ...s.map, umap: { ...s.map.umap, ...patch } } })),
});
