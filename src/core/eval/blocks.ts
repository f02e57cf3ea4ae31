/** The prompts x models matrices a deferral sweep reads gamma and scores from. */

/**
 * An n x m row-major matrix given as a block of its first m0 columns (n x m0, row-major) and one
 * array of n values per further column: the explorer's pool (base test pool + added LLMs) without
 * copying n x m values for every added LLM.
 */
export interface ColumnBlocks {
  base: Float64Array;
  m0: number;
  columns: readonly Float64Array[];
}

/** The blocks of a plain n x m matrix. */
export function asBlocks(matrix: Float64Array, m: number): ColumnBlocks {
  return { base: matrix, m0: m, columns: [] };
}

/** Element (p, h) of blocks. */
export function blockAt(b: ColumnBlocks, p: number, h: number): number {
  return h < b.m0 ? b.base[p * b.m0 + h] : b.columns[h - b.m0][p];
}

/** Row p of blocks into `out` (length m). */
export function blockRow(b: ColumnBlocks, p: number, out: Float64Array): Float64Array {
  const { base, m0, columns } = b;
  for (let h = 0; h < m0; h++) out[h] = base[p * m0 + h];
  for (let j = 0; j < columns.length; j++) out[m0 + j] = columns[j][p];
  return out;
}
