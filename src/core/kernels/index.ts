/**
 * Fast kernels for UniRoute training (issue 5): Lloyd engines for k-means (centroids mu) and the
 * learned cluster map Phi's training kernel, both in generated WebAssembly SIMD with tfjs / plain
 * TypeScript fallbacks. Measured against scikit-learn and numpy by `npm run bench`. The app reaches
 * them through cluster/ kmeans (option engine) and routing/ trainClusterMap (option engine).
 */
export type { LloydEngine, LloydEngineKind, LloydStep } from './lloydTypes';
export { centroidsFromStep } from './lloydTypes';
export {
  buildLloydEngine,
  createLloydEngine,
  defaultCandidates,
  probeLloydEngines,
  type LloydEngineChoice,
  type LloydEngineOptions,
  type LloydProbe,
} from './lloydEngine';
export {
  centrePoints,
  kmeansOnEngine,
  lloydOnEngine,
  type EngineKMeansOptions,
  type EngineKMeansResult,
  type LloydLoopOptions,
} from './lloydRun';
export type { WasmLloydOptions } from './lloydWasm';
export { createParallelLloydEngine, type LloydShardPort, type ParallelLloydOptions, type SpawnLloydShard } from './lloydParallel';
export { createLloydShardHandler, type LloydShardReply, type LloydShardRequest } from './lloydShard';
export type { LloydKernelShape } from './lloydWasmModule';
export { createLearnedMapKernel, type LearnedMapKernel, type LearnedMapKernelOptions, type LearnedMapProblem } from './learnedMapKernel';
export { simdSupported } from './wasmAssembler';
