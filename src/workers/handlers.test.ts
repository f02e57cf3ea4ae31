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
    let embeddedFirst = false;
    const handle = createHandler({
      post: (m) => posted.push(m),
      thread: 'main',
      warmShards: () => {
        warmed++;
        // After the embedding (two threads) is done, not while it runs.
        embeddedFirst = posted.some((m) => JSON.stringify(m).includes('"stage":"embed"'));
        void handle({ id: 9, type: 'cancel' }); // the test needs only the call
        throw new Error('no workers here'); // a pool that cannot start does not fail the training
      },
    });
    await handle({ id: 1, type: 'setDataset', dataset: generateDemoDataset({ prompts: 4096, seed: 1 }) });
    await handle({ id: 2, type: 'train', settings });
    expect(warmed).toBe(1);
    expect(embeddedFirst).toBe(true);
    expect(JSON.stringify(posted.filter((m) => 'id' in m && m.id === 2).at(-1))).not.toContain('no workers here');
    await handle({ id: 3, type: 'setDataset', dataset: generateDemoDataset({ prompts: 400, seed: 1 }) });
    await handle({ id: 4, type: 'train', settings });
    expect(posted.at(-1)).toMatchObject({ id: 4, type: 'result' });
    expect(warmed).toBe(1);
  }, 60_000);
});
