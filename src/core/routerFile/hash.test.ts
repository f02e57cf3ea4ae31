import { describe, expect, it } from 'vitest';
import type { Dataset } from '../types';
import { createFnv64, datasetHash, fnv1a64 } from './hash';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors and a Python reference', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    // python3: h = 0xcbf29ce484222325; for b in s.encode(): h = ((h ^ b) * 0x100000001b3) % 2**64
    expect(fnv1a64('héllo wörld ✓')).toBe('4aee6004cebc55b9');
  });

  it('is incremental: pieces hash like the whole', () => {
    const h = createFnv64();
    h.updateText('foo');
    h.update(new TextEncoder().encode('bar'));
    expect(h.hex()).toBe(fnv1a64('foobar'));
  });
});

function dataset(overrides: Partial<Dataset> = {}): Dataset {
  return {
    name: 'd',
    prompts: [
      { id: 'p1', text: 'one' },
      { id: 'p2', text: 'two', task: 'math' },
    ],
    models: [
      { name: 'a', cost: 1 },
      { name: 'b', cost: 2 },
    ],
    costUnit: 'usd',
    scores: Float64Array.from([1, 0, NaN, 0.5]),
    ...overrides,
  };
}

describe('datasetHash', () => {
  it('depends on the content, not on row or column order', () => {
    const base = datasetHash(dataset());
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    // Prompts and models reordered (scores permuted to match): same content, same hash.
    const shuffled = dataset({
      prompts: [
        { id: 'p2', text: 'two', task: 'math' },
        { id: 'p1', text: 'one' },
      ],
      models: [
        { name: 'b', cost: 2 },
        { name: 'a', cost: 1 },
      ],
      scores: Float64Array.from([0.5, NaN, 0, 1]),
    });
    expect(datasetHash(shuffled)).toBe(base);
    expect(datasetHash(dataset({ name: 'other name' }))).toBe(base);
    // Any change of content changes it.
    expect(datasetHash(dataset({ scores: Float64Array.from([1, 0, 0, 0.5]) }))).not.toBe(base);
    expect(datasetHash(dataset({ costUnit: 'params' }))).not.toBe(base);
    expect(
      datasetHash(
        dataset({
          models: [
            { name: 'a', cost: 1 },
            { name: 'b', cost: 3 },
          ],
        }),
      ),
    ).not.toBe(base);
    const withEmb = datasetHash(dataset({ embeddings: { rows: 2, cols: 1, data: Float32Array.from([0.5, 1]) } }));
    expect(withEmb).not.toBe(base);
    expect(datasetHash(dataset({ embeddings: { rows: 2, cols: 1, data: Float32Array.from([0.5, 1.5]) } }))).not.toBe(withEmb);
  });
});
