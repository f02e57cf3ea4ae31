/**
 * The wide layout: prompts.csv (prompt_id, text, optional task/source), correctness.csv (prompt_id
 * plus one score column per model, in [0,1], blank = not scored), models.csv (model, cost,
 * optional cost_unit) and optional costs.csv (per-prompt cost per call; validated, not used).
 */
import type { Model, NamedText, Prompt } from '../types';
import { parseScore } from './cells';
import { findColumn, missingColumnMessage } from './columns';
import type { LoadContext, LoadedTables } from './context';
import { validateCosts } from './costs';
import { readCsv } from './csv';
import { readModelsCsv } from './models';
import { warnUnscored } from './summary';
import type { Table } from './text';
import { listSome, readWideMatrix } from './wideMatrix';

export interface WideFiles {
  prompts?: NamedText;
  correctness?: NamedText;
  models?: NamedText;
  costs?: NamedText;
}

function parse(file: NamedText | undefined, ctx: LoadContext): Table | null {
  if (file === undefined) return null;
  const table = readCsv(file.name, file.text, ctx.issues);
  ctx.progress.add(file.text.length);
  if (table !== null && table.rows.length === 0) {
    ctx.issues.add(file.name, undefined, undefined, 'file has a header but no data rows');
    return null;
  }
  return table;
}

function readPrompts(file: NamedText, table: Table, ctx: LoadContext): { prompts: Prompt[]; index: Map<string, number> } | null {
  const { header, rows, rowNumbers } = table;
  const mapping = ctx.mappingFor(file.name);
  const idCol = findColumn(header, 'promptId', mapping);
  const textCol = findColumn(header, 'text', mapping);
  const taskCol = findColumn(header, 'task', mapping);
  if (idCol === -1) ctx.issues.add(file.name, 1, undefined, missingColumnMessage('promptId', header, mapping));
  if (textCol === -1) ctx.issues.add(file.name, 1, undefined, missingColumnMessage('text', header, mapping));
  if (idCol === -1 || textCol === -1) return null;
  const prompts: Prompt[] = [];
  const index = new Map<string, number>();
  const firstRow = new Map<string, number>();
  const emptyText: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const id = row[idCol].trim();
    if (id === '') {
      ctx.issues.add(file.name, rowNumbers[r], header[idCol], 'prompt_id is empty');
      continue;
    }
    const first = firstRow.get(id);
    if (first !== undefined) {
      ctx.issues.add(file.name, rowNumbers[r], header[idCol], `duplicate prompt_id "${id}" (first in row ${first})`);
      continue;
    }
    firstRow.set(id, rowNumbers[r]);
    index.set(id, prompts.length);
    const prompt: Prompt = { id, text: row[textCol] };
    if (taskCol !== -1 && row[taskCol].trim() !== '') prompt.task = row[taskCol].trim();
    if (prompt.text.trim() === '') emptyText.push(id);
    prompts.push(prompt);
  }
  if (emptyText.length > 0) {
    ctx.warnings.add(
      file.name,
      undefined,
      header[textCol],
      `${emptyText.length} prompts have empty text (the built-in embedder sees nothing): ${listSome(emptyText)}`,
    );
  }
  ctx.progress.add(file.text.length);
  return { prompts, index };
}

/** Model columns of correctness.csv, in order; reports unnamed and duplicate columns. */
function modelColumns(file: string, header: string[], idCol: number, ctx: LoadContext): { names: string[]; modelOfColumn: Int32Array } {
  const names: string[] = [];
  const modelOfColumn = new Int32Array(header.length).fill(-1);
  const seen = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    if (c === idCol) continue;
    const name = header[c];
    if (name === '') {
      ctx.issues.add(file, 1, undefined, `column ${c + 1} has no name: every column after prompt_id must be named after a model`);
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      ctx.issues.add(file, 1, name, `duplicate model column "${name}" (columns ${first + 1} and ${c + 1})`);
      continue;
    }
    seen.set(name, c);
    modelOfColumn[c] = names.length;
    names.push(name);
  }
  if (names.length === 0) ctx.issues.add(file, 1, undefined, 'no model columns: expected prompt_id followed by one score column per model');
  return { names, modelOfColumn };
}

