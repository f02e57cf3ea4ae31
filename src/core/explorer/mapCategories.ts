/**
 * What colours each prompt on the prompt map: its cluster (nearest centroid), its task, the LLM the
 * live routing sends it to at the current cost penalty lambda (test prompts only: the routing is
 * defined on S_te), the score of one chosen LLM, or its split. Category -1 = none (drawn grey).
 */
import type { Dataset } from '../types';
import type { MethodName } from '../eval';
import { routeLive } from './liveRouting';
import { NO_TASK } from './selection';
import type { SessionBase, SessionPool, SessionSetup } from './types';

export type MapColouring = 'cluster' | 'task' | 'routed' | 'correctness' | 'split';
export const MAP_COLOURINGS: readonly MapColouring[] = ['cluster', 'task', 'routed', 'correctness', 'split'];

export interface PromptCategories {
  /** Category of every dataset prompt (-1: none). */
  category: Int32Array;
  /** Name of each category. */
  labels: string[];
  /** Prompts in each category. */
  counts: number[];
  /** Prompts without a category, and what they are (e.g. "not a test prompt"). */
  none: { count: number; label: string };
}

function finish(category: Int32Array, labels: string[], noneLabel: string): PromptCategories {
  const counts = new Array<number>(labels.length).fill(0);
  let none = 0;
  for (const c of category) {
    if (c >= 0) counts[c]++;
    else none++;
  }
  return { category, labels, counts, none: { count: none, label: noneLabel } };
}

/** Nearest centroid of every prompt; `labelOf` names a cluster (e.g. "#3 · maths"). */
export function clusterCategories(base: SessionBase, labelOf: (cluster: number) => string = (c) => `#${c}`): PromptCategories {
  return finish(
    Int32Array.from(base.promptClusters),
    Array.from({ length: base.k }, (_, c) => labelOf(c)),
    'no cluster',
  );
}

/** Task of every prompt, tasks in order of first appearance; prompts without a task get NO_TASK. */
export function taskCategories(dataset: Dataset): PromptCategories {
  const index = new Map<string, number>();
  const category = Int32Array.from(dataset.prompts, (p) => {
    const task = p.task || NO_TASK;
    let c = index.get(task);
    if (c === undefined) index.set(task, (c = index.size));
    return c;
  });
  return finish(category, [...index.keys()], 'no task');
}

export const SPLIT_LABELS = ['training (S_tr)', 'validation (S_val)', 'test (S_te)', 'test, left out (a test LLM has no score)'] as const;

/** S_tr, S_val, S_te, and test prompts left out of the routing (some test-pool LLM has no score). */
export function splitCategories(promptCount: number, setup: SessionSetup, base: SessionBase): PromptCategories {
  const category = new Int32Array(promptCount).fill(-1);
  for (const p of setup.split.train) category[p] = 0;
  for (const p of setup.split.val) category[p] = 1;
  for (const p of setup.split.test) category[p] = 3;
  for (const p of base.testRows) category[p] = 2;
  return finish(category, [...SPLIT_LABELS], 'in no split');
}

export const CORRECTNESS_LABELS = ['correct (score 1)', 'partly (0 < score < 1)', 'wrong (score 0)'] as const;

/** The score of dataset LLM `model` on every prompt: correct, partly, wrong; blank scores get none. */
export function correctnessCategories(dataset: Dataset, model: number): PromptCategories {
  const m = dataset.models.length;
  if (!Number.isInteger(model) || model < 0 || model >= m) throw new RangeError(`LLM column ${model} is outside the dataset (0..${m - 1})`);
  const category = Int32Array.from(dataset.prompts, (_, p) => {
    const s = dataset.scores[p * m + model];
    return s !== s ? -1 : s >= 1 ? 0 : s <= 0 ? 2 : 1;
  });
  return finish(category, [...CORRECTNESS_LABELS], 'not scored');
}

/**
 * The pool LLM each kept test prompt is routed to by `method` at `costPenalty` (the live routing's
 * choice, read off the exact deferral sweep); other prompts get none.
 */
export function routedCategories(
  promptCount: number,
  base: SessionBase,
  pool: SessionPool,
  method: MethodName,
  costPenalty: number,
): PromptCategories {
  const choice = new Int32Array(pool.n);
  routeLive(pool, method, costPenalty, choice);
  const category = new Int32Array(promptCount).fill(-1);
  for (let t = 0; t < pool.n; t++) category[base.testRows[t]] = choice[t];
  return finish(category, [...pool.names], 'not routed (not a kept test prompt)');
}
