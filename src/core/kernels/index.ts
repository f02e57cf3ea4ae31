/**
 * WebAssembly SIMD compute kernels, written in AssemblyScript (assembly/) and compiled at build
 * time (scripts/build-kernels.mjs): the Lloyd assignment step (lloydKernel.ts) and the learned
 * map's matrix products (learnedMapGemm.ts). Leaf modules: they know nothing of k-means or
 * learned-map policy; cluster/ and routing/ drive them.
 */
export { createLloydKernel, LLOYD_CHUNK_ROWS, lloydLayout, type LloydKernel, type LloydStep } from './lloydKernel';
export { createLearnedMapGemm, type LearnedMapGemm, type LearnedMapGemmShape } from './learnedMapGemm';
export { simdSupported } from './wasmKernels';
