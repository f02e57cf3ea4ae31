/**
 * JSON text -> Router, validating everything (docs/router-file.md): schema id and version, every
 * shape against K and D, finite numbers, required fields, unique names and ids, a size bound.
 * Refusals name the JSON path, e.g. `router.json: models[3].psi[2]: expected a number in [0, 1], got "NaN"`.
 */
import type { EmbedderSettings } from '../embed';
import type { Result } from '../types';
import {
  arrayAt,
  at,
  booleanAt,
  createChecker,
  describe,
  matrixAt,
  numberAt,
  numbersAt,
  objectAt,
  stringAt,
  warnUnknownKeys,
  type Checker,
} from './check';
import {
  MAX_ROUTER_CHARS,
  ROUTER_METHODS,
  ROUTER_SCHEMA,
  ROUTER_VERSION,
  type MetricsAtTraining,
  type Router,
  type RouterMethod,
  type RouterModel,
  type RouterProvenance,
  type ValidationPrompt,
} from './schema';

const TOP_KEYS = [
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
/** Limits of the built-in embedder (embed/index.ts checks the same when embedding). */
const MAX_EMBED_DIM = 4096;
const MAX_BUCKETS = 1 << 22;

function parseEmbedder(ck: Checker, v: unknown): EmbedderSettings | null {
  const o = objectAt(ck, v, 'embedder');
  if (!o) return null;
  if (o.kind === 'external') {
    const dim = numberAt(ck, o.dim, 'embedder.dim', { integer: true, min: 1 });
    return dim === null ? null : { kind: 'external', dim };
  }
  if (o.kind !== 'builtin-hashed-tfidf') {
    ck.fail('embedder.kind', `unknown embedder ${describe(o.kind)} (expected "builtin-hashed-tfidf" or "external")`);
    return null;
  }
  if (o.version !== 1) {
    ck.fail('embedder.version', `unsupported builtin-hashed-tfidf version ${describe(o.version)} (expected 1)`);
    return null;
  }
  const dim = numberAt(ck, o.dim, 'embedder.dim', { integer: true, min: 1, max: MAX_EMBED_DIM });
  const buckets = numberAt(ck, o.buckets, 'embedder.buckets', { integer: true, min: 1, max: MAX_BUCKETS });
  const seed = numberAt(ck, o.seed, 'embedder.seed', { integer: true });
  const idf = buckets === null ? null : numbersAt(ck, o.idf, 'embedder.idf', buckets);
  if (dim === null || buckets === null || seed === null || idf === null) return null;
  return { kind: 'builtin-hashed-tfidf', version: 1, dim, buckets, seed, idf };
}

function parseValidationPrompts(ck: Checker, v: unknown, k: number | null): ValidationPrompt[] | null {
  const arr = arrayAt(ck, v, 'validationPrompts');
  if (!arr) return null;
  const out: ValidationPrompt[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  arr.forEach((item, i) => {
    const path = at('validationPrompts', i);
    const o = objectAt(ck, item, path);
    if (!o) return void (ok = false);
    const id = stringAt(ck, o.id, at(path, 'id'), true);
    const text = stringAt(ck, o.text, at(path, 'text'));
    const cluster =
      k === null
        ? null
        : numberAt(ck, o.cluster, at(path, 'cluster'), { integer: true, min: 0, max: k - 1, what: `a cluster index in [0, ${k})` });
    if (id !== null && seen.has(id)) ck.fail(at(path, 'id'), `duplicate prompt id "${id}" (also validationPrompts[${seen.get(id)}])`);
    if (id === null || text === null || cluster === null || seen.has(id)) return void (ok = false);
    seen.set(id, i);
    out.push({ id, text, cluster });
  });
  return ok ? out : null;
}

function parseModels(ck: Checker, v: unknown, k: number | null, perCluster: Int32Array | null): RouterModel[] | null {
  const arr = arrayAt(ck, v, 'models');
  if (!arr) return null;
  if (arr.length === 0) {
    ck.fail('models', 'a router needs at least one LLM');
    return null;
  }
  const out: RouterModel[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  arr.forEach((item, i) => {
    const path = at('models', i);
    const o = objectAt(ck, item, path);
    if (!o) return void (ok = false);
    const name = stringAt(ck, o.name, at(path, 'name'), true);
    if (name !== null && seen.has(name)) ck.fail(at(path, 'name'), `duplicate LLM name "${name}" (also models[${seen.get(name)}])`);
    const cost = numberAt(ck, o.cost, at(path, 'cost'), { min: 0, what: 'a finite cost >= 0' });
    const psi = k === null ? null : numbersAt(ck, o.psi, at(path, 'psi'), k, { min: 0, max: 1 });
    const counts =
      k === null ? null : numbersAt(ck, o.counts, at(path, 'counts'), k, { integer: true, min: 0, what: 'a non-negative integer count' });
    const overall = numberAt(ck, o.overall, at(path, 'overall'), { min: 0, max: 1 });
    const added = booleanAt(ck, o.addedAfterTraining, at(path, 'addedAfterTraining'));
    if (counts && perCluster) {
      counts.forEach((n, c) => {
        if (n > perCluster[c])
          ck.fail(at(at(path, 'counts'), c), `${n} scored prompts but only ${perCluster[c]} validation prompts are in cluster ${c}`);
      });
    }
    if (name === null || seen.has(name) || cost === null || psi === null || counts === null || overall === null || added === null)
      return void (ok = false);
    seen.set(name, i);
    out.push({ name, cost, psi: Float64Array.from(psi), counts: Int32Array.from(counts), overall, addedAfterTraining: added });
  });
  return ok ? out : null;
}

function stringsAt(ck: Checker, v: unknown, path: string): string[] | null {
  const arr = arrayAt(ck, v, path);
  if (!arr) return null;
  const bad = arr.findIndex((s) => typeof s !== 'string');
  if (bad >= 0) {
    ck.fail(at(path, bad), `expected a string, got ${describe(arr[bad])}`);
    return null;
  }
  return arr as string[];
}

function parseMetrics(ck: Checker, v: unknown, path: string): Record<string, MetricsAtTraining> | null {
  const o = objectAt(ck, v, path);
  if (!o) return null;
  const out: Record<string, MetricsAtTraining> = {};
  let ok = true;
  for (const [name, raw] of Object.entries(o)) {
    const p = at(path, name);
    const m = objectAt(ck, raw, p);
    if (!m) {
      ok = false;
      continue;
    }
    const area = numberAt(ck, m.area, at(p, 'area'));
    const area50 = numberAt(ck, m.area50, at(p, 'area50'));
    const qnc = m.qnc === null ? null : numberAt(ck, m.qnc, at(p, 'qnc'), { what: 'a finite number or null' });
    const aiq = numberAt(ck, m.aiq, at(p, 'aiq'));
    const peakAccuracy = numberAt(ck, m.peakAccuracy, at(p, 'peakAccuracy'));
    if (area === null || area50 === null || (qnc === null && m.qnc !== null) || aiq === null || peakAccuracy === null) ok = false;
    else out[name] = { area, area50, qnc, aiq, peakAccuracy };
  }
  return ok ? out : null;
}

function parseProvenance(ck: Checker, v: unknown, k: number | null): RouterProvenance | null {
  const o = objectAt(ck, v, 'provenance');
  if (!o) return null;
  const count = (x: unknown, p: string) => numberAt(ck, x, p, { integer: true, min: 0 });
  const dataset = stringAt(ck, o.dataset, 'provenance.dataset');
  const dataHash = stringAt(ck, o.dataHash, 'provenance.dataHash');
  const seed = numberAt(ck, o.seed, 'provenance.seed');
  const s = objectAt(ck, o.split, 'provenance.split');
  const train = s && count(s.train, 'provenance.split.train');
  const val = s && count(s.val, 'provenance.split.val');
  const test = s && count(s.test, 'provenance.split.test');
  const trainModels = s && stringsAt(ck, s.trainModels, 'provenance.split.trainModels');
  const testModels = s && stringsAt(ck, s.testModels, 'provenance.split.testModels');
  const pk = numberAt(ck, o.k, 'provenance.k', { integer: true, min: 1 });
  if (pk !== null && k !== null && pk !== k) ck.fail('provenance.k', `${pk} disagrees with clusters.k ${k}`);
  const knnK = numberAt(ck, o.knnK, 'provenance.knnK', { integer: true, min: 1 });
  const metricsAtTraining = parseMetrics(ck, o.metricsAtTraining, 'provenance.metricsAtTraining');
  const createdAt = stringAt(ck, o.createdAt, 'provenance.createdAt');
  const tool = stringAt(ck, o.tool, 'provenance.tool');
  if (
    dataset === null ||
    dataHash === null ||
    seed === null ||
    train === null ||
    val === null ||
    test === null ||
    !trainModels ||
    !testModels
  )
    return null;
  if (pk === null || (k !== null && pk !== k) || knnK === null || !metricsAtTraining || createdAt === null || tool === null) return null;
  return { dataset, dataHash, seed, split: { train, val, test, trainModels, testModels }, k: pk, knnK, metricsAtTraining, createdAt, tool };
}

/** Reads and validates a router file; `file` names it in every message. */
export function parseRouter(text: string, file = 'router.json'): Result<Router> {
  const ck = createChecker(file);
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
  const root = objectAt(ck, json, '');
  if (!root) return refuse(`expected a JSON object (a RouteLab router), got ${describe(json)}`);
  if (root.schema !== ROUTER_SCHEMA) {
    const got = root.schema === undefined ? 'no "schema" field' : `schema ${describe(root.schema)}`;
    return refuse(`schema: not a RouteLab router file (${got}; expected "schema": "${ROUTER_SCHEMA}")`);
  }
  if (root.version !== ROUTER_VERSION) {
    return refuse(`version: unsupported router version ${describe(root.version)} (this RouteLab reads version ${ROUTER_VERSION})`);
  }
  warnUnknownKeys(ck, root, TOP_KEYS, '');

  let method: RouterMethod | null = null;
  if (root.method === undefined) ck.fail('method', 'missing');
  else if (!ROUTER_METHODS.includes(root.method as RouterMethod))
    ck.fail('method', `unknown method ${describe(root.method)} (expected "kmeans" or "learnedmap")`);
  else method = root.method as RouterMethod;

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
  const models = parseModels(ck, root.models, k, perCluster);
  const pseudoCount = numberAt(ck, root.pseudoCount, 'pseudoCount', { min: 0 });
  const costPenalty = numberAt(ck, root.costPenalty, 'costPenalty', { min: 0 });
  const costUnit = stringAt(ck, root.costUnit, 'costUnit');
  const provenance = parseProvenance(ck, root.provenance, k);

  if (ck.issues.count > 0) return { ok: false, issues: ck.issues.toArray() };
  // Every piece parsed (no issue was reported), so none is null below.
  return {
    ok: true,
    data: {
      schema: ROUTER_SCHEMA,
      version: ROUTER_VERSION,
      method: method!,
      embedder: embedder!,
      centroids: { rows: k!, cols: dim!, data: centroids! },
      clusterMap: theta ? { k: k!, dim: dim!, theta } : null,
      validationPrompts: prompts!,
      models: models!,
      pseudoCount: pseudoCount!,
      costPenalty: costPenalty!,
      costUnit: costUnit!,
      provenance: provenance!,
    },
    warnings: ck.warnings,
  };
}
