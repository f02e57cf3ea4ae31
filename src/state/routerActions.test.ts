import { describe, expect, it } from 'vitest';
import type { AppState } from './slices';
import { operatingPointOf } from './routerActions';

/** The parts of AppState the operating point reads. */
function state(method: string, embedder: 'external' | 'builtin-hashed-tfidf'): AppState {
  const data = Float32Array.from({ length: 10 * 2 }, (_, i) => i);
  return {
    data: {
      dataset: { name: 'tiny', costUnit: 'usd', embeddings: { rows: 10, cols: 2, data } },
      dataHash: '0123456789abcdef',
    },
    session: {
      router: { embedder: { kind: embedder } },
      pool: { names: ['a', 'b'] },
      base: { valRows: Int32Array.from([2, 5]) },
    },
    routing: { costPenalty: 0.25, method },
  } as unknown as AppState;
}

describe('the operating point the Routing view shows', () => {
  it('is lambda, the pool, the method shown, the unit and the dataset identity', () => {
    expect(operatingPointOf(state('uniroute-kmeans', 'external'))).toEqual({
      costPenalty: 0.25,
      pool: ['a', 'b'],
      method: 'uniroute-kmeans',
      costUnit: 'usd',
      dataset: { name: 'tiny', hash: '0123456789abcdef' },
    });
  });

  it("carries the validation prompts' vectors for K-NN on uploaded embeddings (the rows of S_val)", () => {
    const point = operatingPointOf(state('knn', 'external'))!;
    expect(point.validationEmbeddings).toEqual({ rows: 2, cols: 2, data: Float32Array.from([4, 5, 10, 11]) });
    expect(operatingPointOf(state('knn', 'builtin-hashed-tfidf'))!.validationEmbeddings).toBeUndefined();
  });

  it('is null before a session', () => {
    expect(
      operatingPointOf({ ...state('knn', 'external'), session: { router: null, pool: null, base: null } } as unknown as AppState),
    ).toBeNull();
  });
});
