import { describe, expect, it } from 'vitest';
import type { Matrix } from '../types';
import { knnGamma, knnNeighbours } from '../routing/gamma';
import { knnGammaFromNeighbours } from '../routing/knn';
import { chooseKnnK, validationArea } from './chooseK';

const column = (values: number[]): Matrix => ({ rows: values.length, cols: 1, data: Float32Array.from(values) });

describe('chooseKnnK', () => {
  // Training prompts at 0, 1, 10, 11; validation prompts at 0.5 and 10.5. LLMs: cheap (cost 1) and
  // pricey (cost 4). Pricey has no training score near 0, so for the first validation prompt (its
  // two nearest neighbours) K-NN falls back to pricey's mean error over the scored refs: 0.
  // Errors (cheap, pricey): train [.4, N] [.4, N] [0, 0] [0, 0]; validation [1, 0] [0, 0].
  const trainX = column([0, 1, 10, 11]);
  const valX = column([0.5, 10.5]);
  const N = NaN;
  const trainErrors = Float64Array.from([0.4, N, 0.4, N, 0, 0, 0, 0]);
  const valErrors = Float64Array.from([1, 0, 0, 0]);
  const costs = [1, 4];
  const input = { trainX, trainErrors, valX, valErrors, costs, grid: [1, 2, 4] };

  it("scores every k with the K-NN router's own gamma (knnGamma, fallback included)", () => {
    const chosen = chooseKnnK(input);
    expect(chosen.scores.map((s) => s.value)).toEqual([1, 2, 4]);
    for (const { value, area } of chosen.scores)
      expect(area).toBe(validationArea(knnGamma(valX, trainX, trainErrors, 2, value), valErrors, 2, costs));
    // k = 2: the first prompt goes to pricey (0 < 0.4) until lambda = 0.4 / 3, then to cheap (wrong):
    // front (0.25, 0.5), (0.625, 1); Area = 0.125 + 0.375 x 0.75 + 0.375 = 0.78125.
    expect(chosen.scores[1].area).toBeCloseTo(0.78125, 12);
    // A fixed 0.5 for the unscored cells would send it to cheap at once: one point (0.25, 0.5), Area 0.5.
    const half = knnGammaFromNeighbours(knnNeighbours(valX, trainX, 2), 2, 2, trainErrors, 2, [0.5, 0.5]);
    expect(validationArea(half, valErrors, 2, costs)).toBeCloseTo(0.5, 12);
  });
});
