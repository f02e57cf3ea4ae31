/**
 * `routelab/router`: the package entry for services. Load a router file the explorer or
 * `routelab train` wrote, and route prompts with it: the same decision as `routelab route` and
 * `routelab serve`, in plain JavaScript (no tfjs, no DOM, no Node built-ins), so it runs in a Node
 * service, a worker or an edge function. Built to dist/router by scripts/build-router.mjs.
 */
import type { DataIssue, Matrix } from '../types';
import { parseRouter, parseRouterJson } from './parse';
import { routeResponse, type DecisionJson } from './response';
import type { RouteInput, RouteOptions } from './route';
import type { Router } from './schema';

/** A router file that was refused: every problem, each naming the file and the JSON path. */
export class RouterFileError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    super(issues.map((i) => `${i.file}: ${i.message}`).join('\n'));
    this.name = 'RouterFileError';
    this.issues = issues;
  }
}

/**
 * A router from its file's text (or the parsed JSON), validated: throws RouterFileError listing
 * every problem. Parse it once and reuse it: routing does not change it.
 */
export function loadRouter(source: string | object, file = 'router.json'): Router {
  const res = typeof source === 'string' ? parseRouter(source, file) : parseRouterJson(source, file);
  if (!res.ok) throw new RouterFileError(res.issues);
  return res.data;
}

/** Prompts as vectors, for routers trained on external embeddings: one row per prompt. */
export interface EmbeddingsInput {
  embeddings: readonly (readonly number[])[] | Matrix;
}

function inputOf(prompts: string | readonly string[] | EmbeddingsInput): RouteInput {
  if (typeof prompts === 'string') return { texts: [prompts] };
  if (Array.isArray(prompts)) {
    const bad = prompts.findIndex((p) => typeof p !== 'string');
    if (bad >= 0) throw new TypeError(`prompt ${bad} is not a string`);
    return { texts: [...(prompts as readonly string[])] };
  }
  const e = (prompts as EmbeddingsInput).embeddings;
  if (!Array.isArray(e)) return { embeddings: e as Matrix };
  const rows = e as readonly (readonly number[])[];
  const cols = rows[0]?.length ?? 0;
  const data = new Float32Array(rows.length * cols);
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== cols) throw new TypeError(`embedding ${r} does not have ${cols} numbers`);
    data.set(row, r * cols);
  });
  return { embeddings: { rows: rows.length, cols, data } };
}

/**
 * The LLM to call for a prompt: argmin over the file's routing pool of predicted error + lambda * cost,
 * at the file's lambda unless `options.costPenalty` is given (`allModels`: every LLM of the file).
 * One prompt gives one decision, an array (or embeddings) one decision per prompt, in order.
 */
export function route(router: Router, prompt: string, options?: RouteOptions): DecisionJson;
export function route(router: Router, prompts: readonly string[] | EmbeddingsInput, options?: RouteOptions): DecisionJson[];
export function route(
  router: Router,
  prompts: string | readonly string[] | EmbeddingsInput,
  options: RouteOptions = {},
): DecisionJson | DecisionJson[] {
  const { decisions } = routeResponse(router, inputOf(prompts), options);
  return typeof prompts === 'string' ? decisions[0] : decisions;
}

export { routeResponse, type DecisionJson, type RouteResponse } from './response';
export { serializeRouter } from './serialize';
export { addModel, removeModel, type NewModel } from './models';
export type { ModelScore, RouteOptions } from './route';
export type { AddedRecord, Router, RouterMethod, RouterModel, RouterProvenance, ValidationPrompt } from './schema';
export type { DataIssue, Matrix, Result } from '../types';
