import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../core/demo';
import { BUILTIN_EMBEDDER_ID } from '../core/embed';
import { datasetHash } from '../core/routerFile';
import { handlerHarness } from './handlerHarness.test-util';
import { memoryKeyValueStore, type KeyValueStore } from './idb';
import { MAX_STORED_PHI, PHI_INDEX_KEY, PHI_PREFIX, createPhiCache, phiKey } from './phiCache';

/** A fresh handler (a reloaded page's worker) over `store`. */
const worker = (store: KeyValueStore) => handlerHarness(store);

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('phi(x) and the PCA map kept across reloads', () => {
  it('keys by data hash, row order and embedder; uploaded embeddings are not cached', () => {
    const d = generateDemoDataset({ prompts: 40 });
    const key = phiKey(d, 'h1')!;
    expect(key.startsWith('h1|rows=')).toBe(true);
    expect(key.endsWith(`|${BUILTIN_EMBEDDER_ID}`)).toBe(true);
    expect(phiKey(d, 'h2')).not.toBe(key);
    // The same prompts in another order embed into other rows: another key.
    const reordered = { ...d, prompts: [...d.prompts].reverse() };
    expect(phiKey(reordered, 'h1')).not.toBe(key);
    const withVectors = { ...d, embeddings: { rows: 40, cols: 2, data: new Float32Array(80) } };
    expect(phiKey(withVectors, 'h1')).toBeNull();
  });

  it('a reload reads the same embeddings and map instead of computing them, and trains the same router', async () => {
    const store = memoryKeyValueStore({ clone: true });
    const d = generateDemoDataset({ prompts: 300 });
    const first = worker(store);
    await first({ type: 'init', prefer: ['cpu'] }).result;
    await first({ type: 'setDataset', dataset: d }).result;
    const a = first({ type: 'prepare' });
    const prepared = await a.result;
    expect(prepared.embedder.cached).toBe(false);
    expect(a.progress.some((e) => e.kind === 'stage' && e.stage === 'embed' && e.message.startsWith('embedding'))).toBe(true);
    await settle();
    const key = phiKey(d, datasetHash(d))!;
    expect(store.map.has(PHI_PREFIX + key)).toBe(true);

    const second = worker(store);
    await second({ type: 'init', prefer: ['cpu'] }).result;
    await second({ type: 'setDataset', dataset: d }).result;
    const b = second({ type: 'prepare' });
    const restored = await b.result;
    expect(restored.embedder.cached).toBe(true);
    expect(b.progress.some((e) => e.kind === 'stage' && e.message.startsWith('embedding prompts'))).toBe(false);
    expect(Array.from(restored.coords)).toEqual(Array.from(prepared.coords));
    expect(restored.explained).toEqual(prepared.explained);
    expect(restored.embedder.key).toBe(prepared.embedder.key);

    const settings = {
      k: 4,
      seed: 0,
      method: 'kmeans' as const,
      testModels: [],
      fractions: { train: 0.6, val: 0.2, test: 0.2 },
      epochs: 5,
      maxIterations: 20,
    };
    const fromScratch = await first({ type: 'train', settings }).result;
    const fromCache = await second({ type: 'train', settings }).result;
    expect(fromCache.router.centroids).toEqual(fromScratch.router.centroids);
    expect(Array.from(fromCache.base.testNeighbours)).toEqual(Array.from(fromScratch.base.testNeighbours));
  });

  it('writes the dataset record from the worker only for the dataset it holds', async () => {
    const store = memoryKeyValueStore({ clone: true });
    const d = generateDemoDataset({ prompts: 30 });
    const send = worker(store);
    await send({ type: 'setDataset', dataset: d, hash: 'given' }).result;
    expect(await send({ type: 'storeDataset', recordId: 'r1', hash: 'other', key: 'dataset-v1' }).result).toEqual({ stored: false });
    expect(store.map.has('dataset-v1')).toBe(false);
    expect(await send({ type: 'storeDataset', recordId: 'r1', hash: 'given', key: 'dataset-v1' }).result).toEqual({ stored: true });
    const record = store.map.get('dataset-v1') as { id: string; hash: string; dataset: typeof d };
    expect(record.id).toBe('r1');
    expect(record.hash).toBe('given');
    expect(record.dataset.scores).toEqual(d.scores);
  });

  it('keeps the last datasets only, and ignores a foreign or broken record', async () => {
    const store = memoryKeyValueStore({ clone: true });
    const cache = createPhiCache(() => store);
    const entry = (key: string, rows = 2) => ({
      key,
      settings: { kind: 'builtin-hashed-tfidf' as const, version: 1 as const, dim: 1, buckets: 1, seed: 0, idf: [1] },
      embeddings: { rows, cols: 1, data: new Float32Array(rows) },
      pca: { coords: new Float32Array(2 * rows), explained: [0.5, 0.25] as [number, number] },
    });
    for (const k of ['a', 'b', 'c']) await cache.save(entry(k));
    expect(store.map.get(PHI_INDEX_KEY)).toEqual(['b', 'c'].slice(-MAX_STORED_PHI));
    expect(await cache.load('a', 2)).toBeNull();
    expect((await cache.load('c', 2))?.pca.explained).toEqual([0.5, 0.25]);
    expect(await cache.load('c', 3)).toBeNull(); // another row count: not this dataset
    store.map.set(PHI_PREFIX + 'c', { key: 'c', embeddings: null });
    expect(await cache.load('c', 2)).toBeNull();
    expect(await createPhiCache(() => null).load('c', 2)).toBeNull();
  });
});
