/**
 * The 'wasm-simd-elkan' Lloyd engine: the SIMD kernel with Elkan's bounds
 * (../../kernels/elkanKernel.ts) on this thread. Same assignments as 'wasm-simd' from the same
 * centroids; it skips the distances its bounds rule out, which pays once the centroids settle.
 */
import { createElkanKernel } from '../../kernels/elkanKernel';
import type { RowSource } from '../../kernels/rowSource';
import type { Matrix } from '../../types';
import type { LloydEngine } from './types';

export async function createElkanLloydEngine(points: Matrix | RowSource, k: number): Promise<LloydEngine> {
  const kernel = await createElkanKernel(points, k);
  return {
    kind: 'wasm-simd-elkan',
    n: kernel.n,
    dim: kernel.dim,
    k,
    step: async (centroids) => kernel.step(centroids),
    dispose: () => kernel.dispose(),
  };
}
