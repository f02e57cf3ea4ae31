import { describe, expect, it, vi } from 'vitest';
import { initTf } from '../tf';
import { gaussianBlobs } from './fixtures.test-util';
import { chooseKMeansEngine, kmeans, kmeansReference } from './index';

// An engine without WebAssembly SIMD (older Safari, some embedded WebViews).
vi.mock('../kernels/wasmAssembler', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../kernels/wasmAssembler')>()),
  simdSupported: () => false,
}));

describe('k-means where WebAssembly SIMD is missing', () => {
  it("'auto' falls back to tfjs without probing, and a forced 'wasm-simd' fails clearly", async () => {
    await initTf({ prefer: ['cpu'] });
    const pts = gaussianBlobs(3, 40, 4, 2, 1);
    expect(await chooseKMeansEngine(pts, 3, 'auto', { name: 'webgl', softwareRenderer: false })).toEqual({ kind: 'tfjs', probes: [] });
    const r = await kmeans(pts, { k: 3, seed: 2 });
    expect(r.engine).toBe('tfjs');
    expect(Array.from(r.assignments)).toEqual(Array.from(kmeansReference(pts, { k: 3, seed: 2 }).assignments));
    await expect(kmeans(pts, { k: 3, engine: 'wasm-simd' })).rejects.toThrow('WebAssembly SIMD is not available');
  });
});
