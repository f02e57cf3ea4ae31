/**
 * JSON text -> Router, validating everything (docs/router-file.md): schema id and version, every
 * shape against K and D, finite numbers, required fields, unique names and ids, the routing pool,
 * what the method needs, a size bound. Version-1 files load as version 2 (pool = every LLM).
 * Refusals name the JSON path, e.g. `router.json: models[3].psi[2]: expected a number in [0, 1], got "NaN"`.
 */
import type { Matrix, Result } from '../types';
import { createChecker, describe, matrixAt, numberAt, objectAt, stringAt, warnUnknownKeys, type Checker } from './check';
import { parseModels, parsePool } from './parseModels';
import { parseEmbedder, parseProvenance, parseValidationPrompts } from './parseParts';
import {
  MAX_ROUTER_CHARS,
  READABLE_ROUTER_VERSIONS,
  ROUTER_METHODS,
  ROUTER_SCHEMA,
  ROUTER_VERSION,
  V1_ROUTER_METHODS,
  type Router,
  type RouterMethod,
  type RouterModel,
} from './schema';

const V1_KEYS = [
  'schema',
  'version',
  'method',
  'embedder',
  'clusters',
  'clusterMap',
  'validationPrompts',
  'models',
  'pseudoCount',
  'costPenalty',
  'costUnit',
  'provenance',
];
const V2_KEYS = [...V1_KEYS, 'validationEmbeddings', 'pool'];

function parseMethod(ck: Checker, v: unknown, version: number): RouterMethod | null {
  const allowed = version === 1 ? V1_ROUTER_METHODS : ROUTER_METHODS;
  if (v === undefined) ck.fail('method', 'missing');
  else if (allowed.includes(v as RouterMethod)) return v as RouterMethod;
  else {
    const list = allowed.map((m) => `"${m}"`).join(', ');
    const oracle = v === 'oracle' ? ": the oracle is not a router (it needs each prompt's true labels)" : '';
    ck.fail('method', `unknown method ${describe(v)} for a version-${version} file (expected one of ${list})${oracle}`);
  }
  return null;
}

/** What the method needs beyond the common parts: theta for the learned map, validation scores (and vectors) for K-NN. */
function checkMethodNeeds(ck: Checker, r: Omit<Router, 'provenance'>): void {
  if (r.method !== 'knn') return;
  r.models.forEach((h, i) => {
    if (r.pool.includes(h.name) && h.validationScores === null)
      ck.fail(`models[${i}].validationScores`, `method "knn" needs the validation scores of every pool LLM, and "${h.name}" has none`);
  });
  if (r.embedder.kind === 'external' && r.validationEmbeddings === null)
    ck.fail(
      'validationEmbeddings',
      'method "knn" with an external embedder needs the validation prompts\' embeddings (RouteLab cannot embed their text)',
    );
}

