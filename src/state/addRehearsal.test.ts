/**
 * The idle rehearsal of an add runs the add's code once per session and changes nothing: the
 * store is left as it was, and it stands down when the session changed or an LLM was added.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evaluatePool } from '../core/explorer';
import { buildSessionBase } from '../core/explorer/session';
import { tinyDataset, tinyEmbeddings, tinyPortableRouter, tinyRouter, TINY_SETUP } from '../core/explorer/fixture.test-util';
import { scheduleAddRehearsal } from './addRehearsal';
import { appStore, resetStore } from './store';

type Idle = (cb: () => void) => number;
const g = globalThis as { requestIdleCallback?: Idle };

/** Idle callbacks queued instead of run, so the test decides when the page is idle. */
function idleQueue(): (() => void)[] {
  const queue: (() => void)[] = [];
  g.requestIdleCallback = (cb) => queue.push(cb);
  return queue;
}

function session() {
  resetStore();
  const dataset = tinyDataset();
  const base = buildSessionBase(dataset, tinyEmbeddings(), TINY_SETUP, tinyRouter());
  appStore.getState().setData({ dataset });
  appStore.getState().setSession({ base, router: tinyPortableRouter(), added: [] });
  return { base, pool: evaluatePool(base) };
}

afterEach(() => {
  delete g.requestIdleCallback;
});

describe('scheduleAddRehearsal', () => {
  it('rehearses an add in two idle periods, once per session, and leaves the store as it was', () => {
    const queue = idleQueue();
    const { base, pool } = session();
    const before = appStore.getState();
    scheduleAddRehearsal(base, pool);
    scheduleAddRehearsal(base, pool);
    expect(queue).toHaveLength(1);
    queue.shift()!();
    expect(queue).toHaveLength(1); // the file and Psi done, the pool next
    queue.shift()!();
    expect(queue).toHaveLength(0);
    const after = appStore.getState();
    expect(after.session).toBe(before.session);
    expect(after.data).toBe(before.data);
    expect(after.routing).toBe(before.routing);
  });

  it('stands down when an LLM was added (or the session changed) before the page was idle', () => {
    const queue = idleQueue();
    const { base, pool } = session();
    scheduleAddRehearsal(base, pool);
    const model = { name: 'x', cost: 1, profile: { psi: new Float64Array(2), counts: new Int32Array(2), overall: 0 } };
    appStore
      .getState()
      .setSession({ added: [{ ...model, valErrors: new Float64Array(4), testScores: new Float64Array(4), estimated: false }] });
    queue.shift()!();
    expect(queue).toHaveLength(0);
  });

  it('does nothing where the browser has no idle callbacks (Node, tests)', () => {
    const { base, pool } = session();
    const before = appStore.getState();
    scheduleAddRehearsal(base, pool);
    expect(appStore.getState()).toBe(before);
  });
});
