/**
 * Pure session maths behind the RouteLab explorer (no React, DOM or store): the UI computes nothing itself.
 * Worker-only parts (buildSessionBase in ./session, pca2d in ./pca) are imported from their files, so the
 * main thread never loads tfjs.
 */
export type { AddedModel, ClusterSummary, MethodView, SessionBase, SessionPool, SessionRouter, SessionSetup, SinglePoint } from './types';
export { evaluatePool, POOL_METHODS } from './pool';
export { routeLive, type LiveRouting } from './liveRouting';
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
export { checkClusterCount, MIN_VAL_PER_CLUSTER, type ClusterCountCheck } from './clusterCount';
export { penaltyAtPoint } from './pickPoint';
