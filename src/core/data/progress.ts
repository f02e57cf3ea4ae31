/** Progress of a load as a fraction of work units (characters read and rows checked). */
export interface Progress {
  /** Marks `units` more units done. */
  add(units: number): void;
  /** Work units per row of a table whose text is `chars` long (rows are checked after parsing). */
  rowUnits(chars: number, rows: number): number;
  done(): void;
}

/** Calls onProgress with a non-decreasing fraction, at most about every 1% (cheap to call per row block). */
export function createProgress(total: number, onProgress?: (fraction: number) => void): Progress {
  let doneUnits = 0;
  let last = -1;
  const report = (f: number): void => {
    if (onProgress === undefined) return;
    if (f - last >= 0.01 || (f === 1 && last < 1)) {
      last = f;
      onProgress(f);
    }
  };
  return {
    add(units) {
      doneUnits += units;
      report(total > 0 ? Math.min(1, doneUnits / total) * 0.99 : 0);
    },
    rowUnits: (chars, rows) => (rows > 0 ? chars / rows : 0),
    done: () => report(1),
  };
}

/** How many rows to check between progress calls. */
export const PROGRESS_BLOCK = 2048;
