/**
 * The JSON answer of a routing request: what `routelab route --json` prints, `routelab serve`
 * answers on POST /route and the `routelab/router` module returns. One builder, so the three agree.
 */
import { routePrompts, type ModelScore, type RouteInput, type RouteOptions } from './route';
import type { Router, RouterMethod } from './schema';

/** One prompt's decision as JSON: the chosen LLM and every LLM routed among, in router order. */
export interface DecisionJson {
  /** The prompt's id, when the input gave ids (a prompts file). */
  promptId?: string;
  chosen: string;
  cluster: number;
  models: ModelScore[];
}

export interface RouteResponse {
  /** The lambda used: the file's operating point unless overridden. */
  costPenalty: number;
  method: RouterMethod;
  /** Unit of every cost (and of lambda's inverse): the file's costUnit. */
  costUnit: string;
  /** True when every LLM of the file was routed among, false for the routing pool. */
  allModels: boolean;
  decisions: DecisionJson[];
}

/** Routes `input` with routePrompts and shapes the answer; `promptIds` (one per prompt) label the decisions. */
export function routeResponse(router: Router, input: RouteInput, options: RouteOptions = {}, promptIds?: readonly string[]): RouteResponse {
  const costPenalty = options.costPenalty ?? router.costPenalty;
  const decisions = routePrompts(router, input, { costPenalty, allModels: options.allModels });
  if (promptIds && promptIds.length !== decisions.length) throw new Error(`${promptIds.length} prompt ids for ${decisions.length} prompts`);
  return {
    costPenalty,
    method: router.method,
    costUnit: router.costUnit,
    allModels: options.allModels === true,
    decisions: decisions.map((d, i) => ({
      ...(promptIds ? { promptId: promptIds[i] } : {}),
      chosen: d.chosen,
      cluster: d.cluster,
      models: d.perModel,
    })),
  };
}
