import type { DataIssue } from '../types';

/** Default cap on reported issues: enough to fix a file, not so many that a broken file floods the UI. */
export const DEFAULT_ISSUE_CAP = 200;

/** Collects issues up to a cap and counts the rest, so validation can keep going over every row. */
export interface IssueList {
  add(file: string, row: number | undefined, column: string | undefined, message: string): void;
  /** Number of issues added (kept or not). */
  readonly count: number;
  /** The kept issues, plus one closing "and N more" entry when some were left off. */
  toArray(): DataIssue[];
}

export function createIssueList(cap: number = DEFAULT_ISSUE_CAP): IssueList {
  const kept: DataIssue[] = [];
  const droppedFiles = new Set<string>();
  let count = 0;
  return {
    add(file, row, column, message) {
      count++;
      if (kept.length >= cap) {
        droppedFiles.add(file);
        return;
      }
      const issue: DataIssue = { file, message };
      if (row !== undefined) issue.row = row;
      if (column !== undefined) issue.column = column;
      kept.push(issue);
    },
    get count() {
      return count;
    },
    toArray() {
      if (count <= kept.length) return kept.slice();
      const more = count - kept.length;
      const file = droppedFiles.size === 1 ? [...droppedFiles][0] : 'several files';
      return [...kept, { file, message: `and ${more} more issue${more === 1 ? '' : 's'} not shown` }];
    },
  };
}
