/**
 * Adding an unseen LLM to an explorer session: its errorProfile Psi from S_val alone (the core
 * router's addModel: same checks, same messages), appended to the test pool; where its scores file
 * also scores test prompts, its accuracy on S_te is exact, otherwise estimated as 1 - gamma.
 */
import { addModel as addRouterModel, parseScoresCsv, removeModel as removeRouterModel, type Router } from '../routerFile';
import type { Result } from '../types';
import type { AddedModel, SessionBase } from './types';

export interface NewModelInput {
  name: string;
  /** c(h) >= 0 in the dataset's cost unit. */
  cost: number;
  /** The scores file: CSV `prompt_id,score` (alias correct; other columns ignored). */
  file: string;
  text: string;
}

export interface AddedModelResult {
  model: AddedModel;
  /** The router with the LLM appended (what an export writes). */
  router: Router;
  /** How many test prompts the file scored (0: the test accuracy is an estimate). */
  testScored: number;
}

/** Each session's test prompts by id, for the id list it was asked with (10,000 map entries, built once). */
const testIndexes = new WeakMap<SessionBase, { promptIds: readonly string[]; index: Map<string, number> }>();

function testIndexOf(base: SessionBase, promptIds: readonly string[]): Map<string, number> {
  const known = testIndexes.get(base);
  if (known?.promptIds === promptIds) return known.index;
  const index = new Map<string, number>();
  base.testRows.forEach((r, p) => index.set(promptIds[r], p));
  testIndexes.set(base, { promptIds, index });
  return index;
}

/** The ids of a router's validation prompts (the same array for every router an add or remove derives). */
const validationIds = new WeakMap<readonly { id: string }[], Set<string>>();

function idsOf(prompts: readonly { id: string }[]): Set<string> {
  let ids = validationIds.get(prompts);
  if (!ids) validationIds.set(prompts, (ids = new Set(prompts.map((p) => p.id))));
  return ids;
}

/**
 * Parses the scores file and adds the LLM. Scores of the session's test prompts are kept aside
 * (exact test accuracy); every other id goes through the core addModel, which refuses ids that are
 * not validation prompts, missing validation prompts, invalid scores, a taken name or a bad cost.
 * `promptIds` are the dataset's prompt ids (base.testRows index into them).
 */
export function addModelFromScores(
  base: SessionBase,
  router: Router,
  promptIds: readonly string[],
  input: NewModelInput,
): Result<AddedModelResult> {
  const parsed = parseScoresCsv(input.file, input.text);
  if (!parsed.ok) return parsed;
  const testIndex = testIndexOf(base, promptIds);
  const valIds = idsOf(router.validationPrompts);
  const testScores = new Float64Array(base.testRows.length).fill(NaN);
  const forRouter = new Map<string, number>();
  let testScored = 0;
  for (const [id, score] of parsed.data.scores) {
    const p = testIndex.get(id);
    if (p !== undefined && !valIds.has(id)) {
      testScores[p] = score;
      testScored++;
    } else forRouter.set(id, score);
  }
  // Keyed by the dataset's own id strings, in test-prompt order: the same string objects on every
  // add, so each key is hashed into the engine's table once per session rather than once per add.
  const testById: Record<string, number> = {};
  const { testRows } = base;
  for (let p = 0; p < testRows.length; p++) if (!Number.isNaN(testScores[p])) testById[promptIds[testRows[p]]] = testScores[p];
  // The router file records how it joined: with every test prompt scored its test accuracy is exact.
  const added = addRouterModel(router, {
    name: input.name,
    cost: input.cost,
    scores: forRouter,
    source: { file: input.file, rows: parsed.data.rows },
    how: testScored === base.testRows.length && testScored > 0 ? 'exact' : 'validation-only',
    testScores: testById,
  });
  if (!added.ok) return added;
  const entry = added.data.models[added.data.models.length - 1];
  const valErrors = Float64Array.from(router.validationPrompts, (p) => {
    const s = forRouter.get(p.id);
    return s === undefined ? NaN : 1 - s;
  });
  const model: AddedModel = {
    name: entry.name,
    cost: entry.cost,
    profile: { psi: entry.psi, counts: entry.counts, overall: entry.overall },
    valErrors,
    testScores,
    estimated: testScored < base.testRows.length,
  };
  return { ok: true, data: { model, router: added.data, testScored }, warnings: parsed.warnings };
}

/** The session's added LLMs and router without the LLM `name` (the base pool cannot be removed here). */
export function removeAddedModel(
  added: readonly AddedModel[],
  router: Router,
  name: string,
): Result<{ added: AddedModel[]; router: Router }> {
  const index = added.findIndex((a) => a.name === name);
  if (index < 0)
    return {
      ok: false,
      issues: [{ file: 'session', message: `no added LLM named "${name}" (only LLMs added after training can be removed)` }],
    };
  const removed = removeRouterModel(router, name);
  if (!removed.ok) return removed;
  return { ok: true, data: { added: added.filter((_, i) => i !== index), router: removed.data }, warnings: [] };
}

/** Checks that a session's validation prompts are the router's, in the same order (the rows of valErrors). */
export function checkSessionRouter(base: SessionBase, router: Router, promptIds: readonly string[]): string | null {
  if (router.validationPrompts.length !== base.valRows.length) {
    return `the router has ${router.validationPrompts.length} validation prompts, the session ${base.valRows.length}`;
  }
  for (let i = 0; i < base.valRows.length; i++) {
    if (router.validationPrompts[i].id !== promptIds[base.valRows[i]])
      return `validation prompt ${i + 1} is "${router.validationPrompts[i].id}" in the router but "${promptIds[base.valRows[i]]}" in the session`;
  }
  return null;
}
