import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { createRng } from '../rng';
import type { ClusterMapInput } from './clusterMap';
import { trainClusterMap } from './clusterMapTrain';

// An engine without WebAssembly SIMD (older Safari, some embedded WebViews).
vi.mock('../kernels/wasmKernels', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../kernels/wasmKernels')>()),
  simdSupported: () => false,
}));

/** 40 train / 20 val prompts in 3-d, 2 LLMs, 2 clusters: just enough to run two epochs. */
function tinyInput(): ClusterMapInput {
  const rng = createRng(1);
  const matrix = (rows: number) => ({ rows, cols: 3, data: Float32Array.from({ length: rows * 3 }, () => rng.normal()) });
  const errors = (rows: number) => Float64Array.from({ length: rows * 2 }, () => (rng.next() < 0.4 ? 1 : 0));
  return {
    trainX: matrix(40),
    trainErrors: errors(40),
    valX: matrix(20),
    valErrors: errors(20),
    psi: Float64Array.from([0.2, 0.6, 0.7, 0.3]),
    centroids: { rows: 2, cols: 3, data: Float32Array.from([1, 0, 0, -1, 0, 0]) },
  };
}

describe('learned map where WebAssembly SIMD is missing', () => {
  it("'auto' trains with tfjs, and a forced 'wasm-simd' fails clearly without leaking", async () => {
    await tf.setBackend('cpu');
    const input = tinyInput();
    const before = tf.memory().numTensors;
    const r = await trainClusterMap(input, { epochs: 2, batchSize: 16 });
    expect(r.engine).toBe('tfjs');
    expect(r.history).toHaveLength(3);
    await expect(trainClusterMap(input, { engine: 'wasm-simd' })).rejects.toThrow('WebAssembly SIMD is not available');
    expect(tf.memory().numTensors).toBe(before);
  });
});
