import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { createClusterMapSimd, MAP_PEER_MIN_ROWS, MAP_PEER_MIN_WORK } from './clusterMapSimd';
import type { MapPeerPort, MapPeerRequest } from './clusterMapPeer';
import { createShardHandler, type ShardReply } from './shardHandler';
import { fakeWorker, shardLog, type ShardLog } from '../cluster/engines/fakeShards.test-util';

interface PeerLog extends ShardLog {
  released: number;
}

const peerLog = (): PeerLog => ({ ...shardLog(), released: 0 });

/**
 * A shard worker stand-in (fakeWorker) running the shard worker's handler and counting hand-backs;
 * `failAtHalf` makes it answer that half (1-based) and later ones with an error, as a crashed worker
 * would; 0 fails its start.
 */
function fakePeer(log: PeerLog, failAtHalf?: number): () => MapPeerPort {
  const spawn = fakeWorker<MapPeerRequest, ShardReply>(
    log,
    createShardHandler,
    (m, sent) =>
      failAtHalf !== undefined &&
      (m.type === 'map-init' ? failAtHalf === 0 : m.type === 'map-half' && (sent['map-half'] ?? 0) >= failAtHalf),
  );
  return () => Object.assign(spawn() as MapPeerPort, { release: () => void log.released++ });
}

/** A problem just big enough for a peer: MAP_PEER_MIN_ROWS prompts, batches of MAP_PEER_MIN_WORK multiply-adds. */
function problem(seed: number) {
  const [n, d, k, h] = [MAP_PEER_MIN_ROWS, 128, 64, 7];
  const rng = createRng(seed);
  const x = { rows: n, cols: d, data: Float32Array.from({ length: n * d }, () => rng.normal()) };
  const errors = Float64Array.from({ length: n * h }, () => (rng.next() < 0.1 ? NaN : rng.next() < 0.4 ? 1 : 0));
  const psi = Float64Array.from({ length: h * k }, () => 0.05 + 0.9 * rng.next());
  const theta = Float32Array.from({ length: k * (d + 1) }, () => 0.05 * rng.normal());
  return { x, errors, psi, theta, batchSize: MAP_PEER_MIN_WORK / (d * k) };
}

const bits = (a: ArrayLike<number>): string[] => Array.from(a, (v) => v.toString());

describe('the learned map on two threads (a peer computes the second half of each batch)', () => {
  it('gives the one-thread map and losses bit for bit, and hands its worker back', async () => {
    const p = problem(1);
    const order = Array.from({ length: p.x.rows }, (_, i) => (i * 7919) % p.x.rows);
    const one = await createClusterMapSimd(p, { batchSize: p.batchSize });
    const log = peerLog();
    const two = await createClusterMapSimd(p, { batchSize: p.batchSize, spawnPeer: fakePeer(log) });
    expect(one.peered).toBe(false);
    expect(two.peered).toBe(true);
    for (let e = 0; e < 2; e++) {
      const [a, b] = [await one.epoch(order), await two.epoch(order)];
      expect(b.meanBatchLoss).toBe(a.meanBatchLoss);
      expect(bits(two.getTheta())).toEqual(bits(one.getTheta()));
    }
    expect(log.requests['map-half']).toBe(2 * Math.ceil(p.x.rows / p.batchSize));
    two.dispose();
    one.dispose();
    expect(log).toMatchObject({ spawned: 1, released: 1, terminated: 0 });
  });

  it('a peer that fails (to start, or mid-epoch) leaves the halves to this thread: the same map; its worker is terminated', async () => {
    const p = problem(2);
    const want = await createClusterMapSimd(p, { batchSize: p.batchSize });
    await want.epoch();
    for (const failAt of [0, 3]) {
      const log = peerLog();
      const got = await createClusterMapSimd(p, { batchSize: p.batchSize, spawnPeer: fakePeer(log, failAt) });
      expect(got.peered).toBe(failAt !== 0);
      await got.epoch();
      expect(got.peered).toBe(false);
      expect(bits(got.getTheta())).toEqual(bits(want.getTheta()));
      got.dispose();
      expect(log).toMatchObject({ spawned: 1, terminated: 1, released: 0 });
    }
  });

  it('is not started for small problems', async () => {
    const p = problem(3);
    const log = peerLog();
    const small = await createClusterMapSimd(
      { ...p, x: { ...p.x, rows: 100, data: p.x.data.subarray(0, 100 * 128) }, errors: p.errors.subarray(0, 700) },
      {
        batchSize: p.batchSize,
        spawnPeer: fakePeer(log),
      },
    );
    const thin = await createClusterMapSimd(p, { batchSize: p.batchSize / 2, spawnPeer: fakePeer(log) });
    expect([small.peered, thin.peered, log.spawned]).toEqual([false, false, 0]);
    small.dispose();
    thin.dispose();
  });
});
