import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../core/defaults';
import { generateDemoDataset } from '../core/demo';
import { createHandler } from './handlers';
import type { TrainSettings, WorkerResponse } from './protocol';

const settings: TrainSettings = {
  k: 4,
  seed: 1,
  method: 'kmeans',
  testModels: [],
  fractions: DEFAULTS.fractions,
  epochs: 1,
  maxIterations: 5,
};

describe('the training handler', () => {
  it('starts the k-means shard workers when a dataset large enough to split k-means starts training, not for a small one', async () => {
    const posted: WorkerResponse[] = [];
    let warmed = 0;
    const handle = createHandler({
      post: (m) => posted.push(m),
      thread: 'main',
      warmShards: () => {
        warmed++;
        throw new Error('stop here'); // the test needs only the call
      },
    });
    await handle({ id: 1, type: 'setDataset', dataset: generateDemoDataset({ prompts: 4096, seed: 1 }) });
    await handle({ id: 2, type: 'train', settings });
    expect(warmed).toBe(1);
    expect(JSON.stringify(posted.at(-1))).toContain('stop here');
    await handle({ id: 3, type: 'setDataset', dataset: generateDemoDataset({ prompts: 400, seed: 1 }) });
    await handle({ id: 4, type: 'train', settings });
    expect(posted.at(-1)).toMatchObject({ id: 4, type: 'result' });
    expect(warmed).toBe(1);
  }, 60_000);
});
