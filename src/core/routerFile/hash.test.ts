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

  it('equals a BigInt reference on ASCII, non-ASCII and mixed text, whole or in pieces', () => {
    const reference = (bytes: Uint8Array): string => {
      let h = 0xcbf29ce484222325n;
      for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) % 2n ** 64n;
      return h.toString(16).padStart(16, '0');
    };
    const texts = ['plain ascii '.repeat(50), 'ünïcödé first', 'ascii then ✓ then ascii', '😀 astral', '\u007f\u0080 edges', ''];
    for (const t of texts) expect(fnv1a64(t)).toBe(reference(new TextEncoder().encode(t)));
    const h = createFnv64();
    for (const t of texts) h.updateText(t);
    expect(h.hex()).toBe(reference(new TextEncoder().encode(texts.join(''))));
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

describe('datasetHash canonical content', () => {
  it('hashes exactly the documented lines: models, cost unit, then JSON.stringify([id, text, task, ...scores]) per prompt', () => {
    const d = dataset({
      prompts: [
        { id: 'q"2', text: 'naïve "quoted" \\ text\nwith a newline ✓', task: '' },
        { id: 'q1', text: 'plain', task: undefined },
        { id: 'q3', text: '😀', task: 'math' },
      ],
      scores: Float64Array.from([0.25, -0, NaN, 1, 0, 1e-7]),
    });
    const lines = [
      JSON.stringify(['a', 1]),
      JSON.stringify(['b', 2]),
      JSON.stringify(['costUnit', 'usd']),
      JSON.stringify(['q"2', 'naïve "quoted" \\ text\nwith a newline ✓', '', 0.25, -0]),
      JSON.stringify(['q1', 'plain', null, null, 1]),
      JSON.stringify(['q3', '😀', 'math', 0, 1e-7]),
    ];
    expect(datasetHash(d)).toBe(fnv1a64(lines.map((l) => l + '\n').join('')));
  });
});
