import { describe, expect, it } from 'vitest';
import { ask, withSpare, type NestedPort } from './nested';

type Rep = { type: 'progress'; n: number } | { type: 'done'; v: number } | { type: 'error'; message: string };

/** A port that answers each posted message with the given replies, in order, one macrotask apart. */
function scripted(replies: Rep[], fail?: string): NestedPort<unknown, Rep> & { posted: unknown[] } {
  const port: NestedPort<unknown, Rep> & { posted: unknown[] } = {
    posted: [],
    onmessage: null,
    onerror: null,
    postMessage(m) {
      port.posted.push(m);
      if (fail !== undefined) setTimeout(() => port.onerror?.({ message: fail }), 0);
      for (const r of replies) setTimeout(() => port.onmessage?.({ data: r }), 0);
    },
    terminate() {},
  };
  return port;
}

describe('asking a nested worker', () => {
  it('resolves with the wanted reply, handing the others to onOther', async () => {
    const port = scripted([
      { type: 'progress', n: 1 },
      { type: 'progress', n: 2 },
      { type: 'done', v: 7 },
    ]);
    const seen: number[] = [];
    const r = await ask(port, { q: 1 }, 'done', 'the test worker', {
      onOther: (m) => m.type === 'progress' && (seen.push(m.n), true),
    });
    expect(r).toEqual({ type: 'done', v: 7 });
    expect(seen).toEqual([1, 2]);
    expect(port.posted).toEqual([{ q: 1 }]);
  });

  it('rejects on an error reply, an unexpected reply, and the worker’s error event (named)', async () => {
    await expect(ask(scripted([{ type: 'error', message: 'bad k' }]), {}, 'done', 'w')).rejects.toThrow('bad k');
    await expect(ask(scripted([{ type: 'progress', n: 1 }]), {}, 'done', 'the test worker')).rejects.toThrow(
      'the test worker: unexpected progress reply',
    );
    await expect(ask(scripted([], ''), {}, 'done', 'the test worker')).rejects.toThrow('the test worker failed');
    await expect(ask(scripted([], 'out of memory'), {}, 'done', 'w')).rejects.toThrow('out of memory');
  });

  it('rejects when posting throws (a message that cannot be cloned)', async () => {
    const port = scripted([]);
    port.postMessage = () => {
      throw new Error('could not be cloned');
    };
    await expect(ask(port, {}, 'done', 'w')).rejects.toThrow('could not be cloned');
  });
});

describe('a spawner with a started spare', () => {
  it('starts one at once, hands it out on the first call and starts the next', () => {
    const made: number[] = [];
    const terminated: number[] = [];
    const spawn = withSpare(() => {
      const id = made.length;
      made.push(id);
      return { id, terminate: () => terminated.push(id) };
    });
    expect(made).toEqual([0]);
    expect(spawn().id).toBe(0);
    expect(made).toEqual([0, 1]);
    expect(spawn().id).toBe(1);
    expect(made).toEqual([0, 1, 2]);
    spawn.dispose();
    expect(terminated).toEqual([2]);
    // After dispose, a call spawns directly (and keeps a spare again).
    expect(spawn().id).toBe(3);
    expect(made).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops a spare whose worker failed while it waited, and hands out a fresh one', () => {
    const made: { id: number; onerror: ((e: object) => void) | null; terminated: boolean }[] = [];
    const spawn = withSpare(() => {
      const w = {
        id: made.length,
        onerror: null as ((e: object) => void) | null,
        terminated: false,
        terminate: () => void (w.terminated = true),
      };
      made.push(w);
      return w;
    });
    made[0].onerror?.({ message: 'script failed to load' });
    const got = spawn();
    expect(got.id).toBe(1);
    expect(made[0].terminated).toBe(true);
    expect(made.length).toBe(3);
  });

  it('spawns directly, and throws as spawn does, when no spare could be started', () => {
    let fail = true;
    let n = 0;
    const spawn = withSpare(() => {
      if (fail) throw new Error('no nested workers');
      return { id: n++, terminate: () => undefined };
    });
    expect(() => spawn()).toThrow('no nested workers');
    fail = false;
    expect(spawn().id).toBe(0);
    expect(spawn().id).toBe(1);
  });
});
