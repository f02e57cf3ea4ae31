/**
 * The router file as the operating point a user chose in the explorer: the Routing view's cost
 * penalty lambda, its routing pool (the unseen test pool plus added LLMs) and its method, written
 * into the session's router so `routelab route`, the `routelab/router` module and `routelab serve`
 * choose what the Routing view chose. Added LLMs carry their own record (addModel writes it).
 */
import type { MethodName } from '../eval';
import type { Matrix, Result } from '../types';
import { parseRouter } from './parse';
import type { Router, RouterMethod } from './schema';
import { serializeRouter } from './serialize';

/** The explorer's method name of each router-file method, and back. */
const NAME_OF: Record<RouterMethod, MethodName> = {
  kmeans: 'uniroute-kmeans',
  learnedmap: 'uniroute-learnedmap',
  knn: 'knn',
  'zero-router': 'zero-router',
};

export function methodNameOf(method: RouterMethod): MethodName {
  return NAME_OF[method];
}

/** The router-file method of an explorer method (either spelling), or null for the oracle (not a router). */
export function routerMethodOf(method: MethodName | RouterMethod): RouterMethod | null {
  if (method in NAME_OF) return method as RouterMethod;
  const found = (Object.keys(NAME_OF) as RouterMethod[]).find((m) => NAME_OF[m] === method);
  return found ?? null;
}

/** What the Routing view shows, to be written into the file. */
export interface OperatingPoint {
  /** lambda on the slider, in `costUnit` (finite, >= 0). */
  costPenalty: number;
  /** Names of the LLMs the Routing view routes among (SessionPool.names: test pool, then added LLMs). */
  pool: readonly string[];
  /** The method the Routing view shows ('oracle' is refused: it is not a router). */
  method: MethodName | RouterMethod;
  /** The unit lambda and the costs are in (the dataset's costUnit): must be the router's. */
  costUnit: string;
  /** Identity of the loaded dataset: its content hash must be the router's provenance.dataHash. */
  dataset: { name: string; hash: string };
  /** phi of the validation prompts in S_val order: needed for K-NN with an external embedder. */
  validationEmbeddings?: Matrix;
}

/** The session's router at `point`, and its file text (validated by reading it back), or why it cannot be written. */
export function exportOperatingPoint(router: Router, point: OperatingPoint): Result<{ router: Router; text: string }> {
  const refuse = (message: string): Result<{ router: Router; text: string }> => ({
    ok: false,
    issues: [{ file: 'router.json', message }],
  });
  const method = routerMethodOf(point.method);
  if (method === null)
    return refuse(
      `the ${point.method} is not a router (it needs each prompt's true labels): choose UniRoute, K-NN or ZeroRouter to export`,
    );
  if (method === 'learnedmap' && !router.clusterMap)
    return refuse('this router has no learned map (it was trained with K-means): train with the learned map to export it');
  const { costPenalty } = point;
  if (!Number.isFinite(costPenalty) || costPenalty < 0) return refuse(`the cost penalty must be a finite number >= 0, got ${costPenalty}`);
  if (point.costUnit !== router.costUnit)
    return refuse(`the cost penalty is in "${point.costUnit}" but the router's costs are in "${router.costUnit}"`);
  if (point.dataset.hash !== router.provenance.dataHash)
    return refuse(
      `the router was trained on other data ("${router.provenance.dataset}", hash ${router.provenance.dataHash}), ` +
        `not on the loaded "${point.dataset.name}" (hash ${point.dataset.hash})`,
    );
  const names = new Set(router.models.map((h) => h.name));
  const unknown = point.pool.filter((n) => !names.has(n));
  if (unknown.length > 0) return refuse(`the pool names LLMs the router does not have: ${unknown.map((n) => `"${n}"`).join(', ')}`);
  if (point.pool.length === 0) return refuse('the routing pool is empty');
  const inPool = new Set(point.pool);
  const pool = router.models.filter((h) => inPool.has(h.name)).map((h) => h.name);

  let validationEmbeddings = router.validationEmbeddings;
  if (method === 'knn') {
    const missing = router.models.filter((h) => inPool.has(h.name) && !h.validationScores).map((h) => `"${h.name}"`);
    if (missing.length > 0)
      return refuse(`K-NN needs the validation scores of every pool LLM, and this router has none for ${missing.join(', ')}`);
    if (router.embedder.kind === 'external') {
      validationEmbeddings = point.validationEmbeddings ?? validationEmbeddings;
      if (!validationEmbeddings)
        return refuse("K-NN with external embeddings needs the validation prompts' vectors (validationEmbeddings)");
    }
  }
  // A router object kept by a session from before version 2 lacks the version-2 fields: read it as a version-1 file is read.
  const models = router.models.map((h) => ({
    ...h,
    validationScores: h.validationScores ?? null,
    added: h.added ?? (h.addedAfterTraining ? { how: 'validation-only' as const, scoresFile: '', testScores: {} } : null),
  }));
  const out: Router = { ...router, models, method, costPenalty, pool, validationEmbeddings: validationEmbeddings ?? null };
  const text = serializeRouter(out);
  // What the file will say on load: a router the other tools refuse is never handed out.
  const back = parseRouter(text, 'router.json');
  if (!back.ok) return back;
  return { ok: true, data: { router: back.data, text }, warnings: [] };
}
