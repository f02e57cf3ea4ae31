import { describe, expect, it, vi } from 'vitest';
import { initTf } from '../tf';
import { gaussianBlobs } from './fixtures.test-util';
import { autoOrder, kmeans } from './index';
import { kmeansReference } from './reference.test-util';

// An engine without WebAssembly SIMD (older Safari, some embedded WebViews).
vi.mock('../kernels/wasmKernels', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../kernels/wasmKernels')>()),
  simdSupported: () => false,
}));

describe('k-means where WebAssembly SIMD is missing', () => {
  it("'auto' runs tfjs on wasm or a GPU and plain TS otherwise; a forced 'wasm-simd' fails clearly", async () => {
    const shape = { n: 1e6, dim: 256, k: 64 };
    const spawnShard = () => {
      throw new Error('not called');
    };
    expect(autoOrder(shape, { tfBackend: { name: 'wasm', softwareRenderer: false }, spawnShard, cores: 4 })).toEqual({
      order: ['tfjs', 'ts'],
      gpu: false,
    });
    expect(autoOrder(shape, { tfBackend: { name: 'webgl', softwareRenderer: false } })).toEqual({ order: ['tfjs', 'ts'], gpu: false });
    expect(autoOrder(shape, { tfBackend: { name: 'cpu', softwareRenderer: false } }).order).toEqual(['ts']);
    await initTf({ prefer: ['wasm'] });
    const pts = gaussianBlobs(3, 40, 4, 2, 1);
    const r = await kmeans(pts, { k: 3, seed: 2 });
    expect(r.engine).toBe('tfjs');
    expect(r.fallbacks).toEqual([]);
    expect(Array.from(r.assignments)).toEqual(Array.from(kmeansReference(pts, { k: 3, seed: 2 }).assignments));
    await expect(kmeans(pts, { k: 3, engine: 'wasm-simd' })).rejects.toThrow(
      "the 'wasm-simd' k-means engine failed: WebAssembly SIMD is not available in this engine",
    );
  });
});
