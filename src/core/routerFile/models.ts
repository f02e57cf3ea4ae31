/**
 * Adding an unseen LLM to a trained router from its scores on the validation prompts alone (its
 * errorProfile Psi, no retraining: UniRoute's point), and removing one.
 */
import { createIssueList } from '../data/issues';
import { profileOfModel } from '../routing/errorProfile';
import type { Result } from '../types';
import type { AddedHow, Router, RouterModel } from './schema';

export interface NewModel {
  name: string;
  /** c(h) >= 0 in the router's costUnit. */
  cost: number;
  /** Score in [0,1] of the LLM on every validation prompt, by prompt id (error e = 1 - score). */
  scores: Map<string, number> | Record<string, number>;
  /** Where the scores came from, for messages: the file and each prompt id's row in it. */
  source?: { file: string; rows?: Pick<Map<string, number>, 'get'> };
  /** 'exact' when the same file also scored every test prompt of the caller's session (default 'validation-only'). */
  how?: AddedHow;
  /**
   * Its scores on test prompts by id (kept in the file's record of how it was added; never used for
   * Psi). The router keeps this object as given (a copy of 10,000 ids costs milliseconds): pass one
   * that nothing changes afterwards.
   */
  testScores?: Record<string, number>;
}

/** How many missing ids a message lists before "...". */
const LIST_IDS = 5;

function entriesOf(scores: NewModel['scores']): [string, unknown][] {
  return scores instanceof Map ? [...scores.entries()] : Object.entries(scores);
}

/**
 * The router with one more LLM, its Psi from the validation prompts (refuses bad names, costs and
 * scores). It joins the routing pool, and the file records its validation scores and how it was added.
 */
export function addModel(router: Router, model: NewModel): Result<Router> {
  const file = model.source?.file ?? 'scores';
  const rows = model.source?.rows;
  const issues = createIssueList(20);
  const name = typeof model.name === 'string' ? model.name.trim() : '';
  if (name === '') issues.add(file, undefined, undefined, 'the new LLM needs a non-empty name');
  else if (router.models.some((h) => h.name === name)) {
    issues.add(file, undefined, undefined, `an LLM named "${name}" is already in the router (remove it first to replace it)`);
  }
  if (typeof model.cost !== 'number' || !Number.isFinite(model.cost) || model.cost < 0) {
    issues.add(file, undefined, undefined, `cost must be a finite number >= 0, got ${String(model.cost)}`);
  }

  const indexOf = new Map(router.validationPrompts.map((p, i) => [p.id, i]));
  const errors = new Float64Array(router.validationPrompts.length).fill(NaN);
  const scores = new Float64Array(router.validationPrompts.length).fill(NaN);
  for (const [id, score] of entriesOf(model.scores)) {
    const i = indexOf.get(id);
    if (i === undefined) {
      issues.add(
        file,
        rows?.get(id),
        'prompt_id',
        `"${id}" is not a validation prompt of this router (only its ${indexOf.size} validation prompts are scored)`,
      );
      continue;
    }
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1) {
      issues.add(
        file,
        rows?.get(id),
        'score',
        `score of "${id}" must be a number in [0, 1], got ${typeof score === 'number' ? String(score) : (JSON.stringify(score) ?? String(score))}`,
      );
      continue;
    }
    errors[i] = 1 - score;
    scores[i] = score;
  }
  const missing = router.validationPrompts
    .filter((_, i) => Number.isNaN(errors[i]) && !hasEntry(model.scores, router.validationPrompts[i].id))
    .map((p) => p.id);
  if (missing.length > 0) {
    const shown = missing
      .slice(0, LIST_IDS)
      .map((id) => `"${id}"`)
      .join(', ');
    issues.add(
      file,
      undefined,
      undefined,
      `no score for ${missing.length} of ${router.validationPrompts.length} validation prompts (${shown}${missing.length > LIST_IDS ? ', ...' : ''}): ` +
        'score the new LLM on every prompt that `routelab validation-prompts` lists',
    );
  }
  if (issues.count > 0) return { ok: false, issues: issues.toArray() };

  const clusters = Int32Array.from(router.validationPrompts, (p) => p.cluster);
  const profile = profileOfModel(clusters, errors, router.centroids.rows, router.pseudoCount);
  const added: RouterModel = {
    name,
    cost: model.cost,
    psi: profile.psi,
    counts: profile.counts,
    overall: profile.overall,
    addedAfterTraining: true,
    validationScores: scores,
    added: { how: model.how ?? 'validation-only', scoresFile: file, testScores: model.testScores ?? {} },
  };
  return { ok: true, data: { ...router, models: [...router.models, added], pool: [...router.pool, name] }, warnings: [] };
}

function hasEntry(scores: NewModel['scores'], id: string): boolean {
  return scores instanceof Map ? scores.has(id) : Object.prototype.hasOwnProperty.call(scores, id);
}

/** The router without the LLM `name`, in the pool too (refuses an unknown name, the last LLM and the pool's last LLM). */
export function removeModel(router: Router, name: string, file = 'router'): Result<Router> {
  const index = router.models.findIndex((h) => h.name === name);
  if (index < 0) {
    const names = router.models.map((h) => `"${h.name}"`).join(', ');
    return { ok: false, issues: [{ file, message: `no LLM named "${name}" in the router (it has ${names})` }] };
  }
  if (router.models.length === 1)
    return { ok: false, issues: [{ file, message: `"${name}" is the router's only LLM: a router needs at least one` }] };
  const pool = router.pool.filter((n) => n !== name);
  if (pool.length === 0)
    return { ok: false, issues: [{ file, message: `"${name}" is the only LLM of the routing pool: a router routes among at least one` }] };
  return { ok: true, data: { ...router, models: router.models.filter((_, i) => i !== index), pool }, warnings: [] };
}
