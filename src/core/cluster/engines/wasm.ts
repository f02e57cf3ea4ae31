/**
 * The 'wasm-simd' Lloyd engine: the SIMD kernel (../../kernels/lloydKernel.ts) on this thread.
 */
import { createLloydKernel } from '../../kernels/lloydKernel';
import type { RowSource } from '../../kernels/rowSource';
import type { Matrix } from '../../types';
import type { LloydEngine } from './types';

export async function createWasmLloydEngine(points: Matrix | RowSource, k: number): Promise<LloydEngine> {
  const kernel = await createLloydKernel(points, k);
  return {
    kind: 'wasm-simd',
    n: kernel.n,
    dim: kernel.dim,
    k,
    step: async (centroids) => kernel.step(centroids),
    dispose: () => kernel.dispose(),
  };
}
