/**
 * The training pipeline's face of src/core/eval (the other is ./index): one evaluation trial of
 * UNIROUTE.md (split, k-means, Psi, every method's curve), seeded trials averaged (`evaluate`),
 * and the choice of K and k. It runs k-means and the learned-map trainer, so it reaches tfjs: the
 * worker, the CLI and router training import it, never the main thread.
 */
export {
  runTrial,
  trialOptions,
  trialSetup,
  type FittedRouter,
  type NeighboursElsewhere,
  type PipelineSettings,
  type ResolvedSplit,
  type TrialOptions,
  type TrialResult,
  type TrialSetup,
} from './trial';
export { datasetEmbeddings, evaluate, type EvalReport, type EvaluateOptions, type MethodReport } from './evaluate';
export { cappedGrid, chooseK, chooseKnnK, DEFAULT_K_GRID, DEFAULT_KNN_K_GRID, type Selection, type SelectionInput } from './chooseK';
