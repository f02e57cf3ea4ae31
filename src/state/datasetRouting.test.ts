import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../core/demo';
import { memoryKeyValueStore } from '../workers/idb';
import { appStore, resetStore } from './store';
import { setSnapshotStore } from './persist';
import { ROUTING_BY_DATASET_KEY, enterDataset, holdLink, loadDatasetRouting, saveDatasetRouting } from './datasetRouting';
import { parseUrlState } from './urlState';

let kv: ReturnType<typeof memoryKeyValueStore>;
const dataset = generateDemoDataset({ prompts: 40 });

beforeEach(() => {
  kv = memoryKeyValueStore();
  setSnapshotStore(kv);
  resetStore();
  appStore.getState().setData({ dataset });
});
afterEach(() => setSnapshotStore(null));

describe('routing settings kept per dataset', () => {
  it('saves and reads back each dataset by its content hash, ignoring broken entries', async () => {
    await saveDatasetRouting('aaaa', { costPenalty: 0.5, origin: 'user', route: 'knn' });
    await saveDatasetRouting('bbbb', { costPenalty: 3, origin: 'default', route: 'uniroute-kmeans' });
    expect(await loadDatasetRouting('aaaa')).toMatchObject({ costPenalty: 0.5, origin: 'user', route: 'knn' });
    expect(await loadDatasetRouting('cccc')).toBeNull();
    kv.map.set(ROUTING_BY_DATASET_KEY, { aaaa: { costPenalty: -1, route: 'knn' }, bbbb: { costPenalty: 1, route: 'magic' } });
    expect(await loadDatasetRouting('aaaa')).toBeNull();
    expect(await loadDatasetRouting('bbbb')).toBeNull();
  });

  it('remembers the 20 datasets saved last', async () => {
    for (let i = 0; i < 25; i++) {
      await saveDatasetRouting(`h${i}`, { costPenalty: i, origin: 'user', route: 'knn' });
      await new Promise((r) => setTimeout(r, 2));
    }
    const table = kv.map.get(ROUTING_BY_DATASET_KEY) as Record<string, unknown>;
    expect(Object.keys(table)).toHaveLength(20);
    expect(await loadDatasetRouting('h4')).toBeNull();
    expect(await loadDatasetRouting('h24')).toMatchObject({ costPenalty: 24 });
  });

  it('takes up a dataset’s saved settings when it is loaded (lambda as left there, not the default)', async () => {
    await saveDatasetRouting('aaaa', { costPenalty: 0.5, origin: 'import', route: 'knn' });
    expect(await enterDataset('aaaa')).toEqual({});
    expect(appStore.getState().routing.pending).toEqual({ costPenalty: 0.5, origin: 'saved', method: 'knn' });
    await enterDataset('ffff');
    expect(appStore.getState().routing.pending).toBeNull();
  });
});

describe('a link and the dataset it names', () => {
  it('applies a link that fits the loaded dataset over its saved settings', async () => {
    await saveDatasetRouting('aaaa', { costPenalty: 0.5, origin: 'user', route: 'knn' });
    holdLink(parseUrlState(`?data=${encodeURIComponent(dataset.name)}&lambda=0.02&k=6&cluster=2&view=curves`));
    const s = appStore.getState();
    expect(s.ui.view).toBe('curves'); // the view applies at once
    expect(s.data.link?.status).toBe('pending');
    const applied = await enterDataset('aaaa');
    expect(applied).toMatchObject({ lambda: 0.02, k: 6, cluster: 2 });
    const t = appStore.getState();
    expect(t.data.link).toBeNull();
    expect(t.training.settings.k).toBe(6);
    expect(t.ui.selectedCluster).toBe(2);
    expect(t.routing.pending).toEqual({ costPenalty: 0.02, origin: 'link', method: 'knn' });
  });

  it('keeps where lambda came from when the link only repeats the saved lambda (a reload)', async () => {
    await saveDatasetRouting('aaaa', { costPenalty: 0.5, origin: 'user', route: 'knn' });
    holdLink(parseUrlState(`?data=${encodeURIComponent(dataset.name)}&lambda=0.5&route=knn`));
    expect(await enterDataset('aaaa')).toMatchObject({ lambda: 0.5 });
    expect(appStore.getState().routing.pending).toEqual({ costPenalty: 0.5, origin: 'saved', method: 'knn' });
    await saveDatasetRouting('bbbb', { costPenalty: 3, origin: 'default', route: 'knn' });
    holdLink(parseUrlState(`?data=${encodeURIComponent(dataset.name)}&lambda=3`));
    await enterDataset('bbbb');
    expect(appStore.getState().routing.pending).toEqual({ costPenalty: 3, origin: 'default', method: 'knn' });
  });

  it('keeps a link to another dataset waiting, and applies none of it', async () => {
    holdLink(parseUrlState('?data=routerbench_subset&datahash=0123456789abcdef&lambda=5&k=25'));
    expect(await enterDataset('aaaa')).toEqual({});
    const s = appStore.getState();
    expect(s.data.link).toMatchObject({ status: 'waiting', url: { data: 'routerbench_subset', lambda: 5 } });
    expect(s.training.settings.k).not.toBe(25);
    expect(s.routing.pending).toBeNull();
    // Its dataset arrives (matched by content hash, whatever its name).
    expect(await enterDataset('0123456789abcdef')).toMatchObject({ lambda: 5, k: 25 });
    expect(appStore.getState().routing.pending).toEqual({ costPenalty: 5, origin: 'link' });
  });
});
