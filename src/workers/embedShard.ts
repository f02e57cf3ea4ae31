/**
 * The built-in embedder split over two threads for large datasets: the training worker embeds the
 * first half of the prompts while a nested worker (embedShard.worker.ts) embeds the second. Each
 * half's document frequencies are counted apart and summed (integer counts), the IDF is fitted on
 * the sum, and each row is embedded from its own text alone, so phi(x) is exactly
 * datasetEmbeddings' (phiCache.test.ts and embedShard.test.ts compare), only sooner.
 */
import { documentFrequencies, embedTexts, embedderFromFrequencies, type EmbedderSettings } from '../core/embed';
import type { EmbedShardReply, EmbedShardRequest } from './embedShardHandler';
import { datasetEmbeddings } from '../core/eval/pipeline';
import type { Dataset, Matrix } from '../core/types';
import { ask, type NestedPort } from './nested';

/** The nested embedding worker's port (or a stand-in in tests). */
export type EmbedShardPort = NestedPort<EmbedShardRequest, EmbedShardReply>;
export type SpawnEmbedShard = () => EmbedShardPort;

/** Below this many prompts one thread embeds them (a nested worker's start-up would not pay). */
export const SHARD_MIN_PROMPTS = 4000;
const WHAT = 'the embedding shard';

const BUCKETS = 1 << 15;

/**
 * A nested worker already counting the document frequencies of the second half of a dataset's
 * prompts: handed its texts as soon as the data is parsed (a spare started while the thread was
 * idle, nested.ts), so its half of the counting runs while the training worker hashes the data.
 */
export interface EmbedShardStart {
  dataset: Dataset;
  port: EmbedShardPort;
  df: Promise<Extract<EmbedShardReply, { type: 'df' }>>;
  half: number;
}

/** Starts the shard of a large dataset with built-in embeddings (null where one thread embeds it). */
export function startEmbedShard(dataset: Dataset, spawn: SpawnEmbedShard | undefined): EmbedShardStart | null {
  const n = dataset.prompts.length;
  if (dataset.embeddings || !spawn || n < SHARD_MIN_PROMPTS) return null;
  let port: EmbedShardPort;
  try {
    port = spawn();
  } catch {
    return null;
  }
  const half = Math.ceil(n / 2);
  const texts = dataset.prompts.slice(half).map((p) => p.text);
  const request: EmbedShardRequest = { type: 'df', texts, buckets: BUCKETS };
  const df = ask(port, request, 'df', WHAT);
  // A failure is seen (and handled) where the counts are awaited; never an unhandled rejection meanwhile.
  df.catch(() => undefined);
  return { dataset, port, df, half };
}

/**
 * datasetEmbeddings(dataset), on two threads when a shard can be spawned and the dataset is large;
 * `started` is a shard startEmbedShard already set going on this dataset (used, then terminated).
 */
export async function embedDataset(
  dataset: Dataset,
  spawn: SpawnEmbedShard | undefined,
  onProgress: (fraction: number) => void,
  started: EmbedShardStart | null = null,
): Promise<{ embeddings: Matrix; settings: EmbedderSettings }> {
  const shard = started && started.dataset === dataset ? started : startEmbedShard(dataset, spawn);
  if (started && started !== shard) started.port.terminate();
  if (!shard) return datasetEmbeddings(dataset, onProgress);
  const { port, half } = shard;
  const n = dataset.prompts.length;
  try {
    const mine = dataset.prompts.slice(0, half).map((p) => p.text);
    const df = documentFrequencies(mine, BUCKETS);
    onProgress(0.25);
    const other = (await shard.df).df;
    for (let b = 0; b < BUCKETS; b++) df[b] += other[b];
    // The IDF of the whole corpus, as fitEmbedder(texts) fits it.
    const settings = embedderFromFrequencies(df, n);
    const theirs = ask(port, { type: 'embed', settings }, 'embed', WHAT);
    const first = embedTexts(mine, settings, (f) => onProgress(0.25 + 0.75 * f));
    const second = (await theirs).data;
    const data = new Float32Array(n * settings.dim);
    data.set(first.data);
    data.set(second, first.data.length);
    onProgress(1);
    return { embeddings: { rows: n, cols: settings.dim, data }, settings };
  } catch {
    // A shard that failed (out of memory, no nested workers after all): one thread does it all.
    return datasetEmbeddings(dataset, onProgress);
  } finally {
    port.terminate();
  }
}
