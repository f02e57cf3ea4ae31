/**
 * K-means for UniRoute: centroids mu_1..mu_K on phi(S_tr), k-means++ seeding from a seeded Rng,
 * Lloyd steps on the fastest engine (kmeans: wasm SIMD kernel, tfjs or plain TS; kmeansSteps:
 * tfjs) and the plain-TS reference (kmeansReference, assignNearest). Stopping rule and result
 * semantics: options.ts; engine choice: engine.ts.
 */
export { chooseKMeansEngine, KMEANS_ENGINES, type KMeansEngineChoice, type TfBackendHint } from './engine';
export { kmeansPlusPlus } from './initialization';
export { kmeans, kmeansSteps, type KMeansRunOptions, type KMeansRunResult } from './lloyd';
export type { KMeansEngineKind, KMeansIteration, KMeansOptions, KMeansResult } from './options';
export { assignNearest, kmeansReference } from './reference';
