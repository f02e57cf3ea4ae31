/**
 * WebAssembly SIMD compute kernels, generated from TypeScript at run time for each problem's
 * shape: the Lloyd assignment step (lloydKernel.ts) and the learned map's matrix products
 * (learnedMapGemm.ts). Leaf modules: they know nothing of k-means or learned-map policy; cluster/
 * and routing/ drive them.
 */
export { createLloydKernel, LLOYD_CHUNK_ROWS, type LloydKernel, type LloydKernelOptions, type LloydStep } from './lloydKernel';
export type { LloydKernelShape } from './lloydWasmModule';
export { createLearnedMapGemm, type LearnedMapGemm, type LearnedMapGemmShape } from './learnedMapGemm';
export { simdSupported } from './wasmAssembler';
