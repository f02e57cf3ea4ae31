/**
 * Where a UMAP map is stored (the worker's memory and IndexedDB): the dataset hash, the embedder and
 * the prompts' row order (embedder key), the seed and the UMAP settings. Plain strings, so the main
 * thread builds the same key without loading umap-js.
 */

/** The UMAP settings of a map (UMAP_DEFAULTS of core/explorer/umap; a test keeps them equal). Bump `v` when the code changes. */
export const UMAP_SETTINGS_ID = 'umap-js-1.4,k=15,min_dist=0.1,fit=5000,epochs=240,v2';

export function projectionKey(dataHash: string, embedderKey: string, seed: number): string {
  return `${dataHash}|${embedderKey}|umap|seed=${seed}|${UMAP_SETTINGS_ID}`;
}
