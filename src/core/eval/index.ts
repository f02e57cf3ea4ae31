/**
 * The public face of src/core/eval for every module outside it (ESLint enforces it): splits, the
 * exact deferral sweep, curves and their metrics. Plain TypeScript that never reaches tfjs, so the
 * main thread, the views and the portable router may import it. The training pipeline (trials,
 * `evaluate`, K selection: they run k-means, hence tfjs) is eval's other face, ./pipeline.
 */
export {
  buildSweep,
  choiceAt,
  deferralCurve,
  pointAt,
  replayAt,
  replayIndex,
  sweepCurve,
  sweepPoints,
  type DeferralSweep,
  type SweepGroups,
  type SweepReplay,
} from './sweep';
export { asBlocks, blockAt, blockRow, type ColumnBlocks } from './blocks';
export { paretoFront, type CurvePoint } from './curve';
export { curveMetrics, singleModelPoints, zeroRouterCurve, zeroRouterValAccuracy, type CurveMetrics } from './metrics';
export { poolMetricOptions } from './poolMetrics';
export { METHOD_LABELS, METHOD_NAMES, isMethodName, type MethodName, type QncDenominator } from './methods';
export { applySplitFile, splitModels, splitPrompts, splitSizes, type PromptSplit, type SplitFractions, type TrialSetup } from './split';
export { fullyScoredRows, pick, selectBlock, selectRows } from './select';
