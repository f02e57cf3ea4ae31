/**
 * The prompt map's UMAP and the trustworthiness of both maps: one function, run by the nested UMAP
 * worker (umapShard.worker.ts) or, without nested workers, on the training worker's own thread.
 * Imports umap-js and the explorer's plain-TS code only (no tfjs), so the worker starts fast.
 */
import { umap2d, type UmapHooks, type UmapProgress, type UmapProjection } from '../core/explorer/umap';
import { sampledTrustworthiness } from '../core/explorer/trustworthiness';
import type { Matrix } from '../core/types';
import type { ErrorReply } from './nested';
import type { ProjectionQuality } from './protocol';

/** Trustworthiness settings: k neighbours among a seeded sample (the same rows for both maps). */
export const TRUST_K = 10;
export const TRUST_SAMPLE = 1000;

export interface UmapShardRequest {
  embeddings: Matrix;
  /** The PCA map: UMAP's start, and the other map whose trustworthiness is measured. */
  pca: Float32Array;
  seed: number;
}
export interface UmapMap {
  umap: UmapProjection;
  quality: { umap: ProjectionQuality; pca: ProjectionQuality };
}
export type UmapShardReply = { type: 'progress'; progress: UmapProgress } | { type: 'trust' } | ({ type: 'map' } & UmapMap) | ErrorReply;

/** UMAP started from the PCA map, then both maps' trustworthiness on the same seeded sample; null when stopped. */
export async function umapWithQuality(m: UmapShardRequest, hooks: UmapHooks, onTrust: () => void): Promise<UmapMap | null> {
  const umap = await umap2d(m.embeddings, { seed: m.seed, init: m.pca }, hooks);
  if (!umap || hooks.shouldStop?.()) return null;
  onTrust();
  const trust = (coords: Float32Array): ProjectionQuality =>
    sampledTrustworthiness(m.embeddings, coords, { k: TRUST_K, sampleSize: TRUST_SAMPLE, seed: m.seed });
  return { umap, quality: { umap: trust(umap.coords), pca: trust(m.pca) } };
}

export function createUmapShardHandler(
  reply: (r: UmapShardReply, transfer: Transferable[]) => void,
): (m: UmapShardRequest) => Promise<void> {
  return async (m) => {
    try {
      const map = await umapWithQuality(m, { onProgress: (progress) => reply({ type: 'progress', progress }, []) }, () =>
        reply({ type: 'trust' }, []),
      );
      if (!map) throw new Error('UMAP stopped');
      reply({ type: 'map', ...map }, [map.umap.coords.buffer]);
    } catch (e) {
      reply({ type: 'error', message: e instanceof Error ? e.message : String(e) }, []);
    }
  };
}
