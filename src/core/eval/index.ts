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
  extendSweep,
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
export { accuracyAt, integrateFront, paretoFront, upperConcaveHull, type CurvePoint } from './curve';
export {
  curveMetrics,
  singleModelPoints,
  zeroRouterCurve,
  zeroRouterHull,
  zeroRouterValAccuracy,
  type CurveMetrics,
  type CurveMetricsOptions,
  type ZeroRouterHull,
} from './metrics';
export { mostAccurateModel, poolMetricOptions } from './poolMetrics';
export {
  bootstrap,
  bootstrapSteps,
  bootstrapSync,
  BOOTSTRAP_METRICS,
  DEFAULT_BAND_GRID,
  DEFAULT_RESAMPLES,
  type BootstrapDraws,
  type BootstrapEvidence,
  type BootstrapMetric,
  type BootstrapOptions,
  type MethodDraws,
} from './bootstrap';
export {
  percentileInterval,
  quantileSorted,
  summariseBootstrap,
  TIE_TOLERANCE,
  type BootstrapSummary,
  type Comparison,
  type Interval,
  type MethodUncertainty,
  type ReachInterval,
  type Verdict,
} from './bootstrapSummary';
export { weightedFront, weightedReplay, type WeightedReplay } from './bootstrapReplay';
export {
  METHOD_LABELS,
  METHOD_NAMES,
  QNC_DENOMINATORS,
  isMethodName,
  type MethodName,
  type MethodResult,
  type QncDenominator,
} from './methods';
export {
  applySplitFile,
  DEFAULT_SPLIT_FRACTIONS,
  splitModels,
  splitPrompts,
  splitSizes,
  type PromptSplit,
  type SplitFile,
  type SplitFractions,
  type SplitIndices,
  type TrialSetup,
} from './split';
export { fullyScoredRows, pick, selectBlock, selectRows } from './select';
