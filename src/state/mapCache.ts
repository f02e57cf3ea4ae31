/**
 * UMAP maps kept in IndexedDB (the same key-value store as the session), keyed by projectionKey
 * (dataset hash, embedder and row order, seed, UMAP settings), so a reload shows the map without
 * recomputing it. The last MAX_STORED maps are kept; older ones are deleted.
 */
import type { ProjectionQuality, UmapInfo } from '../workers/protocol';
import { snapshotStore } from './persist';

export interface StoredMap {
  key: string;
  coords: Float32Array;
  info: UmapInfo;
  quality: { umap: ProjectionQuality; pca: ProjectionQuality };
  ms: number;
}

const PREFIX = 'map-v1:';
const INDEX_KEY = 'map-v1-index';
export const MAX_STORED = 6;

function valid(value: unknown, key: string, rows: number): value is StoredMap {
  const v = value as Partial<StoredMap> | undefined;
  return !!v && v.key === key && v.coords instanceof Float32Array && v.coords.length === 2 * rows && !!v.info && !!v.quality;
}

/** The stored map for `key` when it has `rows` prompts (a broken or foreign record is ignored). */
export async function loadStoredMap(key: string, rows: number): Promise<StoredMap | null> {
  try {
    const value = await snapshotStore().get<StoredMap>(PREFIX + key);
    return valid(value, key, rows) ? value : null;
  } catch {
    return null;
  }
}

/** Stores a map and forgets the oldest beyond MAX_STORED; a full or missing IndexedDB only costs a recompute. */
export async function storeMap(map: StoredMap): Promise<void> {
  const store = snapshotStore();
  try {
    const index = ((await store.get<string[]>(INDEX_KEY)) ?? []).filter((k) => k !== map.key);
    index.push(map.key);
    await store.set(PREFIX + map.key, map);
    while (index.length > MAX_STORED) await store.del(PREFIX + index.shift()!);
    await store.set(INDEX_KEY, index);
  } catch (e) {
    console.warn('RouteLab: could not store the prompt map for a reload:', e);
  }
}
