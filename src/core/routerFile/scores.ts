/**
 * The scores file of an unseen LLM on the router's validation prompts: CSV with header
 * `prompt_id,score` (alias `correct`; other columns such as `text` or `cluster` are ignored, so
 * the validation-prompts CSV with a score column added works). Errors name file, row and column.
 */
import { parseCsvText } from '../data/csv';
import { createIssueList } from '../data/issues';
import type { Result } from '../types';

/** The CSV row (header = row 1) of a prompt id. */
export type RowLookup = Pick<Map<string, number>, 'get'>;

export interface ScoresFile {
  /** Score in [0,1] by prompt id. */
  scores: Map<string, number>;
  /** CSV row of each prompt id, for later messages (built on first use: most files never need it). */
  rows: RowLookup;
}

const SCORE_COLUMNS = ['score', 'correct'];

export function parseScoresCsv(file: string, text: string): Result<ScoresFile> {
  const table = parseCsvText(file, text);
  if (!table.ok) return table;
  const { header, rows, rowNumbers } = table.data;
  const lower = header.map((h) => h.toLowerCase());
  const idCol = lower.indexOf('prompt_id');
  const scoreCol = lower.findIndex((h) => SCORE_COLUMNS.includes(h));
  const issues = createIssueList();
  if (idCol < 0)
    issues.add(
      file,
      1,
      'prompt_id',
      `missing column "prompt_id" (header is ${header.map((h) => `"${h}"`).join(', ')}; expected prompt_id,score)`,
    );
  if (scoreCol < 0)
    issues.add(file, 1, 'score', `missing column "score" (header is ${header.map((h) => `"${h}"`).join(', ')}; expected prompt_id,score)`);
  if (issues.count > 0) return { ok: false, issues: issues.toArray() };
  if (rows.length === 0) return { ok: false, issues: [{ file, row: 2, message: 'no scores: the file has a header but no rows' }] };

  const column = header[scoreCol];
  // One map for the ids seen (an invalid score is kept as NaN until the issues are returned).
  const scores = new Map<string, number>();
  let rowOf: Map<string, number> | null = null;
  const rowLookup = (): Map<string, number> => {
    if (rowOf === null) {
      rowOf = new Map();
      for (let i = 0; i < rows.length; i++) {
        const id = rows[i][idCol].trim();
        if (id !== '' && !rowOf.has(id)) rowOf.set(id, rowNumbers[i]);
      }
    }
    return rowOf;
  };
  for (let i = 0; i < rows.length; i++) {
    const record = rows[i];
    const row = rowNumbers[i];
    const id = record[idCol].trim();
    if (id === '') {
      issues.add(file, row, 'prompt_id', 'blank prompt id');
      continue;
    }
    if (scores.has(id)) {
      issues.add(file, row, 'prompt_id', `duplicate prompt id "${id}" (first on row ${rowLookup().get(id)})`);
      continue;
    }
    const raw = record[scoreCol].trim();
    const score = Number(raw);
    scores.set(id, NaN);
    if (raw === '') issues.add(file, row, column, `blank score for "${id}": every validation prompt needs a score in [0, 1]`);
    else if (!Number.isFinite(score)) issues.add(file, row, column, `score "${raw}" is not a number`);
    else if (score < 0 || score > 1) issues.add(file, row, column, `score ${raw} is outside [0, 1]`);
    else scores.set(id, score);
  }
  if (issues.count > 0) return { ok: false, issues: issues.toArray() };
  return { ok: true, data: { scores, rows: { get: (id) => rowLookup().get(id) } }, warnings: [] };
}
