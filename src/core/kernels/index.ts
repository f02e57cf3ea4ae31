/**
 * WebAssembly SIMD compute kernels, written in AssemblyScript (assembly/) and compiled at build
 * time (scripts/build-kernels.mjs): the Lloyd assignment step, plain (lloydKernel.ts) and with
 * Elkan's bounds (elkanKernel.ts), the learned map's mini-batch step (learnedMapKernel.ts), the
 * k-NN shortlist's scores (knnKernel.ts) and k-means++ seeding's D(x)^2 (seedingKernel.ts).
 * Leaf modules: they know nothing of k-means or learned-map policy; cluster/ and routing/ drive them.
 */
export { createElkanKernel, type ElkanKernel } from './elkanKernel';
export { createLloydKernel, LLOYD_CHUNK_ROWS, lloydLayout, type LloydKernel, type LloydStep } from './lloydKernel';
export { createLearnedMapKernel, type LearnedMapKernel, type LearnedMapKernelShape } from './learnedMapKernel';
export { allRows, asRowSource, matrixRows, type RowSource } from './rowSource';
export { simdSupported } from './wasmKernels';
