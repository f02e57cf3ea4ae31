/** models.csv: one row per LLM with its cost c(h) (model, cost, optional cost_unit; other columns ignored). */
import type { NamedText } from '../types';
import { parseCost } from './cells';
import { findColumn, missingColumnMessage } from './columns';
import type { LoadContext } from './context';
import type { Table } from './text';

export interface ModelEntry {
  cost: number;
  /** Row and column of the model's name, for issues that point back at it. */
  row: number;
  column: string;
}

export interface ModelsCsv {
  byName: Map<string, ModelEntry>;
  /** The cost_unit column's value ('' when the column is absent or blank). */
  costUnit: string;
}

/**
 * Reads models.csv (null only when a required column is missing). Reports empty and duplicate model names, missing / non-numeric / negative costs,
 * and cost_unit values that differ between rows (costs in different units cannot be compared).
 */
export function readModelsCsv(file: NamedText, table: Table, ctx: LoadContext): ModelsCsv | null {
  const { header, rows, rowNumbers } = table;
  const modelCol = findColumn(header, 'model', ctx.mappingFor(file.name));
  const costCol = findColumn(header, 'cost', ctx.mappingFor(file.name));
  const unitCol = header.findIndex((h) => h.toLowerCase() === 'cost_unit');
  if (modelCol === -1) ctx.issues.add(file.name, 1, undefined, missingColumnMessage('model', header, ctx.mappingFor(file.name)));
  if (costCol === -1) ctx.issues.add(file.name, 1, undefined, missingColumnMessage('cost', header, ctx.mappingFor(file.name)));
  if (modelCol === -1 || costCol === -1) return null;
  const byName = new Map<string, ModelEntry>();
  let costUnit: string | undefined;
  let unitRow = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const rowNo = rowNumbers[r];
    const name = row[modelCol].trim();
    const cost = parseCost(row[costCol], ctx.issues, file.name, rowNo, header[costCol], true);
    if (name === '') {
      ctx.issues.add(file.name, rowNo, header[modelCol], 'model name is empty');
      continue;
    }
    const first = byName.get(name);
    if (first !== undefined) {
      ctx.issues.add(file.name, rowNo, header[modelCol], `duplicate model "${name}" (first in row ${first.row})`);
      continue;
    }
    byName.set(name, { cost, row: rowNo, column: header[modelCol] });
    if (unitCol !== -1) {
      const unit = row[unitCol].trim();
      if (costUnit === undefined) {
        costUnit = unit;
        unitRow = rowNo;
      } else if (unit !== costUnit) {
        ctx.issues.add(
          file.name,
          rowNo,
          header[unitCol],
          `cost_unit "${unit}" differs from "${costUnit}" in row ${unitRow}: every cost must be in one unit`,
        );
      }
    }
  }
  // Returned even when rows had issues, so the caller can still check the models against correctness.csv.
  return { byName, costUnit: costUnit ?? '' };
}
