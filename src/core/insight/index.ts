/**
 * "Trust the numbers": plain-TypeScript analyses over an evaluation or a saved router, for the main
 * thread, the worker and the CLI alike. The onboarding simulator trains a router (tfjs), so it is
 * imported from ./onboard by the worker and the CLI only; the bootstrap lives in src/core/eval.
 */
export { routingPays, COLLAPSE_THRESHOLD, type PayingOptions, type RoutedCounts, type RoutingPays } from './paying';
export { shiftPreview, MIN_VALIDATION, type ShiftPrediction, type ShiftPreview } from './shift';
export { parsePromptList, type PromptList } from './promptList';
export { poolEvidence } from './fromPool';
