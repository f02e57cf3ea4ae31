/**
 * The portable UniRoute router: load (parseRouter), route (routePrompts), add or remove an LLM,
 * save (serializeRouter). Plain TypeScript only: nothing reachable from here imports tfjs, so this
 * entry runs in a Node service or an edge function. Training lives in ./train (it needs tfjs).
 */
export * from './schema';
export { parseRouter } from './parse';
export { serializeRouter, routerToJson, shortestFloat32 } from './serialize';
export {
  routePrompts,
  predictedErrors,
  clusterOf,
  clusterProbs,
  embedInput,
  type RouteInput,
  type RouteDecision,
  type ModelScore,
} from './route';
export { addModel, removeModel, type NewModel } from './models';
export { parseScoresCsv, type ScoresFile } from './scores';
export { datasetHash, fnv1a64, createFnv64 } from './hash';
export { exportRouter, type ExportOptions } from './export';
