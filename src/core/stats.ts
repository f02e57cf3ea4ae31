/**
 * Means over scored cells. Scores and errors are row-major prompts x models matrices in which NaN
 * marks a cell nobody scored (a blank): it is skipped, never read as 0 or 1. What a column without
 * a single scored cell averages to depends on the use (0.5, "no evidence", for an error rate; an
 * accuracy of 0 for ZeroRouter's hull; NaN for a figure that is shown as missing), so every caller
 * passes it explicitly as `empty`.
 */

/** Mean of the scored cells of column `col` of a matrix with `m` columns (every row); `empty` when none is scored. */
export function meanScored(values: ArrayLike<number>, m: number, col: number, empty: number): number {
  if (!Number.isInteger(m) || m < 1 || col < 0 || col >= m) throw new RangeError(`column ${col} is not one of ${m} columns`);
  let sum = 0;
  let count = 0;
  for (let i = col; i < values.length; i += m) {
    const v = values[i];
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : empty;
}

/**
 * Mean of the scored cells of column `col` over the rows listed in rows[from..to) (a K-NN
 * neighbour list), in list order; `empty` when none of them is scored.
 */
export function meanScoredRows(
  values: ArrayLike<number>,
  m: number,
  col: number,
  rows: ArrayLike<number>,
  from: number,
  to: number,
  empty: number,
): number {
  let sum = 0;
  let count = 0;
  for (let j = from; j < to; j++) {
    const v = values[rows[j] * m + col];
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : empty;
}

/**
 * meanScored of every column in one row-major pass (each column still summed in row order, so
 * the means equal meanScored's bit for bit), with the number of scored cells behind each.
 */
export function columnMeansScored(values: ArrayLike<number>, m: number, empty: number): { means: Float64Array; counts: Int32Array } {
  if (!Number.isInteger(m) || m < 0 || (m === 0 ? values.length !== 0 : values.length % m !== 0))
    throw new RangeError(`a matrix of ${values.length} values does not have ${m} columns`);
  const sums = new Float64Array(m);
  const counts = new Int32Array(m);
  for (let i = 0; i < values.length; i += m) {
    for (let h = 0; h < m; h++) {
      const v = values[i + h];
      if (!Number.isNaN(v)) {
        sums[h] += v;
        counts[h]++;
      }
    }
  }
  const means = new Float64Array(m);
  for (let h = 0; h < m; h++) means[h] = counts[h] > 0 ? sums[h] / counts[h] : empty;
  return { means, counts };
}
