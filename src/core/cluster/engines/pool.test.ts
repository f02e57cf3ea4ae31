import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng';
import type { Matrix } from '../../types';
import { kmeans } from '../driver';
import { fakeSpawn, shardLog } from './fakeShards.test-util';
import { shardPool } from './pool';
import type { LloydShardPort } from './sharded';

/** A port that records what happens to it. */
function fakePort(log: string[], name: string): LloydShardPort {
  return { onmessage: null, postMessage: (m) => log.push(`${name} ${m.type}`), terminate: () => log.push(`${name} terminated`) };
}

describe('shardPool', () => {
  it('starts shards up front, hands idle ones out first, takes back at most `size`, and terminates the rest', () => {
    const log: string[] = [];
    let made = 0;
    const hooks: string[] = [];
    const pool = shardPool(() => fakePort(log, `w${++made}`), 2, {
      taken: () => hooks.push('taken'),
      idle: () => hooks.push('idle'),
    });
    pool.warm();
    expect(made).toBe(2);
    const a = pool(); // w2: the last one parked goes out first
    const b = pool(); // w1
    const c = pool(); // none idle: a new one
    expect(made).toBe(3);
    expect(new Set([a, b, c]).size).toBe(3);
    a.release?.();
    b.release?.();
    c.release?.(); // the pool is full: terminated
    expect(log).toEqual(['w3 terminated']);
    expect(a.release).toBeUndefined(); // released once
    expect(pool()).toBe(b); // the last one back goes out first
    pool.dispose();
    expect(log).toEqual(['w3 terminated', 'w2 terminated']);
    b.release?.(); // after dispose: terminated, not kept
    expect(log).toEqual(['w3 terminated', 'w2 terminated', 'w1 terminated']);
    expect(hooks.filter((h) => h === 'taken')).toHaveLength(4);
    expect(hooks.filter((h) => h === 'idle')).toHaveLength(4); // warm x2, a, b
  });

  it('drops an idle shard that fails, and a shard that fails before its start is waited for fails the build, not hangs it', async () => {
    const log: string[] = [];
    const made: LloydShardPort[] = [];
    const pool = shardPool(() => made[made.push(fakePort(log, `w${made.length + 1}`)) - 1], 2);
    pool.warm();
    // w1 fails while idle (say its script cannot load): it leaves the pool, terminated.
    made[0].onerror?.({ message: 'script failed to load' });
    expect(log).toEqual(['w1 terminated']);
    expect(pool()).toBe(made[1]);
    expect(pool()).toBe(made[2]); // none idle: a new one
    // A spawned shard that errs before the engine waits for its reply: the build rejects.
    const erring = (): LloydShardPort => {
      const port: LloydShardPort = { onmessage: null, postMessage: () => undefined, terminate: () => undefined };
      setTimeout(() => port.onerror?.({ message: 'script failed to load' }), 0);
      return port;
    };
    const rng = createRng(4);
    const points: Matrix = { rows: 3000, cols: 8, data: Float32Array.from({ length: 24000 }, () => rng.normal()) };
    await expect(kmeans(points, { k: 3, engine: 'wasm-simd-sharded', cores: 2, spawnShard: erring })).rejects.toThrow(
      'script failed to load',
    );
  });

  it('k-means hands its workers back after a run that went well and reuses them; after a failure it terminates them', async () => {
    const rng = createRng(3);
    const points: Matrix = { rows: 3000, cols: 8, data: Float32Array.from({ length: 24000 }, () => rng.normal()) };
    const opts = { k: 4, seed: 2, maxIterations: 6, tolerance: 0, engine: 'wasm-simd-sharded' as const, cores: 3 };
    const log = shardLog();
    const pool = shardPool(fakeSpawn(log), 2);
    const first = await kmeans(points, { ...opts, spawnShard: pool });
    const second = await kmeans(points, { ...opts, spawnShard: pool });
    expect(first.engine).toBe('wasm-simd-sharded');
    expect(Array.from(second.assignments)).toEqual(Array.from(first.assignments));
    expect(log.spawned).toBe(2); // two workers (this thread holds the last block), started once
    expect(log.terminated).toBe(0);
    expect(log.requests.dispose).toBe(4); // each run asked its workers to drop their kernels
    const failing = shardLog();
    const broken = shardPool(fakeSpawn(failing, 2), 2);
    await expect(kmeans(points, { ...opts, spawnShard: broken })).rejects.toThrow('worker crashed');
    expect(failing.spawned).toBe(2);
    expect(failing.terminated).toBe(2);
    // A non-finite value is found in the shards' sums: the message names it, and no worker is reused.
    const bad: Matrix = { ...points, data: points.data.slice() };
    bad.data[2500 * 8 + 6] = Number.NaN;
    const log2 = shardLog();
    await expect(kmeans(bad, { ...opts, spawnShard: shardPool(fakeSpawn(log2), 2) })).rejects.toThrow(
      'points contain a non-finite value at row 2500, column 6',
    );
    expect(log2.staged).toBe(2);
    expect(log2.terminated).toBe(2);
  });
});
