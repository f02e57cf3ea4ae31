/**
 * The prompt map's requests in the worker: the PCA map of `prepare`, the UMAP map of `project`
 * (cached in memory per dataset, embedder and seed; run beside the request queue so training is
 * never held up by it, and stopped by `cancelProjection` or a new dataset), and a prompt's nearest
 * neighbours in embedding space.
 */
import type { Dataset, Matrix } from '../core/types';
import type { EmbedderSettings } from '../core/embed';
import { datasetHash, fnv1a64 } from '../core/routerFile';
import { nearestRows } from '../core/explorer';
import { pca2d } from '../core/explorer/pca';
import { UMAP_DEFAULTS, type UmapProgress } from '../core/explorer/umap';
import { projectionKey } from './projectionKey';
import type { NeighboursResult, ProgressEvent, ProjectResult } from './protocol';
import { startUmap, type SpawnUmapShard, type UmapJob } from './umapShard';
import { TRUST_SAMPLE } from './umapShardHandler';

/** What the projection requests read from the handler: the dataset and phi(x), fetched in the request queue. */
export interface ProjectionInputs {
  dataset: Dataset;
  embeddings: Matrix;
  settings: EmbedderSettings;
}

export { TRUST_K, TRUST_SAMPLE } from './umapShardHandler';
const MEMORY_CACHE = 4;
const PROGRESS_EVERY_MS = 100;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** Row order and embedder of a dataset: with the seed, the identity of its map (datasetHash ignores row order). */
export function embedderKey(dataset: Dataset, settings: EmbedderSettings): string {
  return fnv1a64(`${dataset.prompts.map((p) => p.id).join('\n')}\n${JSON.stringify(settings)}`);
}

function umapMessage(p: UmapProgress, fitted: number): string {
  if (p.phase === 'neighbours') return `UMAP: nearest neighbours of ${fitted.toLocaleString('en-US')} prompts`;
  if (p.phase === 'epochs') return `UMAP: epoch ${p.done} of ${p.total}`;
  return `UMAP: placing the other prompts by their nearest fitted ones, ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`;
}

export interface ProjectionJobs {
  /** The PCA map of `prepare` (kept for UMAP's start and its trustworthiness). */
  pca(inputs: ProjectionInputs): Promise<{ coords: Float32Array; explained: [number, number]; embedderKey: string }>;
  project(seed: number, inputs: () => Promise<ProjectionInputs>, progress: (e: ProgressEvent) => void): Promise<ProjectResult>;
  cancel(): boolean;
  neighbours(inputs: ProjectionInputs, row: number, k: number): NeighboursResult;
  /** A new dataset: a running UMAP stops (its answer says cancelled). */
  datasetChanged(): void;
  /** The PCA map of `embeddings` as stored earlier (phiCache), so pca() need not recompute it. */
  restorePca(embeddings: Matrix, pca: { coords: Float32Array; explained: [number, number] }): void;
}

/**
 * `hashOf`: the dataset's datasetHash (the handler memoises it); `spawnUmap`: a nested worker for
 * UMAP (umapShard.ts), absent where there are none (UMAP then runs on this thread).
 */
export function createProjectionJobs(hashOf: (d: Dataset) => string = datasetHash, spawnUmap?: SpawnUmapShard): ProjectionJobs {
  let pcaOf: { embeddings: Matrix; coords: Float32Array; explained: [number, number] } | null = null;
  const cache = new Map<string, ProjectResult>();
  let running: { stop: boolean; umap: UmapJob | null } | null = null;
  const stopRunning = (): void => {
    if (!running) return;
    running.stop = true;
    running.umap?.stop();
  };

  const pcaCoords = async (embeddings: Matrix) => {
    if (pcaOf?.embeddings !== embeddings) {
      const p = await pca2d(embeddings);
      pcaOf = { embeddings, coords: p.coords, explained: p.explained };
    }
    return pcaOf;
  };

  return {
    async pca(inputs) {
      const p = await pcaCoords(inputs.embeddings);
      return { coords: p.coords, explained: p.explained, embedderKey: embedderKey(inputs.dataset, inputs.settings) };
    },

    async project(seed, getInputs, progress) {
      const t0 = now();
      const job: { stop: boolean; umap: UmapJob | null } = { stop: false, umap: null };
      stopRunning();
      running = job;
      try {
        const { dataset, embeddings, settings } = await getInputs();
        const key = projectionKey(hashOf(dataset), embedderKey(dataset, settings), seed);
        const hit = cache.get(key);
        if (hit) return { ...hit, cached: true, ms: now() - t0 };
        const cancelled = (): ProjectResult => ({
          cancelled: true,
          key,
          coords: null,
          umap: null,
          quality: null,
          cached: false,
          ms: now() - t0,
        });
        const pca = (await pcaCoords(embeddings)).coords;
        if (job.stop) return cancelled();
        const n = embeddings.rows;
        const fitted = Math.min(n, UMAP_DEFAULTS.maxFitRows);
        let lastPost = -Infinity;
        let lastPhase = '';
        job.umap = startUmap({ embeddings, pca, seed }, spawnUmap, {
          onProgress: (p) => {
            const t = now();
            if (p.phase === lastPhase && t - lastPost < PROGRESS_EVERY_MS && p.fraction < 1) return;
            lastPost = t;
            lastPhase = p.phase;
            progress({ kind: 'stage', stage: 'projection', message: umapMessage(p, fitted), fraction: p.fraction });
          },
          onTrust: () =>
            progress({
              kind: 'stage',
              stage: 'projection',
              message: `trustworthiness of both maps on ${TRUST_SAMPLE} prompts`,
              fraction: 1,
            }),
        });
        const map = await job.umap.map;
        if (!map || job.stop) return cancelled();
        const { coords, ...umap } = map.umap;
        const answer: ProjectResult = { cancelled: false, key, coords, umap, quality: map.quality, cached: false, ms: now() - t0 };
        cache.set(key, answer);
        while (cache.size > MEMORY_CACHE) cache.delete(cache.keys().next().value!);
        return answer;
      } finally {
        if (running === job) running = null;
      }
    },

    cancel() {
      if (!running) return false;
      stopRunning();
      return true;
    },

    neighbours({ dataset, embeddings }, row, k) {
      const n = dataset.prompts.length;
      if (!Number.isInteger(row) || row < 0 || row >= n) throw new Error(`prompt row ${row} is outside the dataset (0..${n - 1})`);
      if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
      const r = nearestRows(embeddings, row, embeddings, Math.min(k, n - 1), row);
      return { row, rows: Int32Array.from(r.rows), distances: Float32Array.from(r.distances) };
    },

    datasetChanged() {
      stopRunning();
      pcaOf = null;
    },

    restorePca(embeddings, pca) {
      pcaOf = { embeddings, coords: pca.coords, explained: pca.explained };
    },
  };
}
