/**
 * Parsers of the router file's parts (docs/router-file.md): the embedder, the validation prompts
 * and the provenance. Each reports problems by JSON path and returns null when its part is bad.
 */
import type { EmbedderSettings } from '../embed';
import { arrayAt, at, describe, numberAt, numbersAt, objectAt, stringAt, type Checker } from './check';
import type { MetricsAtTraining, RouterProvenance, ValidationPrompt } from './schema';

/** Limits of the built-in embedder (embed/index.ts checks the same when embedding). */
const MAX_EMBED_DIM = 4096;
const MAX_BUCKETS = 1 << 22;

export function parseEmbedder(ck: Checker, v: unknown): EmbedderSettings | null {
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

export function parseValidationPrompts(ck: Checker, v: unknown, k: number | null): ValidationPrompt[] | null {
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

export function stringsAt(ck: Checker, v: unknown, path: string): string[] | null {
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

export function parseProvenance(ck: Checker, v: unknown, k: number | null): RouterProvenance | null {
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
