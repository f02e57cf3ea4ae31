/**
 * CSV export of the Deferral view (curves and metrics) and of the validation prompts a new LLM
 * must answer. Every text cell that a spreadsheet would read as a formula (= + - @, tab, CR) is
 * neutralised with a leading apostrophe (OWASP "CSV injection").
 */
import { METHOD_LABELS, type MethodName } from '../eval';
import type { Router } from '../routerFile';
import type { SessionPool } from './types';
import { POOL_METHODS } from './pool';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell with a leading ' when it starts with = + - @ tab or CR (a spreadsheet formula trigger). */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC-4180 field: quoted (quotes doubled) when it holds a comma, quote, CR or LF. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number as text: shortest round-trip decimal, '' for null / NaN / infinite. */
function num(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '' : String(v);
}

/**
 * CSV text of `rows`: text cells neutralised then quoted; numbers written as numbers (a negative
 * number is data, not a formula, so number cells are not prefixed).
 */
export function toSafeCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return (
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? field(neutraliseCell(cell)) : num(cell))).join(',')).join('\n') + '\n'
  );
}

/** Every method's Pareto front and every single LLM: method,label,kind,normalised_cost,accuracy,cost_penalty,estimated. */
export function curvesCsv(pool: SessionPool): string {
  const rows: (string | number | null)[][] = [['method', 'label', 'kind', 'normalised_cost', 'accuracy', 'cost_penalty', 'estimated']];
  for (const method of POOL_METHODS) {
    const view = pool.methods[method];
    if (!view) continue;
    for (const pt of view.front)
      rows.push([method, METHOD_LABELS[method], 'curve', pt.cost, pt.accuracy, pt.costPenalty, view.estimated ? 'yes' : 'no']);
  }
  for (const s of pool.singles) rows.push(['single', s.name, 'llm', s.cost, s.accuracy, null, s.estimated ? 'yes' : 'no']);
  return toSafeCsv(rows);
}

/** One row per method: method,label,area,area50,qnc,aiq,peak_accuracy,estimated (qnc blank when not reached). */
export function metricsCsv(pool: SessionPool): string {
  const rows: (string | number | null)[][] = [['method', 'label', 'area', 'area50', 'qnc', 'aiq', 'peak_accuracy', 'estimated']];
  for (const method of POOL_METHODS) {
    const view = pool.methods[method];
    if (!view) continue;
    const m = view.metrics;
    rows.push([method, METHOD_LABELS[method as MethodName], m.area, m.area50, m.qnc, m.aiq, m.peakAccuracy, view.estimated ? 'yes' : 'no']);
  }
  return toSafeCsv(rows);
}

/**
 * The validation prompts a new LLM must answer: prompt_id,text,cluster,score with score blank, ready
 * to fill in and upload (parseScoresCsv ignores text and cluster). Prompt ids are written verbatim:
 * they must match on upload; the text is neutralised.
 */
export function validationPromptsCsv(router: Pick<Router, 'validationPrompts'>): string {
  const lines = ['prompt_id,text,cluster,score'];
  for (const p of router.validationPrompts) lines.push([field(p.id), field(neutraliseCell(p.text)), String(p.cluster), ''].join(','));
  return lines.join('\n') + '\n';
}
