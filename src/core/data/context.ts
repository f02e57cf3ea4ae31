import type { Model, Prompt } from '../types';
import type { ColumnMapping } from './columns';
import type { IssueList } from './issues';
import type { Progress } from './progress';

/** What every layout reader shares while loading one dataset. */
export interface LoadContext {
  /** The column mapping of one file (by its name as given): its own, else the upload's shared one. */
  mappingFor: (file: string) => ColumnMapping;
  issues: IssueList;
  warnings: IssueList;
  progress: Progress;
}

/** A layout's result before embeddings are attached: the Dataset less its name and embeddings. */
export interface LoadedTables {
  prompts: Prompt[];
  models: Model[];
  costUnit: string;
  /** Row-major prompts x models, NaN = not scored. */
  scores: Float64Array;
}
