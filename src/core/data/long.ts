/**
 * The long layout: one CSV or JSONL file with a row per (prompt, model): prompt_id, prompt (or
 * text), model, score (alias correct), cost per call, optional task/source and cost_unit.
 * Prompts and models keep the order of their first row; a model's cost is the mean of its rows' costs.
 */
import type { Model, NamedText, Prompt } from '../types';
import { parseCost, parseScore } from './cells';
import { findColumn, missingColumnMessage, type CanonicalColumn } from './columns';
import type { LoadContext, LoadedTables } from './context';
import { readCsv } from './csv';
import { readJsonl } from './jsonl';
import { warnUnscored } from './summary';
import type { Table } from './text';
import { listSome } from './wideMatrix';

/** In a long file `prompt` is the usual name of the text column. */
const TEXT_NAMES = ['prompt', 'text'] as const;

/** Largest prompts x models matrix a long file may describe (the dense score matrix must fit in memory). */
const MAX_CELLS = 50_000_000;

export function isJsonlName(name: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(name);
}

function requiredColumns(file: string, table: Table, ctx: LoadContext): Record<CanonicalColumn, number> | null {
  const { header } = table;
  const cols: Record<CanonicalColumn, number> = {
    promptId: findColumn(header, 'promptId', ctx.mappingFor(file)),
    text: findColumn(header, 'text', ctx.mappingFor(file), TEXT_NAMES),
    model: findColumn(header, 'model', ctx.mappingFor(file)),
    score: findColumn(header, 'score', ctx.mappingFor(file)),
    cost: findColumn(header, 'cost', ctx.mappingFor(file)),
    task: findColumn(header, 'task', ctx.mappingFor(file)),
  };
  let ok = true;
  for (const key of ['promptId', 'text', 'model', 'score', 'cost'] as const) {
    if (cols[key] !== -1) continue;
    ok = false;
    ctx.issues.add(file, 1, undefined, missingColumnMessage(key, header, ctx.mappingFor(file), key === 'text' ? TEXT_NAMES : undefined));
  }
  return ok ? cols : null;
}

