/** CLI failures: bad input exits 2 with a message naming file, row and column (the CLI's contract). */
import { formatIssue, type DataIssue } from '../core/types';

export class UsageError extends Error {}

export class InputError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

export function inputError(file: string, message: string, row?: number, column?: string): InputError {
  return new InputError([{ file, message, row, column }]);
}
