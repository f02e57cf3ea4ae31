/**
 * The idle rehearsal of an add runs the add's code once per session and changes nothing: the
 * store is left as it was, and it stands down when an LLM was added first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationPromptsCsv } from '../core/explorer';
import { createClient } from '../workers/client';
import { memoryKeyValueStore } from '../workers/idb';
import { scheduleAddRehearsal } from './addRehearsal';
import { setClient } from './clientRef';
import { loadDemo } from './dataActions';
import { addModel } from './modelActions';
import { setSnapshotStore } from './persist';
import { appStore, resetStore } from './store';
import { train } from './trainActions';

type Idle = (cb: () => void) => number;
const g = globalThis as { requestIdleCallback?: Idle };
/** Idle callbacks queued instead of run, so the test decides when the page is idle. */
const queue: (() => void)[] = [];

describe('the add rehearsal on the demo (handlers on the main thread, cpu)', () => {
  beforeAll(async () => {
    g.requestIdleCallback = (cb) => queue.push(cb);
    setSnapshotStore(memoryKeyValueStore());
    resetStore();
    setClient(createClient({ forceMainThread: true, prefer: ['cpu'] }));
    const { getClient } = await import('./clientRef');
    appStore.getState().setTraining({ backend: await getClient().init() });
    appStore.getState().setSettings({ method: 'kmeans', k: 4 });
    await loadDemo();
    await train();
  });
  afterAll(() => {
    delete g.requestIdleCallback;
    setClient(null);
    setSnapshotStore(null);
  });

  it('is queued when the session is ready, runs in idle periods, once per session, and leaves the store as it was', () => {
    const { session } = appStore.getState();
    expect(queue).toHaveLength(1);
    scheduleAddRehearsal(session.base!, session.pool!); // the same session: nothing more
    expect(queue).toHaveLength(1);
    const before = appStore.getState();
    // Two rounds of the file and Psi, then the pool, each in an idle period of its own.
    for (let step = 0; step < 4; step++) {
      expect(queue).toHaveLength(1);
      queue.shift()!();
    }
    expect(queue).toHaveLength(0);
    const after = appStore.getState();
    expect(after.session).toBe(before.session);
    expect(after.data).toBe(before.data);
    expect(after.routing).toBe(before.routing);
  });

  it('stands down when an LLM was added before the page was idle', async () => {
    const { session } = appStore.getState();
    const base = { ...session.base! }; // a session not rehearsed yet
    appStore.getState().setSession({ base });
    scheduleAddRehearsal(base, session.pool!);
    expect(queue).toHaveLength(1);
    const csv = validationPromptsCsv(session.router!).replace(/,\n/g, ',1\n');
    expect(await addModel('newcomer', 0.01, { name: 'newcomer.csv', text: csv })).toBe(true);
    const before = appStore.getState();
    queue.shift()!();
    expect(queue).toHaveLength(0);
    expect(appStore.getState()).toBe(before);
  });
});
