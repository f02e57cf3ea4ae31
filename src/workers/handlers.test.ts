import { describe, expect, it } from 'vitest';
import { DEMO_TEST_POOL, generateDemoDataset } from '../core/demo';
import { splitModels, splitPrompts } from '../core/eval';
import { createRng } from '../core/rng';
import { DEFAULT_SETTINGS } from '../state/slices';
import { trainingSetup } from './handlers';

const demo = generateDemoDataset({ prompts: 110 });
const names = (idx: number[]) => idx.map((h) => demo.models[h].name);

describe('trainingSetup: the test pool', () => {
  it('on the demo with none ticked: the fixed DEMO_TEST_POOL, with the seeded prompt split', () => {
    const setup = trainingSetup(demo, { ...DEFAULT_SETTINGS, seed: 4 });
    expect(names(setup.testModels).sort()).toEqual([...DEMO_TEST_POOL].sort());
    expect(setup.trainModels.length + setup.testModels.length).toBe(demo.models.length);
    expect(setup.split).toEqual(splitPrompts(110, createRng(4)));
    expect(setup.seed).toBe(4);
  });

  it('on other data with none ticked: the seeded third, the same draw as routelab train --seed N', () => {
    const other = { ...demo, name: 'my benchmark' };
    const setup = trainingSetup(other, { ...DEFAULT_SETTINGS, seed: 4 });
    const rng = createRng(4);
    const split = splitPrompts(110, rng);
    expect(setup).toEqual({ split, ...splitModels(demo.models.length, rng), seed: 4 });
  });

  it('ticked LLMs win on any dataset; unknown names are refused', () => {
    const setup = trainingSetup(demo, { ...DEFAULT_SETTINGS, testModels: ['sage-70b', 'pico-chat'] });
    expect(names(setup.testModels)).toEqual(['pico-chat', 'sage-70b']);
    expect(() => trainingSetup(demo, { ...DEFAULT_SETTINGS, testModels: ['nope'] })).toThrow(
      'the test pool names LLMs the dataset does not have: nope',
    );
  });
});
