/**
 * The portable UniRoute router: load (parseRouter), route (routePrompts: the one routing decision),
 * add or remove an LLM, write the explorer's operating point (exportOperatingPoint), save
 * (serializeRouter). Plain TypeScript only: nothing reachable from here imports tfjs, so this
 * entry runs in a Node service or an edge function. Training lives in ./train (it needs tfjs).
 */
export * from './schema';
export { parseRouter, parseRouterJson } from './parse';
export { serializeRouter, routerToJson, shortestFloat32 } from './serialize';
export {
  routePrompts,
  predictedErrors,
  clusterOf,
  clusterProbs,
  embedInput,
  routedModels,
  type RouteInput,
  type RouteOptions,
  type RouteDecision,
  type ModelScore,
} from './route';
export { addModel, removeModel, type NewModel } from './models';
export { parseScoresCsv, type ScoresFile } from './scores';
export { datasetHash, fnv1a64, createFnv64 } from './hash';
export { exportRouter, type ExportOptions } from './export';
export { routeResponse, type RouteResponse, type DecisionJson } from './response';
export { exportOperatingPoint, methodNameOf, routerMethodOf, type OperatingPoint } from './operatingPoint';
