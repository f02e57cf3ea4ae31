import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../core/demo';
import { evaluatePool, validationPromptsCsv } from '../core/explorer';
import { createClient } from '../workers/client';
import { memoryKeyValueStore } from '../workers/idb';
import { appStore, resetStore } from './store';
import { setClient } from './clientRef';
import { SNAPSHOT_KEY, setSnapshotStore, type Snapshot } from './persist';
import { boot, train } from './trainActions';
import { loadFiles } from './dataActions';
import { setCostPenalty, setPenaltyForTarget } from './liveActions';
import { addModel, removeModel } from './modelActions';
import { exportSession } from './routerActions';
import { DEFAULT_SETTINGS } from './slices';
import { pickCurvePoint } from './chartActions';
import { renameDataset } from './renameActions';

const kv = memoryKeyValueStore();

describe('store actions on a small demo dataset (handlers on the main thread, cpu backend)', () => {
  beforeAll(() => {
    setSnapshotStore(kv);
    // A saved data-only session: boot restores it and trains with the link's settings.
    const dataset = generateDemoDataset({ prompts: 400 });
    const snap: Snapshot = {
      version: 1,
      dataset,
      source: { kind: 'demo', label: dataset.name, synthetic: true },
      settings: DEFAULT_SETTINGS,
      trainedWith: null,
      router: null,
      setup: null,
      added: [],
      costPenalty: 0,
      savedAt: '',
    };
    kv.map.set(SNAPSHOT_KEY, snap);
  });
  afterAll(() => {
    setClient(null);
    setSnapshotStore(null);
  });

  it('boots, trains, routes live, adds and removes an LLM, and survives a reload', async () => {
    resetStore();
    setClient(createClient({ forceMainThread: true, prefer: ['cpu'] }));
    await boot('?k=4&seed=2&method=kmeans&lambda=0');
    let s = appStore.getState();
    expect(s.training.backend?.backend).toBe('cpu');
    expect(s.training.backend?.thread).toBe('main');
    expect(s.training.error).toBeNull();
    expect(s.training.status).toBe('done');
    expect(s.session.base?.k).toBe(4);
    expect(s.data.projection?.coords.length).toBe(800);
    const pool = s.session.pool!;
    expect(pool.methods['uniroute-kmeans']).toBeDefined();
    expect(pool.methods['uniroute-learnedmap']).toBeUndefined();
    expect(s.routing.method).toBe('uniroute-kmeans');
    const share0 = Array.from(s.routing.live!.share);
    expect(share0.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);

    // A large penalty sends everything to the cheapest LLM: shares and the operating point move.
    setCostPenalty(1e6);
    s = appStore.getState();
    expect(Math.max(...s.routing.live!.share)).toBe(1);
    expect(s.routing.live!.operatingPoint.cost).toBeLessThan(appStore.getState().session.pool!.methods['uniroute-kmeans']!.points[0].cost);
    // Set penalty for a target accuracy: lands on a curve point that reaches it.
    const target = (pool.methods['uniroute-kmeans']!.points[0].accuracy + s.routing.live!.accuracy) / 2;
    const choice = setPenaltyForTarget('accuracy', target)!;
    expect(appStore.getState().routing.live!.accuracy).toBeGreaterThanOrEqual(target - 1e-12);
    expect(appStore.getState().routing.live!.operatingPoint.cost).toBeCloseTo(choice.point.cost, 12);

    // A click on a curve point routes with that method at the lambda from which the point holds.
    const front = pool.methods['uniroute-kmeans']!.front;
    const vertex = front[Math.floor(front.length / 2)];
    const picked = pickCurvePoint('uniroute-kmeans', vertex.cost, vertex.accuracy)!;
    s = appStore.getState();
    expect(s.routing.costPenalty).toBe(picked.costPenalty);
    expect(picked.costPenalty).toBeGreaterThanOrEqual(picked.from);
    expect(picked.to === Infinity || picked.costPenalty < picked.to).toBe(true);
    expect(s.routing.live!.operatingPoint.cost).toBeCloseTo(vertex.cost, 12);
    expect(s.routing.live!.operatingPoint.accuracy).toBeCloseTo(vertex.accuracy, 12);
    expect(pickCurvePoint('no-such-method', 0.5, 0.5)).toBeNull();

    // Renaming the dataset changes the label only: the router follows, the session stays.
    expect(await renameDataset('  My   bench ')).toBe(true);
    s = appStore.getState();
    expect(s.data.dataset!.name).toBe('My bench');
    expect(s.session.router!.provenance.dataset).toBe('My bench');
    expect(s.session.pool).toBe(pool);
    expect(await renameDataset('   ')).toBe(false);

    // Add an unseen LLM that is right on every validation prompt, then remove it.
    const poolBefore = appStore.getState().session.pool!;
    const before = poolBefore.methods['uniroute-kmeans']!.metrics;
    const csv = validationPromptsCsv(appStore.getState().session.router!).replace(/,\n/g, ',1\n');
    expect(await addModel('oracle-ish', 0.01, { name: 'perfect.csv', text: csv })).toBe(true);
    s = appStore.getState();
    // The pool before the add was extended by one column: it is the full evaluation of the new pool.
    expect(s.session.pool).toEqual(evaluatePool(s.session.base!, s.session.added));
    expect(s.session.pool!.names.at(-1)).toBe('oracle-ish');
    expect(s.session.pool!.estimated.at(-1)).toBe(true);
    expect(s.session.pool!.methods['uniroute-kmeans']!.metrics.area).not.toBe(before.area);
    const exported = exportSession();
    expect(exported.ok && exported.data.text).toContain('"oracle-ish"');
    expect(exported.ok && exported.data.router.pool.at(-1)).toBe('oracle-ish');
    expect(await addModel('bad', 1, { name: 'bad.csv', text: 'prompt_id,score\nnope,2\n' })).toBe(false);
    expect(appStore.getState().session.addIssues.length).toBeGreaterThan(0);
    expect(await removeModel('oracle-ish')).toBe(true);
    // Removing the LLM just added gives back the very pool it joined (evaluatePool is a pure function).
    expect(appStore.getState().session.pool).toBe(poolBefore);
    expect(appStore.getState().session.pool!.methods['uniroute-kmeans']!.metrics).toEqual(before);

    // A broken upload lists its problem and keeps the loaded data.
    const name = appStore.getState().data.dataset!.name;
    expect(await loadFiles([{ name: 'correctness.csv', text: 'prompt_id,a\np1,2\n' }])).toBe(false);
    s = appStore.getState();
    expect(s.data.dataset!.name).toBe(name);
    expect(s.data.issues.length).toBeGreaterThan(0);
    expect(s.session.pool).not.toBeNull();
    // The same upload as a File (what the file picker hands over): the worker reads it, and the
    // problem names the same file and row; the header row the mapping step offers is read from its head.
    const text = 'prompt_id,a\np1,2\n';
    const blobIssues = s.data.issues;
    expect(await loadFiles([{ name: 'correctness.csv', blob: new Blob([text]), head: text.slice(0, 12) }])).toBe(false);
    s = appStore.getState();
    expect(s.data.issues).toEqual(blobIssues);
    expect(s.data.headers).toEqual([{ file: 'correctness.csv', columns: ['prompt_id', 'a'] }]);
    expect(s.data.pendingFiles?.[0]).toMatchObject({ name: 'correctness.csv' });
    expect(s.data.dataset!.name).toBe(name);
    // A File the browser can no longer read (changed since it was picked): named, and chosen again (no retry kept).
    const stale = { text: () => Promise.reject(new Error('NotReadableError: the file changed')) } as unknown as Blob;
    expect(await loadFiles([{ name: 'correctness.csv', blob: stale, head: text }])).toBe(false);
    s = appStore.getState();
    expect(s.data.issues).toEqual([
      {
        file: 'correctness.csv',
        message:
          'could not read this file (NotReadableError: the file changed): it may have changed or moved since it was picked; choose it again',
      },
    ]);
    expect(s.data.pendingFiles).toBeNull();
    expect(s.data.dataset!.name).toBe(name);

    // A reload: a fresh store and client restore the saved router without training.
    const createdAt = appStore.getState().session.router!.provenance.createdAt;
    resetStore();
    setClient(createClient({ forceMainThread: true, prefer: ['cpu'] }));
    await boot('');
    s = appStore.getState();
    expect(s.session.restored).toBe(true);
    expect(s.training.runs).toBe(0);
    expect(s.session.router!.provenance.createdAt).toBe(createdAt);
    expect(s.session.pool!.methods['uniroute-kmeans']!.metrics).toEqual(before);
    expect(s.training.settings.k).toBe(4);
    // A link with other settings retrains on the restored data.
    await train();
    expect(appStore.getState().training.runs).toBe(1);
  });
});
