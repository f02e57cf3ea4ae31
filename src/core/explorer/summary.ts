/** The Data view's summary of a benchmark: prompt / LLM / task counts, each LLM's accuracy and cost. */
import { columnMeansScored } from '../stats';
import type { Dataset } from '../types';

export interface DatasetSummary {
  prompts: number;
  models: { name: string; cost: number; accuracy: number; scored: number }[];
  /** Tasks by decreasing prompt count (prompts without a task are not counted). */
  tasks: { task: string; count: number }[];
  /** Cells without a score (blank). */
  blank: number;
  embeddings: number | null;
}

/** Mean score of every LLM over the prompts it has a score for (NaN when none), with its cost. */
export function datasetSummary(dataset: Dataset): DatasetSummary {
  const n = dataset.prompts.length;
  const m = dataset.models.length;
  // An LLM without a single score shows no accuracy (NaN), not 0.
  const { means, counts } = columnMeansScored(dataset.scores, m, NaN);
  let blank = n * m;
  for (let h = 0; h < m; h++) blank -= counts[h];
  const tasks = new Map<string, number>();
  for (const p of dataset.prompts) if (p.task) tasks.set(p.task, (tasks.get(p.task) ?? 0) + 1);
  return {
    prompts: n,
    models: dataset.models.map((h, j) => ({
      name: h.name,
      cost: h.cost,
      accuracy: means[j],
      scored: counts[j],
    })),
    tasks: [...tasks.entries()].map(([task, count]) => ({ task, count })).sort((a, b) => b.count - a.count || (a.task < b.task ? -1 : 1)),
    blank,
    embeddings: dataset.embeddings ? dataset.embeddings.cols : null,
  };
}
