/**
 * costs.csv (optional, wide): per-prompt cost per call of each model, as in routerbench_subset.
 * Only validated: Model.cost comes from models.csv.
 */
import { parseCost } from './cells';
import { findColumn, missingColumnMessage } from './columns';
import type { LoadContext } from './context';
import type { IssueList } from './issues';
import type { Table } from './text';
import { listSome, readWideMatrix } from './wideMatrix';

const optionalCost = (cell: string, issues: IssueList, file: string, row: number, column: string): number =>
  parseCost(cell, issues, file, row, column, false);

/** Checks costs.csv's columns against the models of correctness.csv and every cell as a cost >= 0. */
export function validateCosts(
  file: string,
  table: Table,
  modelNames: readonly string[],
  promptIndex: ReadonlyMap<string, number>,
  promptsFile: string,
  ctx: LoadContext,
): void {
  const { header } = table;
  const idCol = findColumn(header, 'promptId', ctx.mappingFor(file));
  if (idCol === -1) {
    ctx.issues.add(file, 1, undefined, missingColumnMessage('promptId', header, ctx.mappingFor(file)));
    return;
  }
  const modelIndex = new Map(modelNames.map((name, m) => [name, m]));
  const modelOfColumn = new Int32Array(header.length).fill(-1);
  const present = new Set<string>();
  for (let c = 0; c < header.length; c++) {
    if (c === idCol) continue;
    const m = modelIndex.get(header[c]);
    if (m === undefined) {
      ctx.issues.add(
        file,
        1,
        header[c] === '' ? undefined : header[c],
        header[c] === '' ? `column ${c + 1} has no name` : `model "${header[c]}" is not a model of correctness.csv`,
      );
      continue;
    }
    if (present.has(header[c])) {
      ctx.issues.add(file, 1, header[c], `duplicate model column "${header[c]}"`);
      continue;
    }
    present.add(header[c]);
    modelOfColumn[c] = m;
  }
  for (const name of modelNames) {
    if (!present.has(name))
      ctx.issues.add(file, 1, undefined, `missing column for model "${name}" (costs.csv must have the model columns of correctness.csv)`);
  }
  const out = new Float64Array(promptIndex.size * modelNames.length).fill(NaN);
  const seenAt = readWideMatrix(
    {
      file,
      table,
      idColumn: idCol,
      modelOfColumn,
      promptIndex,
      models: modelNames.length,
      parseCell: optionalCost,
      unknownIdHint: `not in ${promptsFile}`,
    },
    out,
    ctx.issues,
    ctx.progress,
    0,
  );
  const ids = [...promptIndex.keys()];
  const noRow = ids.filter((_, p) => seenAt[p] === 0);
  if (noRow.length > 0) ctx.warnings.add(file, undefined, undefined, `${noRow.length} prompts have no row here: ${listSome(noRow)}`);
}
