import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../core/demo';
import type { KeyValueStore } from '../workers/idb';
import { DATASET_KEY, SNAPSHOT_KEY, loadSnapshot, saveSnapshot, setSnapshotStore } from './persist';
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

  it('ignores a session record whose dataset write did not land', async () => {
    const kv = countingStore();
    setSnapshotStore(kv);
    await saveSnapshot(stateWith(generateDemoDataset({ prompts: 50 }), 0));
    kv.map.set(DATASET_KEY, { id: 'another', dataset: generateDemoDataset({ prompts: 40 }) });
    expect(await loadSnapshot()).toBeNull();
    setSnapshotStore(null);
  });
});
