/**
 * The k-NN baseline found on another thread while the trial clusters: the same lists, metrics and
 * router as finding them in turn, in the same method order; a failing or refusing shard falls back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { generateDemoDataset } from '../core/demo';
import { fitRouter } from '../core/routerFile/train';
import type { Dataset } from '../core/types';
import { knnElsewhere, type KnnShardPort } from './knnShard';
import { createKnnShardHandler, type KnnShardReply, type KnnShardRequest } from './knnShardHandler';
import { localPort, type LocalPort } from './localPort.test-util';

/** Shards on this thread (`fail`: each answers with an error); `calls` the pairs each was asked for. */
function localShard(fail = false): { spawn: () => KnnShardPort; calls: number[]; terminated: number[] } {
  const ports: LocalPort<KnnShardRequest, KnnShardReply>[] = [];
  const spawn = (): KnnShardPort => {
    const port = localPort<KnnShardRequest, KnnShardReply>(createKnnShardHandler, (copy) => {
      if (fail) copy.k = -1;
    });
    ports.push(port);
    return port;
  };
  return {
    spawn,
    get calls() {
      return ports.flatMap((p) => p.requests.map((m) => m.queries.rows * m.refs.rows));
    },
    get terminated() {
      return ports.flatMap((p) => (p.terminated ? [1] : []));
    },
  };
}

let dataset: Dataset;

describe('k-NN lists on another thread', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    dataset = generateDemoDataset({ prompts: 600 });
  });

  const train = (neighboursElsewhere?: ReturnType<typeof knnElsewhere>) =>
    fitRouter(dataset, { method: 'learnedmap', k: 4, epochs: 2, maxIterations: 10, createdAt: 'fixed' }, { neighboursElsewhere });

  it('gives the same neighbour lists, metrics and router as finding them in turn', async () => {
    const inTurn = await train();
    const shard = localShard();
    const elsewhere = await train(knnElsewhere(shard.spawn, 0));
    expect(shard.calls).toEqual([inTurn.trial.counts.testScored * inTurn.trial.counts.val]);
    expect(shard.terminated.length).toBe(1);
    expect(Array.from(elsewhere.trial.knnNeighbours!.rows)).toEqual(Array.from(inTurn.trial.knnNeighbours!.rows));
    expect(Object.keys(elsewhere.trial.methods)).toEqual(['oracle', 'zero-router', 'knn', 'uniroute-kmeans', 'uniroute-learnedmap']);
    expect(elsewhere.trial.methods).toEqual(inTurn.trial.methods);
    expect(JSON.stringify(elsewhere.router)).toBe(JSON.stringify(inTurn.router));
  });

  it('falls back to this thread when the shard fails, and finds small problems in place', async () => {
    const inTurn = await train();
    const broken = localShard(true);
    const fallback = await train(knnElsewhere(broken.spawn, 0));
    expect(broken.calls.length).toBe(1);
    expect(Array.from(fallback.trial.knnNeighbours!.rows)).toEqual(Array.from(inTurn.trial.knnNeighbours!.rows));
    const unused = localShard();
    await train(knnElsewhere(unused.spawn));
    expect(unused.calls).toEqual([]);
  });
});
