/**
 * What the prompt map shows about a set of prompts: a box or lasso selection's task mix and each
 * LLM's accuracy on it (mean score over the prompts it has a score for), and the text search.
 */
import type { Dataset } from '../types';

export const NO_TASK = '(no task)';

export interface SelectionSummary {
  count: number;
  /** Every task of the selection, by decreasing count (ties by name); prompts without one count as NO_TASK. */
  tasks: { task: string; count: number }[];
  /** Dataset order: mean score over the selected prompts it has a score for (NaN when none), and how many. */
  models: { name: string; accuracy: number; scored: number }[];
}

/** Task mix and per-LLM accuracy of the prompts at dataset rows `rows` (out-of-range rows are refused). */
export function selectionSummary(dataset: Dataset, rows: ArrayLike<number>): SelectionSummary {
  const n = dataset.prompts.length;
  const m = dataset.models.length;
  const sums = new Float64Array(m);
  const scored = new Int32Array(m);
  const tasks = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const p = rows[i];
    if (!Number.isInteger(p) || p < 0 || p >= n) throw new RangeError(`prompt row ${p} is outside the dataset (0..${n - 1})`);
    const task = dataset.prompts[p].task || NO_TASK;
    tasks.set(task, (tasks.get(task) ?? 0) + 1);
    for (let h = 0; h < m; h++) {
      const s = dataset.scores[p * m + h];
      if (s === s) {
        sums[h] += s;
        scored[h]++;
      }
    }
  }
  return {
    count: rows.length,
    tasks: [...tasks.entries()].map(([task, count]) => ({ task, count })).sort((a, b) => b.count - a.count || (a.task < b.task ? -1 : 1)),
    models: dataset.models.map((h, j) => ({ name: h.name, accuracy: scored[j] > 0 ? sums[j] / scored[j] : NaN, scored: scored[j] })),
  };
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/** The prompt texts folded for search (NFKC, lower case): built once per dataset, searched per keystroke. */
export function promptSearchIndex(dataset: Dataset): string[] {
  return dataset.prompts.map((p) => fold(p.text));
}

/**
 * Rows whose prompt text contains `query` (case-insensitive after trimming; NFKC, so full-width and
 * composed characters match their plain forms), ascending. An empty query matches nothing.
 */
export function searchPrompts(index: readonly string[], query: string): Int32Array {
  const q = fold(query.trim());
  if (!q) return new Int32Array(0);
  const out: number[] = [];
  for (let i = 0; i < index.length; i++) if (index[i].includes(q)) out.push(i);
  return Int32Array.from(out);
}
