/**
 * Parsers of the router file's LLMs and routing pool (docs/router-file.md): each LLM's cost, Psi
 * with its counts, and (version 2) its validation scores and how it was added after training.
 */
import { arrayAt, at, booleanAt, describe, numberAt, numbersAt, objectAt, stringAt, type Checker } from './check';
import type { AddedRecord, RouterModel } from './schema';

/** What the models' checks need to know about the rest of the file. */
export interface ModelContext {
  version: number;
  /** K, or null when the clusters were refused. */
  k: number | null;
  /** Validation prompts per cluster (counts cannot exceed them), or null. */
  perCluster: Int32Array | null;
  /** Validation prompt ids in file order, or null when they were refused. */
  validationIds: string[] | null;
}

/** Scores in [0, 1] or null (not scored), one per validation prompt, as a Float64Array with NaN for null. */
function validationScoresAt(ck: Checker, v: unknown, path: string, n: number | null): Float64Array | null | undefined {
  if (v === null) return null;
  const arr = arrayAt(ck, v, path, n ?? undefined);
  if (!arr || n === null) return undefined;
  const out = new Float64Array(arr.length);
  let ok = true;
  arr.forEach((x, i) => {
    if (x === null) out[i] = NaN;
    else if (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1) out[i] = x;
    else {
      ck.fail(at(path, i), `expected a score in [0, 1] or null (not scored), got ${describe(x)}`);
      ok = false;
    }
  });
  return ok ? out : undefined;
}

function addedAt(ck: Checker, v: unknown, path: string, validationIds: Set<string> | null): AddedRecord | null | undefined {
  if (v === null) return null;
  const o = objectAt(ck, v, path);
  if (!o) return undefined;
  let how: AddedRecord['how'] | null = null;
  if (o.how === 'exact' || o.how === 'validation-only') how = o.how;
  else ck.fail(at(path, 'how'), `expected "exact" or "validation-only", got ${o.how === undefined ? 'nothing' : describe(o.how)}`);
  const scoresFile = stringAt(ck, o.scoresFile, at(path, 'scoresFile'));
  const scores = objectAt(ck, o.testScores, at(path, 'testScores'));
  let ok = how !== null && scoresFile !== null && scores !== null;
  const testScores: Record<string, number> = {};
  for (const [id, x] of Object.entries(scores ?? {})) {
    const p = at(at(path, 'testScores'), id);
    if (validationIds?.has(id)) {
      ck.fail(p, `"${id}" is a validation prompt: its score belongs in validationScores`);
      ok = false;
    } else if (numberAt(ck, x, p, { min: 0, max: 1, what: 'a score in [0, 1]' }) === null) ok = false;
    else testScores[id] = x as number;
  }
  return ok ? { how: how!, scoresFile: scoresFile!, testScores } : undefined;
}

/** One LLM, or null (reported). */
function parseModel(ck: Checker, item: unknown, path: string, ctx: ModelContext, ids: Set<string> | null): RouterModel | null {
  const { k, perCluster } = ctx;
  const o = objectAt(ck, item, path);
  if (!o) return null;
  const name = stringAt(ck, o.name, at(path, 'name'), true);
  const cost = numberAt(ck, o.cost, at(path, 'cost'), { min: 0, what: 'a finite cost >= 0' });
  const psi = k === null ? null : numbersAt(ck, o.psi, at(path, 'psi'), k, { min: 0, max: 1 });
  const counts =
    k === null ? null : numbersAt(ck, o.counts, at(path, 'counts'), k, { integer: true, min: 0, what: 'a non-negative integer count' });
  const overall = numberAt(ck, o.overall, at(path, 'overall'), { min: 0, max: 1 });
  const addedAfterTraining = booleanAt(ck, o.addedAfterTraining, at(path, 'addedAfterTraining'));
  if (counts && perCluster) {
    counts.forEach((n, c) => {
      if (n > perCluster[c])
        ck.fail(at(at(path, 'counts'), c), `${n} scored prompts but only ${perCluster[c]} validation prompts are in cluster ${c}`);
    });
  }
  // Version 1 recorded neither the validation scores nor how an LLM was added (see below).
  let validationScores: Float64Array | null | undefined = null;
  let added: AddedRecord | null | undefined = null;
  if (ctx.version >= 2) {
    const n = ctx.validationIds?.length ?? null;
    if (o.validationScores === undefined) ck.fail(at(path, 'validationScores'), 'missing (null when unknown)');
    else validationScores = validationScoresAt(ck, o.validationScores, at(path, 'validationScores'), n);
    if (o.added === undefined) ck.fail(at(path, 'added'), 'missing (null for an LLM of the training data)');
    else added = addedAt(ck, o.added, at(path, 'added'), ids);
    if (added !== undefined && addedAfterTraining !== null && (added !== null) !== addedAfterTraining) {
      ck.fail(
        at(path, 'added'),
        addedAfterTraining
          ? 'addedAfterTraining is true, so "added" must say how it was added ({"how", "scoresFile", "testScores"})'
          : 'addedAfterTraining is false, so "added" must be null',
      );
      added = undefined;
    }
  } else if (addedAfterTraining) {
    // Version 1 kept only its Psi and cost: it reads as added from validation scores, file unknown.
    added = { how: 'validation-only', scoresFile: '', testScores: {} };
  }
  if (
    name === null ||
    cost === null ||
    psi === null ||
    counts === null ||
    overall === null ||
    addedAfterTraining === null ||
    validationScores === undefined ||
    added === undefined
  )
    return null;
  return {
    name,
    cost,
    psi: Float64Array.from(psi),
    counts: Int32Array.from(counts),
    overall,
    addedAfterTraining,
    validationScores,
    added,
  };
}

/** Every LLM of the file (at least one, unique names), or null (reported). */
export function parseModels(ck: Checker, v: unknown, ctx: ModelContext): RouterModel[] | null {
  const arr = arrayAt(ck, v, 'models');
  if (!arr) return null;
  if (arr.length === 0) {
    ck.fail('models', 'a router needs at least one LLM');
    return null;
  }
  const ids = ctx.validationIds ? new Set(ctx.validationIds) : null;
  const out: RouterModel[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  arr.forEach((item, i) => {
    const path = at('models', i);
    const model = parseModel(ck, item, path, ctx, ids);
    const name = (item as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && seen.has(name)) {
      ck.fail(at(path, 'name'), `duplicate LLM name "${name}" (also models[${seen.get(name)}])`);
      ok = false;
      return;
    }
    if (typeof name === 'string') seen.set(name, i);
    if (model) out.push(model);
    else ok = false;
  });
  return ok ? out : null;
}

/** The routing pool: a non-empty list of distinct names of the file's LLMs, or null (reported). */
export function parsePool(ck: Checker, v: unknown, models: RouterModel[] | null): string[] | null {
  const arr = arrayAt(ck, v, 'pool');
  if (!arr) return null;
  if (arr.length === 0) {
    ck.fail('pool', 'the routing pool needs at least one LLM');
    return null;
  }
  const names = models ? new Set(models.map((h) => h.name)) : null;
  const seen = new Set<string>();
  let ok = true;
  arr.forEach((x, i) => {
    const path = at('pool', i);
    if (typeof x !== 'string') ck.fail(path, `expected an LLM name, got ${describe(x)}`);
    else if (seen.has(x)) ck.fail(path, `"${x}" is listed twice`);
    else if (names && !names.has(x)) ck.fail(path, `"${x}" is not one of the file's LLMs (models[].name)`);
    else {
      seen.add(x);
      return;
    }
    ok = false;
  });
  return ok ? (arr as string[]) : null;
}
