/**
 * Serialises a Dataset into the core's wide file layout (prompts.csv, correctness.csv, models.csv),
 * so the demo can be downloaded, inspected and re-uploaded like any benchmark.
 */
import type { Dataset, NamedText } from '../types';

/** One RFC-4180 field: quoted (quotes doubled) when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC-4180 text of `rows`, LF line endings (also inside quoted fields), ending with a newline. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/** A score as written to correctness.csv: blank for NaN (not scored), else the shortest decimal. */
function scoreCell(score: number): string {
  return Number.isNaN(score) ? '' : String(score);
}

/**
 * The dataset as files in the wide layout: prompts.csv (prompt_id,text,task),
 * correctness.csv (prompt_id,<one column per model>) and models.csv (model,cost,cost_unit).
 */
export function demoDatasetFiles(dataset: Dataset): NamedText[] {
  const M = dataset.models.length;
  const prompts = toCsv([['prompt_id', 'text', 'task'], ...dataset.prompts.map((p) => [p.id, p.text, p.task ?? ''])]);
  const correctness = toCsv([
    ['prompt_id', ...dataset.models.map((m) => m.name)],
    ...dataset.prompts.map((p, i) => [p.id, ...Array.from({ length: M }, (_, m) => scoreCell(dataset.scores[i * M + m]))]),
  ]);
  const models = toCsv([['model', 'cost', 'cost_unit'], ...dataset.models.map((m) => [m.name, String(m.cost), dataset.costUnit])]);
  return [
    { name: 'prompts.csv', text: prompts },
    { name: 'correctness.csv', text: correctness },
    { name: 'models.csv', text: models },
  ];
}