/** Prompts with no row in correctness.csv, then prompts and models with no score at all. */
function summarise(prompts: Prompt[], scores: Float64Array, models: Model[], seenAt: Int32Array, file: string, ctx: LoadContext): void {
  const noRow = prompts.filter((_, p) => seenAt[p] === 0).map((prompt) => prompt.id);
  // Our choice: a prompt missing from correctness.csv is kept with every score blank (a warning,
  // not an issue), like a row of blank cells; evaluations leave unscored prompts out and count them.
  if (noRow.length > 0)
    ctx.warnings.add(
      file,
      undefined,
      undefined,
      `${noRow.length} prompts in prompts.csv have no row here; they are kept with every score blank: ${listSome(noRow)}`,
    );
  warnUnscored(prompts, models, scores, file, ctx, seenAt);
}

/** Loads the wide layout; null (with issues in ctx) when anything is wrong. */
export function loadWide(files: WideFiles, ctx: LoadContext): LoadedTables | null {
  const before = ctx.issues.count;
  const need: (keyof WideFiles)[] = ['prompts', 'correctness', 'models'];
  const missing = need.filter((role) => files[role] === undefined).map((role) => `${role}.csv`);
  for (const name of missing) {
    ctx.issues.add(
      name,
      undefined,
      undefined,
      `missing required file ${name} (the wide layout needs prompts.csv, correctness.csv and models.csv)`,
    );
  }
  const promptsTable = parse(files.prompts, ctx);
  const correctnessTable = parse(files.correctness, ctx);
  const modelsTable = parse(files.models, ctx);
  const costsTable = parse(files.costs, ctx);
  const promptsRead = promptsTable && files.prompts ? readPrompts(files.prompts, promptsTable, ctx) : null;
  const costModels = modelsTable && files.models ? readModelsCsv(files.models, modelsTable, ctx) : null;
  if (correctnessTable === null || files.correctness === undefined) return null;

  const file = files.correctness.name;
  const { header } = correctnessTable;
  const idCol = findColumn(header, 'promptId', ctx.mappingFor(file));
  if (idCol === -1) {
    ctx.issues.add(file, 1, undefined, missingColumnMessage('promptId', header, ctx.mappingFor(file)));
    return null;
  }
  const { names, modelOfColumn } = modelColumns(file, header, idCol, ctx);
  if (costModels !== null) {
    for (const name of names) {
      if (!costModels.byName.has(name)) ctx.issues.add(file, 1, name, `model "${name}" is not in ${files.models?.name}`);
    }
    const inCorrectness = new Set(names);
    for (const [name, entry] of costModels.byName) {
      if (!inCorrectness.has(name))
        ctx.issues.add(files.models?.name ?? 'models.csv', entry.row, entry.column, `model "${name}" has no column in ${file}`);
    }
  }
  if (promptsRead === null) return null;
  const { prompts, index } = promptsRead;
  const M = names.length;
  const scores = new Float64Array(prompts.length * M).fill(NaN);
  const seenAt = readWideMatrix(
    {
      file,
      table: correctnessTable,
      idColumn: idCol,
      modelOfColumn,
      promptIndex: index,
      models: M,
      parseCell: parseScore,
      unknownIdHint: `not in ${files.prompts?.name}`,
    },
    scores,
    ctx.issues,
    ctx.progress,
    files.correctness.text.length,
  );
  if (files.costs !== undefined && costsTable !== null)
    validateCosts(files.costs.name, costsTable, names, index, files.prompts?.name ?? 'prompts.csv', ctx);
  if (costModels === null || ctx.issues.count > before) return null;
  const models: Model[] = names.map((name) => ({ name, cost: costModels.byName.get(name)?.cost ?? NaN }));
  summarise(prompts, scores, models, seenAt, file, ctx);
  return { prompts, models, costUnit: costModels.costUnit, scores };
}