/** Validates a parsed JSON value as a router file; `file` names it in every message. */
export function parseRouterJson(json: unknown, file = 'router.json'): Result<Router> {
  const ck = createChecker(file);
  const refuse = (message: string): Result<Router> => ({ ok: false, issues: [{ file, message }] });
  const root = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (!root) return refuse(`expected a JSON object (a RouteLab router), got ${describe(json)}`);
  if (root.schema !== ROUTER_SCHEMA) {
    const got = root.schema === undefined ? 'no "schema" field' : `schema ${describe(root.schema)}`;
    return refuse(`schema: not a RouteLab router file (${got}; expected "schema": "${ROUTER_SCHEMA}")`);
  }
  const version = root.version as number;
  if (!READABLE_ROUTER_VERSIONS.includes(version)) {
    return refuse(
      `version: unsupported router version ${describe(root.version)} (this RouteLab reads versions ${READABLE_ROUTER_VERSIONS.join(' and ')})`,
    );
  }
  warnUnknownKeys(ck, root, version === 1 ? V1_KEYS : V2_KEYS, '');

  const method = parseMethod(ck, root.method, version);
  const embedder = parseEmbedder(ck, root.embedder);
  const clusters = objectAt(ck, root.clusters, 'clusters');
  const k = clusters && numberAt(ck, clusters.k, 'clusters.k', { integer: true, min: 1 });
  let dim = clusters && numberAt(ck, clusters.dim, 'clusters.dim', { integer: true, min: 1 });
  if (dim !== null && embedder && dim !== embedder.dim) {
    ck.fail('clusters.dim', `${dim} disagrees with embedder.dim ${embedder.dim}`);
    dim = null;
  }
  const centroids = clusters && k !== null && dim !== null ? matrixAt(ck, clusters.centroids, 'clusters.centroids', k, dim) : null;

  let theta: Float32Array | null = null;
  if (root.clusterMap === undefined) ck.fail('clusterMap', 'missing (null when the router has no learned map)');
  else if (root.clusterMap === null) {
    if (method === 'learnedmap') ck.fail('clusterMap', 'method "learnedmap" needs the learned map\'s theta, got null');
  } else {
    const cm = objectAt(ck, root.clusterMap, 'clusterMap');
    if (cm && k !== null && dim !== null) theta = matrixAt(ck, cm.theta, 'clusterMap.theta', k, dim + 1);
  }

  const prompts = parseValidationPrompts(ck, root.validationPrompts, k);
  let perCluster: Int32Array | null = null;
  if (prompts && k !== null) {
    perCluster = new Int32Array(k);
    for (const p of prompts) perCluster[p.cluster]++;
  }
  let validationEmbeddings: Matrix | null = null;
  let embeddingsOk = true;
  if (version >= 2) {
    if (root.validationEmbeddings === undefined) ck.fail('validationEmbeddings', 'missing (null when not needed)');
    else if (root.validationEmbeddings !== null && prompts && dim !== null) {
      const data = matrixAt(ck, root.validationEmbeddings, 'validationEmbeddings', prompts.length, dim);
      if (data) validationEmbeddings = { rows: prompts.length, cols: dim, data };
    }
    embeddingsOk = root.validationEmbeddings === null || validationEmbeddings !== null;
  }
  const validationIds = prompts ? prompts.map((p) => p.id) : null;
  const models = parseModels(ck, root.models, { version, k, perCluster, validationIds });
  const pool = version === 1 ? (models?.map((h) => h.name) ?? null) : parsePool(ck, root.pool, models);
  const pseudoCount = numberAt(ck, root.pseudoCount, 'pseudoCount', { min: 0 });
  const costPenalty = numberAt(ck, root.costPenalty, 'costPenalty', { min: 0 });
  const costUnit = stringAt(ck, root.costUnit, 'costUnit');
  const provenance = parseProvenance(ck, root.provenance, k);

  if (ck.issues.count > 0 || !embeddingsOk) return { ok: false, issues: ck.issues.toArray() };
  // Every piece parsed (no issue was reported), so none is null below.
  const router: Router = {
    schema: ROUTER_SCHEMA,
    version: ROUTER_VERSION,
    method: method!,
    embedder: embedder!,
    centroids: { rows: k!, cols: dim!, data: centroids! },
    clusterMap: theta ? { k: k!, dim: dim!, theta } : null,
    validationPrompts: prompts!,
    validationEmbeddings,
    models: models as RouterModel[],
    pool: pool!,
    pseudoCount: pseudoCount!,
    costPenalty: costPenalty!,
    costUnit: costUnit!,
    provenance: provenance!,
  };
  checkMethodNeeds(ck, router);
  if (ck.issues.count > 0) return { ok: false, issues: ck.issues.toArray() };
  if (version === 1) ck.warn('version', 'a version-1 file: read as version 2 with every LLM in the routing pool (version 1 had no pool)');
  return { ok: true, data: router, warnings: ck.warnings };
}

/** Reads and validates a router file's text; `file` names it in every message. */
export function parseRouter(text: string, file = 'router.json'): Result<Router> {
  const refuse = (message: string): Result<Router> => ({ ok: false, issues: [{ file, message }] });
  if (text.length > MAX_ROUTER_CHARS) {
    return refuse(`file is ${(text.length / 2 ** 20).toFixed(1)} MB, over the ${MAX_ROUTER_CHARS / 2 ** 20} MB limit for a router file`);
  }
  if (text.trim() === '') return refuse('file is empty: expected a RouteLab router (JSON)');
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return refuse(`not JSON: ${(err as Error).message}`);
  }
  return parseRouterJson(json, file);
}
