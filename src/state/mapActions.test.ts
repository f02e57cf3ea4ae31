import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../core/demo';
import { createClient } from '../workers/client';
import { memoryKeyValueStore } from '../workers/idb';
import { appStore, resetStore } from './store';
import { getClient, setClient } from './clientRef';
import { setSnapshotStore } from './persist';
import { adoptDataset, prepare } from './dataActions';
import { train } from './trainActions';
import { MAX_STORED } from './mapCache';
import {
  NEIGHBOURS,
  cancelProjection,
  ensureProjection,
  focusPrompt,
  setColouring,
  setMapMethod,
  setMapSearch,
  setMapSelection,
  wantedMapKey,
} from './mapActions';
import { selectMapCategories, selectMapCoords, selectSearchMatches, selectSelectionSummary } from './mapSelectors';

/** A small demo loaded and prepared (embedded + PCA) with the handlers on this thread. */
async function loaded(prompts: number, seed = 2025) {
  const dataset = generateDemoDataset({ prompts, seed });
  await getClient().request({ type: 'setDataset', dataset });
  adoptDataset(dataset, { kind: 'demo', label: dataset.name, synthetic: true });
  await prepare();
  return dataset;
}

describe('the prompt map actions (handlers on the main thread, cpu backend)', () => {
  const kv = memoryKeyValueStore();
  afterAll(() => {
    setClient(null);
    setSnapshotStore(null);
  });

  it('makes the UMAP map, stores it in IndexedDB and reads it back instead of recomputing', async () => {
    resetStore();
    setSnapshotStore(kv);
    setClient(createClient({ forceMainThread: true, prefer: ['cpu'] }));
    await getClient().init();
    await loaded(240);
    // Before UMAP is there the map shows PCA.
    expect(selectMapCoords(appStore.getState())?.shown).toBe('pca');
    await ensureProjection();
    let u = appStore.getState().map.umap;
    expect(u.status).toBe('done');
    expect(u.source).toBe('computed');
    expect(u.key).toBe(wantedMapKey());
    expect(u.coords!.length).toBe(480);
    expect(u.quality!.umap.value).toBeGreaterThan(u.quality!.pca.value);
    expect(selectMapCoords(appStore.getState())).toEqual({ coords: u.coords, shown: 'umap' });
    setMapMethod('pca');
    expect(selectMapCoords(appStore.getState())?.shown).toBe('pca');
    setMapMethod('umap');
    // A reload: a fresh store and worker; the map comes from IndexedDB, the worker never runs UMAP.
    const coords = u.coords!;
    resetStore();
    setClient(createClient({ forceMainThread: true, prefer: ['cpu'] }));
    await getClient().init();
    await loaded(240);
    await ensureProjection();
    u = appStore.getState().map.umap;
    expect(u.source).toBe('stored');
    expect(Array.from(u.coords!)).toEqual(Array.from(coords));
    expect([...kv.map.keys()].filter((k) => k.startsWith('map-v1:'))).toHaveLength(1);
    expect(MAX_STORED).toBeGreaterThan(1);
  }, 120_000);

  it('cancels a running UMAP (PCA stays), and makes it again only when asked', async () => {
    resetStore();
    setSnapshotStore(memoryKeyValueStore());
    setClient(createClient({ forceMainThread: true, prefer: ['cpu'] }));
    await getClient().init();
    await loaded(300, 7);
    const run = ensureProjection();
    while (!appStore.getState().map.umap.message.startsWith('UMAP: epoch')) await new Promise((r) => setTimeout(r, 5));
    expect(appStore.getState().map.umap.status).toBe('running');
    cancelProjection();
    await run;
    expect(appStore.getState().map.umap.status).toBe('cancelled');
    expect(selectMapCoords(appStore.getState())?.shown).toBe('pca');
    await ensureProjection();
    expect(appStore.getState().map.umap.status).toBe('cancelled');
    await ensureProjection(true);
    expect(appStore.getState().map.umap.status).toBe('done');
  }, 120_000);

  it('search, colourings, selection summary and a clicked prompt’s neighbours come from core', async () => {
    resetStore();
    setSnapshotStore(memoryKeyValueStore());
    setClient(createClient({ forceMainThread: true, prefer: ['cpu'] }));
    await getClient().init();
    const dataset = await loaded(200, 3);
    appStore.getState().setSettings({ k: 4, method: 'kmeans' });
    await train();
    const s = () => appStore.getState();
    expect(s().training.status).toBe('done');

    const word = dataset.prompts[17].text.split(/\s+/).find((w) => w.length > 6)!;
    setMapSearch(word.toUpperCase());
    const matches = selectSearchMatches(s());
    expect(Array.from(matches)).toContain(17);
    expect(Array.from(matches).every((r) => dataset.prompts[r].text.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    expect(selectSearchMatches(s())).toBe(matches);

    setColouring('cluster');
    const clusters = selectMapCategories(s())!;
    expect(Array.from(clusters.category)).toEqual(Array.from(s().session.base!.promptClusters));
    expect(selectMapCategories(s())).toBe(clusters);
    setColouring('routed');
    const routed = selectMapCategories(s())!;
    expect(routed.labels).toEqual(s().session.pool!.names);
    // Every kept test prompt is routed somewhere; its counts are the live routing's.
    expect(routed.counts).toEqual(Array.from(s().routing.live!.counts));
    expect(routed.none.count).toBe(200 - s().session.base!.testRows.length);
    setColouring('split');
    expect(selectMapCategories(s())!.counts.slice(0, 3)).toEqual([
      s().session.setup!.split.train.length,
      s().session.setup!.split.val.length,
      s().session.base!.testRows.length,
    ]);

    setMapSelection(Int32Array.from([0, 1, 2, 3]));
    const summary = selectSelectionSummary(s())!;
    expect(summary.count).toBe(4);
    expect(summary.tasks.reduce((a, t) => a + t.count, 0)).toBe(4);
    setMapSelection(new Int32Array(0));
    expect(s().map.selection).toBeNull();

    await focusPrompt(17);
    const nb = s().map.neighbours!;
    expect(nb.row).toBe(17);
    expect(nb.rows.length).toBe(NEIGHBOURS);
    expect(Array.from(nb.rows)).not.toContain(17);
    await focusPrompt(null);
    expect(s().map.neighbours).toBeNull();
  }, 120_000);
});
