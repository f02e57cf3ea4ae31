/**
 * The session base reuses what training computed (the k-NN lists and the learned map's Phi of the
 * test prompts) only when it is provably the session router's: the result equals a fresh build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { generateDemoDataset } from '../demo';
import { fitRouter, type TrainedRouter } from '../routerFile/train';
import { sessionRouterFromRouter } from './fromRouter';
import type { SessionRouter } from './types';
import { buildSessionBase } from './session';
import type { Dataset } from '../types';

let dataset: Dataset;
let fitted: TrainedRouter;
let router: SessionRouter;

describe('buildSessionBase with what training computed', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    dataset = generateDemoDataset({ prompts: 300 });
    fitted = await fitRouter(dataset, { method: 'learnedmap', k: 4, epochs: 3, maxIterations: 10 });
    const sr = sessionRouterFromRouter(fitted.router, dataset);
    if (!sr.ok) throw new Error(sr.issues[0].message);
    router = sr.data;
  });

  it('takes the trial Phi of the test prompts when theta matches, and the base equals a fresh build', () => {
    const known = fitted.trial.learnedMapTestPhi!;
    expect(known).toBeDefined();
    const fresh = buildSessionBase(dataset, fitted.embeddings, fitted.setup, router);
    const reused = buildSessionBase(dataset, fitted.embeddings, fitted.setup, router, {
      knnNeighbours: fitted.trial.knnNeighbours,
      learnedMapTestPhi: known,
    });
    expect(reused.testPhi).toBe(known.probs);
    expect(Array.from(reused.testPhi!)).toEqual(Array.from(fresh.testPhi!));
    expect(Array.from(reused.gammas['uniroute-learnedmap']!)).toEqual(Array.from(fresh.gammas['uniroute-learnedmap']!));
    expect(Array.from(reused.testNeighbours)).toEqual(Array.from(fresh.testNeighbours));
  });

  it('recomputes Phi when the given theta is not the router map', () => {
    const known = fitted.trial.learnedMapTestPhi!;
    const theta = Float32Array.from(known.theta);
    theta[0] += 1;
    const base = buildSessionBase(dataset, fitted.embeddings, fitted.setup, router, { learnedMapTestPhi: { theta, probs: known.probs } });
    expect(base.testPhi).not.toBe(known.probs);
    expect(Array.from(base.testPhi!)).toEqual(Array.from(known.probs));
  });
});