/** Loads a long-format file; null (with issues in ctx) when anything is wrong. */
export function loadLong(file: NamedText, ctx: LoadContext): LoadedTables | null {
  const name = file.name;
  const table = isJsonlName(name) ? readJsonl(name, file.text, ctx.issues) : readCsv(name, file.text, ctx.issues);
  ctx.progress.add(file.text.length);
  if (table === null) return null;
  if (table.rows.length === 0) {
    ctx.issues.add(name, undefined, undefined, 'file has a header but no data rows');
    return null;
  }
  const cols = requiredColumns(name, table, ctx);
  if (cols === null) return null;
  const { header, rows, rowNumbers } = table;
  const unitCol = header.findIndex((h) => h.trim().toLowerCase() === 'cost_unit');
  const before = ctx.issues.count;

  const prompts: Prompt[] = [];
  const promptIndex = new Map<string, number>();
  const promptRow: number[] = [];
  const modelNames: string[] = [];
  const modelIndex = new Map<string, number>();
  const costSum: number[] = [];
  const costCount: number[] = [];
  // One entry per good row, in flat arrays (no per-row objects).
  const rowP: number[] = [];
  const rowM: number[] = [];
  const rowScore: number[] = [];
  const rowNo: number[] = [];
  let costUnit: string | undefined;
  let unitRow = 0;
  const perBlock = ctx.progress.rowUnits(file.text.length, rows.length) * 2048;

  for (let r = 0; r < rows.length; r++) {
    if ((r & 2047) === 2047) ctx.progress.add(perBlock);
    const row = rows[r];
    const at = rowNumbers[r];
    const id = row[cols.promptId].trim();
    const model = row[cols.model].trim();
    const score = parseScore(row[cols.score], ctx.issues, name, at, header[cols.score]);
    const cost = parseCost(row[cols.cost], ctx.issues, name, at, header[cols.cost], true);
    if (id === '') ctx.issues.add(name, at, header[cols.promptId], 'prompt_id is empty');
    if (model === '') ctx.issues.add(name, at, header[cols.model], 'model name is empty');
    if (id === '' || model === '') continue;
    const text = row[cols.text];
    const task = cols.task === -1 ? '' : row[cols.task].trim();
    let p = promptIndex.get(id);
    if (p === undefined) {
      p = prompts.length;
      promptIndex.set(id, p);
      promptRow.push(at);
      const prompt: Prompt = { id, text };
      if (task !== '') prompt.task = task;
      prompts.push(prompt);
    } else {
      // The text may be repeated on every row or given once; two different texts for one id is an error.
      const prompt = prompts[p];
      if (prompt.text === '') prompt.text = text;
      else if (text !== '' && text !== prompt.text)
        ctx.issues.add(name, at, header[cols.text], `prompt "${id}" has a different text than in row ${promptRow[p]}`);
      if (prompt.task === undefined && task !== '') prompt.task = task;
      else if (task !== '' && task !== prompt.task)
        ctx.issues.add(name, at, header[cols.task], `prompt "${id}" has task "${task}" but "${prompt.task}" in row ${promptRow[p]}`);
    }
    let m = modelIndex.get(model);
    if (m === undefined) {
      m = modelNames.length;
      modelIndex.set(model, m);
      modelNames.push(model);
      costSum.push(0);
      costCount.push(0);
    }
    if (Number.isFinite(cost)) {
      costSum[m] += cost;
      costCount[m]++;
    }
    if (unitCol !== -1) {
      const unit = row[unitCol].trim();
      if (costUnit === undefined) {
        costUnit = unit;
        unitRow = at;
      } else if (unit !== costUnit) {
        ctx.issues.add(
          name,
          at,
          header[unitCol],
          `cost_unit "${unit}" differs from "${costUnit}" in row ${unitRow}: every cost must be in one unit`,
        );
      }
    }
    rowP.push(p);
    rowM.push(m);
    rowScore.push(score);
    rowNo.push(at);
  }

  const P = prompts.length;
  const M = modelNames.length;
  if (P * M > MAX_CELLS) {
    ctx.issues.add(name, undefined, undefined, `too large: ${P} prompts x ${M} models is over ${MAX_CELLS} score cells`);
    return null;
  }
  const scores = new Float64Array(P * M).fill(NaN);
  const firstRow = new Int32Array(P * M);
  for (let i = 0; i < rowP.length; i++) {
    const k = rowP[i] * M + rowM[i];
    if (firstRow[k] !== 0) {
      ctx.issues.add(
        name,
        rowNo[i],
        header[cols.model],
        `duplicate (prompt_id, model) pair ("${prompts[rowP[i]].id}", "${modelNames[rowM[i]]}"): first in row ${firstRow[k]}`,
      );
      continue;
    }
    firstRow[k] = rowNo[i];
    scores[k] = rowScore[i];
  }
  if (ctx.issues.count > before) return null;

  const models: Model[] = modelNames.map((n, m) => ({ name: n, cost: costSum[m] / costCount[m] }));
  const absent = P * M - rowP.length;
  if (absent > 0)
    ctx.warnings.add(name, undefined, undefined, `${absent} of the ${P} x ${M} (prompt, model) pairs have no row; their scores are blank`);
  const emptyText = prompts.filter((prompt) => prompt.text.trim() === '').map((prompt) => prompt.id);
  if (emptyText.length > 0)
    ctx.warnings.add(
      name,
      undefined,
      header[cols.text],
      `${emptyText.length} prompts have empty text (the built-in embedder sees nothing): ${listSome(emptyText)}`,
    );
  warnUnscored(prompts, models, scores, name, ctx);
  return { prompts, models, costUnit: costUnit ?? '', scores };
}
