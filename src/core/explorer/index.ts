/**
 * Pure session maths behind the RouteLab explorer (no React, DOM or store): the UI computes nothing itself.
 * Worker-only parts (buildSessionBase in ./session, pca2d in ./pca, umap2d in ./umap and
 * trustworthiness in ./trustworthiness) are imported from their files, so the main thread never loads
 * tfjs or umap-js.
 */
export type { AddedModel, ClusterSummary, MethodView, SessionBase, SessionPool, SessionRouter, SessionSetup, SinglePoint } from './types';
export { evaluatePool, POOL_METHODS } from './pool';
export { routeLive, type LiveRouting } from './liveRouting';
export { frontAbove } from './offFront';
export { explainPrompt, type ExplainedModel, type PromptExplanation } from './explain';
export {
  describeTarget,
  parseTargetPercent,
  penaltyForAccuracy,
  penaltyForBudget,
  penaltyForPoint,
  type PenaltyChoice,
  type TargetKind,
} from './target';
export {
  defaultPenalty,
  defaultPenaltyNote,
  penaltyRange,
  penaltyWithUnit,
  widenPenaltyRange,
  zeroPenaltyNote,
  type PenaltyDefault,
} from './penalty';
export { addedModelsFromRouter, importedPoint, setupForPool, type ImportedPoint } from './importSession';
export { formatSignificant, lambdaIntervalText } from './numberText';
export { addModelFromScores, removeAddedModel, checkSessionRouter, type NewModelInput, type AddedModelResult } from './addModel';
export { sessionRouterFromRouter, reproduceSetup } from './fromRouter';
export { curvesCsv, metricsCsv, neutraliseCell, toSafeCsv, validationPromptsCsv } from './csvExport';
export { fileHeaders } from './headers';
export { datasetSummary, type DatasetSummary } from './summary';
export { selectionSummary, promptSearchIndex, searchPrompts, NO_TASK, type SelectionSummary } from './selection';
export {
  clusterCategories,
  correctnessCategories,
  routedCategories,
  splitCategories,
  taskCategories,
  MAP_COLOURINGS,
  CORRECTNESS_LABELS,
  SPLIT_LABELS,
  type MapColouring,
  type PromptCategories,
} from './mapCategories';
export { exactKnn, nearestRows, type KnnResult } from './knn';
export { checkClusterCount, MIN_VAL_PER_CLUSTER, type ClusterCountCheck } from './clusterCount';
export { penaltyAtPoint } from './pickPoint';
