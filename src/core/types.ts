/**
 * Shared types of the RouteLab core (pure TypeScript: runs in Node, the browser and a worker).
 * Vocabulary follows UniRoute (arXiv 2502.08773): prompts x, LLMs h, cost c(h), error e(x,h),
 * cost penalty lambda (costPenalty), per-cluster error profile Psi(h) (errorProfile),
 * cluster map Phi(x) (clusterMap).
 */

/** A row-major dense matrix: element (r, c) is data[r * cols + c]. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

export interface Prompt {
  id: string;
  text: string;
  /** Task family / benchmark (prompts.csv `task` or `source` column), when given. */
  task?: string;
}

export interface Model {
  name: string;
  /** c(h) >= 0 per call, in whatever unit the dataset gives (see costUnit). */
  cost: number;
}

/** A validated benchmark: per-prompt scores of several LLMs plus their costs. */
export interface Dataset {
  name: string;
  prompts: Prompt[];
  models: Model[];
  /** Unit of Model.cost as the files state it (models.csv `cost_unit`), or '' when not given. */
  costUnit: string;
  /**
   * Scores in [0,1], row-major prompts x models: score of model m on prompt p is
   * scores[p * models.length + m]. NaN = not scored (blank cell). Error e = 1 - score.
   */
  scores: Float64Array;
  /** Uploaded embeddings aligned with `prompts` (row p = prompt p), used as given. */
  embeddings?: Matrix;
}

/** One problem found in an input file. Rows are 1-based records with the header as row 1. */
export interface DataIssue {
  file: string;
  row?: number;
  column?: string;
  message: string;
}

/** Parsers return a result instead of throwing (excalidraw charts.parse.ts style). */
export type Result<T> = { ok: true; data: T; warnings: DataIssue[] } | { ok: false; issues: DataIssue[] };

/** A text file handed to the core by the CLI (read from disk) or the UI (dropped file). */
export interface NamedText {
  name: string;
  text: string;
}

/** Formats one issue as `file, row R, column "C": message` for logs and the CLI. */
export function formatIssue(issue: DataIssue): string {
  const where = [issue.file];
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  if (issue.column !== undefined) where.push(`column "${issue.column}"`);
  return `${where.join(', ')}: ${issue.message}`;
}
