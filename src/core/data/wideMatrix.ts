/**
 * The wide prompt x model files (correctness.csv, costs.csv): a prompt id column plus one column
 * per model, read straight into a row-major Float64Array (no per-cell objects).
 */
import type { IssueList } from './issues';
import type { Progress } from './progress';
import type { Table } from './text';

/** Parses one cell; adds its own issue and returns NaN when the cell is bad. */
export type CellParser = (cell: string, issues: IssueList, file: string, row: number, column: string) => number;

export interface WideMatrixSpec {
  file: string;
  table: Table;
  /** Header index of the prompt id column. */
  idColumn: number;
  /** For each header column, the model index it fills, or -1 (the id column, unknown columns). */
  modelOfColumn: Int32Array;
  /** Prompt id -> row of the output matrix. */
  promptIndex: ReadonlyMap<string, number>;
  models: number;
  parseCell: CellParser;
  /** What a prompt id not in promptIndex is called in the issue ("not in prompts.csv"). */
  unknownIdHint: string;
}

/**
 * Fills `out[p * models + m]` from the table (cells left NaN when blank) and returns, per prompt,
 * the data-row number that gave it (0 = no row). Reports empty, unknown and duplicate prompt ids.
 */
export function readWideMatrix(spec: WideMatrixSpec, out: Float64Array, issues: IssueList, progress: Progress, chars: number): Int32Array {
  const { file, table, idColumn, modelOfColumn, promptIndex, models, parseCell } = spec;
  const { header, rows, rowNumbers } = table;
  const seenAt = new Int32Array(promptIndex.size);
  const idName = header[idColumn];
  const perBlock = progress.rowUnits(chars, rows.length) * 2048;
  for (let r = 0; r < rows.length; r++) {
    if ((r & 2047) === 2047) progress.add(perBlock);
    const row = rows[r];
    const rowNo = rowNumbers[r];
    const id = row[idColumn].trim();
    if (id === '') {
      issues.add(file, rowNo, idName, 'prompt_id is empty');
      continue;
    }
    const p = promptIndex.get(id);
    if (p === undefined) {
      issues.add(file, rowNo, idName, `unknown prompt_id "${id}": ${spec.unknownIdHint}`);
      continue;
    }
    if (seenAt[p] !== 0) {
      issues.add(file, rowNo, idName, `duplicate prompt_id "${id}" (first in row ${seenAt[p]})`);
      continue;
    }
    seenAt[p] = rowNo;
    const base = p * models;
    for (let c = 0; c < row.length; c++) {
      const m = modelOfColumn[c];
      if (m < 0) continue;
      out[base + m] = parseCell(row[c], issues, file, rowNo, header[c]);
    }
  }
  return seenAt;
}

/** "a, b, c and 12 more": a short sample of ids for a summary message. */
export function listSome(ids: readonly string[], n = 5): string {
  const shown = ids
    .slice(0, n)
    .map((id) => `"${id}"`)
    .join(', ');
  return ids.length > n ? `${shown} and ${ids.length - n} more` : shown;
}
