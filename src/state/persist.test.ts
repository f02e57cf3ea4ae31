import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../core/demo';
import type { KeyValueStore } from '../workers/idb';
import { DATASET_KEY, SNAPSHOT_KEY, loadSnapshot, saveSnapshot, setDatasetWriter, setSnapshotStore } from './persist';
import type { AppState } from './slices';

function countingStore(): KeyValueStore & { map: Map<string, unknown>; writes: string[] } {
  const map = new Map<string, unknown>();
  const writes: string[] = [];
  return {
    map,
    writes,
    get: async <T>(k: string) => map.get(k) as T | undefined,
    set: async (k, v) => void (writes.push(k), map.set(k, v)),
    del: async (k) => void map.delete(k),
  };
}

/** The parts of AppState a snapshot reads. */
function stateWith(dataset: ReturnType<typeof generateDemoDataset>, costPenalty: number): AppState {
  return {
    data: { dataset, source: { kind: 'demo', label: dataset.name, synthetic: true } },
    session: { router: null, setup: null, trainedWith: null, added: [] },
    training: { settings: { k: 10 } },
    routing: { costPenalty },
  } as unknown as AppState;
}

describe('saveSnapshot / loadSnapshot', () => {
  it('writes the dataset once per dataset, the small session record every time, and reads both back', async () => {
    const kv = countingStore();
    setSnapshotStore(kv);
    const dataset = generateDemoDataset({ prompts: 50 });
    await saveSnapshot(stateWith(dataset, 0.1));
    await saveSnapshot(stateWith(dataset, 0.2));
    expect(kv.writes).toEqual([DATASET_KEY, SNAPSHOT_KEY, SNAPSHOT_KEY]);
    expect((kv.map.get(SNAPSHOT_KEY) as Record<string, unknown>).dataset).toBeUndefined();
    const snap = await loadSnapshot();
    expect(snap?.costPenalty).toBe(0.2);
    expect(snap?.dataset.scores).toEqual(dataset.scores);
    // A new dataset is written again.
    await saveSnapshot(stateWith(generateDemoDataset({ prompts: 60 }), 0));
    expect(kv.writes.filter((k) => k === DATASET_KEY)).toHaveLength(2);
    setSnapshotStore(null);
  });

  it('lets the worker write the dataset record when it can (with the hash), and writes it itself when not', async () => {
    const kv = countingStore();
    setSnapshotStore(kv);
    const dataset = generateDemoDataset({ prompts: 50 });
    const state = stateWith(dataset, 0.1);
    (state.data as { dataHash: string }).dataHash = 'hash-1';
    const asked: { id: string; hash: string; key: string }[] = [];
    setDatasetWriter(async (record) => {
      asked.push(record);
      kv.map.set(record.key, { id: record.id, dataset, hash: record.hash }); // what the worker stores
      return true;
    });
    await saveSnapshot(state);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ hash: 'hash-1', key: DATASET_KEY });
    expect(kv.writes).toEqual([SNAPSHOT_KEY]); // the page cloned only the small record
    expect((await loadSnapshot())?.dataHash).toBe('hash-1');
    // A worker that cannot (no IndexedDB there, another dataset): the page writes it.
    setDatasetWriter(async () => false);
    await saveSnapshot(stateWith(generateDemoDataset({ prompts: 60 }), 0));
    expect(kv.writes.slice(-2)).toEqual([DATASET_KEY, SNAPSHOT_KEY]);
    setDatasetWriter(null);
    setSnapshotStore(null);
  });

  it('ignores a session record whose dataset write did not land', async () => {
    const kv = countingStore();
    setSnapshotStore(kv);
    await saveSnapshot(stateWith(generateDemoDataset({ prompts: 50 }), 0));
    kv.map.set(DATASET_KEY, { id: 'another', dataset: generateDemoDataset({ prompts: 40 }) });
    expect(await loadSnapshot()).toBeNull();
    setSnapshotStore(null);
  });
});
