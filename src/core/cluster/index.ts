/**
 * K-means for UniRoute: centroids mu_1..mu_K on phi(S_tr), k-means++ seeding from a seeded Rng,
 * Lloyd steps in tfjs (kmeans, kmeansSteps) and the plain-TS reference (kmeansReference,
 * assignNearest). Stopping rule and result semantics: options.ts.
 */
export { kmeansPlusPlus } from './initialization';
export { kmeans, kmeansSteps, type KMeansRunOptions } from './lloyd';
export type { KMeansIteration, KMeansOptions, KMeansResult } from './options';
export { assignNearest, kmeansReference } from './reference';
