/**
 * The prompt embeddings phi(x) of a dataset and its PCA map, kept in IndexedDB (the session's
 * key-value store, opened here in the worker, so the tens of MB never cross to the page), so a
 * reload or a second upload of the same data neither re-embeds nor re-projects. Keyed by the data
 * hash, the prompts' row order and the built-in embedder's configuration (BUILTIN_EMBEDDER_ID);
 * uploaded embeddings need no cache. The last MAX_STORED_PHI datasets are kept.
 */
import type { EmbedderSettings } from '../core/embed';
import { BUILTIN_EMBEDDER_ID } from '../core/embed';
import { fnv1a64 } from '../core/routerFile';
import type { Dataset, Matrix } from '../core/types';
import type { KeyValueStore } from './idb';

export const PHI_PREFIX = 'phi-v1:';
export const PHI_INDEX_KEY = 'phi-v1-index';
export const MAX_STORED_PHI = 2;

export interface StoredPhi {
  key: string;
  settings: EmbedderSettings;
  embeddings: Matrix;
  pca: { coords: Float32Array; explained: [number, number] };
}

/** The cache key of a dataset's built-in embeddings (null for uploaded embeddings: nothing to compute). */
export function phiKey(dataset: Dataset, dataHash: string): string | null {
  if (dataset.embeddings) return null;
  return `${dataHash}|rows=${fnv1a64(dataset.prompts.map((p) => p.id).join('\n'))}|${BUILTIN_EMBEDDER_ID}`;
}

function valid(v: unknown, key: string, rows: number): v is StoredPhi {
  const s = v as Partial<StoredPhi> | undefined;
  return (
    !!s &&
    s.key === key &&
    s.settings?.kind === 'builtin-hashed-tfidf' &&
    !!s.embeddings &&
    s.embeddings.rows === rows &&
    s.embeddings.data instanceof Float32Array &&
    s.embeddings.data.length === rows * s.embeddings.cols &&
    s.pca?.coords instanceof Float32Array &&
    s.pca.coords.length === 2 * rows
  );
}

export interface PhiCache {
  /** The stored entry for `key` with `rows` prompts, or null (missing, foreign, broken or no IndexedDB). */
  load(key: string, rows: number): Promise<StoredPhi | null>;
  /** Stores an entry and forgets the oldest beyond MAX_STORED_PHI; a failure only costs a recompute next time. */
  save(entry: StoredPhi): Promise<void>;
}

export function createPhiCache(store: () => KeyValueStore | null): PhiCache {
  return {
    async load(key, rows) {
      try {
        const s = store();
        const v = s ? await s.get<StoredPhi>(PHI_PREFIX + key) : undefined;
        return valid(v, key, rows) ? v : null;
      } catch {
        return null;
      }
    },
    async save(entry) {
      const s = store();
      if (!s) return;
      try {
        const index = ((await s.get<string[]>(PHI_INDEX_KEY)) ?? []).filter((k) => k !== entry.key);
        index.push(entry.key);
        // The oldest go first, so the store never holds more than the limit at once.
        while (index.length > MAX_STORED_PHI) await s.del(PHI_PREFIX + index.shift()!);
        await s.set(PHI_PREFIX + entry.key, entry);
        await s.set(PHI_INDEX_KEY, index);
      } catch (e) {
        console.warn('RouteLab: could not store the embeddings for a reload:', e);
      }
    },
  };
}
