/**
 * Rows a consumer copies out where it keeps them (a kernel's wasm memory, a shard's block): a plain
 * matrix, or points centred on the fly (cluster/centre.ts), so a kernel is filled in one pass
 * without a centred copy of the whole data set in between.
 */
import type { Matrix } from '../types';

export interface RowSource {
  rows: number;
  cols: number;
  /** Writes rows start..end-1 into `out`, row r at offset (r - start) * stride (cols values each). */
  copyRows(out: Float32Array, stride: number, start: number, end: number): void;
  /**
   * Set when the rows are `raw` minus `mean` (centred points, cluster/centre.ts): a consumer may
   * copy the raw rows and subtract itself (a wasm kernel in SIMD, a shard on its own thread), as
   * long as it writes copyRows's values: float64 raw - mean, rounded to float32 once.
   */
  centring?: { raw: Matrix; mean: Float64Array };
}

/** Rows per chunk of the column sums: a block that starts at a multiple of it sums as the whole does. */
export const SUM_CHUNK_ROWS = 1024;

/**
 * Column sums and sums of squares of raw rows in chunks of SUM_CHUNK_ROWS rows (chunk c: rows
 * c * SUM_CHUNK_ROWS.. of the block), float64, each chunk added row after row: `sums` and `squares`
 * hold `chunks` x `cols` values. The centring (cluster/centre.ts) adds the chunks up in row order,
 * so blocks summed on different threads give the bits of one pass over all the rows.
 */
export interface ChunkSums {
  chunks: number;
  cols: number;
  sums: Float64Array;
  squares: Float64Array;
}

/** ChunkSums of a matrix, in JavaScript (the wasm kernels' columnSums adds in the same order). */
export function chunkSums(raw: Matrix): ChunkSums {
  const { rows: n, cols: d, data } = raw;
  const chunks = Math.ceil(n / SUM_CHUNK_ROWS);
  const sums = new Float64Array(chunks * d);
  const squares = new Float64Array(chunks * d);
  for (let c = 0; c < chunks; c++) {
    const end = Math.min(n, (c + 1) * SUM_CHUNK_ROWS);
    const at = c * d;
    for (let i = c * SUM_CHUNK_ROWS; i < end; i++) {
      const row = i * d;
      for (let j = 0; j < d; j++) {
        const v = data[row + j];
        sums[at + j] += v;
        squares[at + j] += v * v;
      }
    }
  }
  return { chunks, cols: d, sums, squares };
}

/** What a kernel does in SIMD over the rows in its memory (the exports of assembly/lib/centre.ts). */
export interface KernelRows {
  /** Subtracts `mean` from every row, as copyRows of a centred source writes them. */
  centre(mean: Float64Array): void;
  /** Sums and sums of squares of rows start..end-1, added as chunkSums adds them. */
  columnSums(start: number, end: number): { sums: Float64Array; squares: Float64Array };
}

/** The exports of assembly/lib/centre.ts that a kernel re-exports. */
export interface CentreExports {
  centre(x: number, n: number, dp: number, mean: number): void;
  columnSums(x: number, start: number, end: number, dp: number, out: number): void;
}

/**
 * KernelRows over a kernel's memory: n rows of dp floats at byte `x`, d of them real, and a
 * scratch of 2 x dp float64 at byte `scratch` (zero padding; the mean, or the sums and squares).
 */
export function simdRows(
  wasm: CentreExports,
  buffer: ArrayBuffer,
  x: number,
  scratch: number,
  n: number,
  d: number,
  dp: number,
): KernelRows {
  return {
    centre(mean) {
      new Float64Array(buffer, scratch, dp).set(mean); // padding: zero (columnSums of zero padding)
      wasm.centre(x, n, dp, scratch);
    },
    columnSums(start, end) {
      wasm.columnSums(x, start, end, dp, scratch);
      return { sums: new Float64Array(buffer, scratch, d).slice(), squares: new Float64Array(buffer, scratch + dp * 8, d).slice() };
    },
  };
}

/**
 * A kernel's rows arriving raw, before their mean is known (a shard of the sharded engine): the
 * kernel hands the chunk sums of its rows to `centreBy`, which answers the mean to centre them by.
 */
export type CentreBy = (sums: ChunkSums) => Promise<Float64Array>;

/**
 * Writes every row of `source` into a kernel's memory `out` (`stride` floats a row). A centred
 * source is copied raw and centred by the kernel's SIMD pass (the same values as copyRows). With
 * `centreBy`, the source is the raw rows: their chunk sums go out and the mean comes back first.
 */
export async function fillKernelRows(
  source: RowSource,
  out: Float32Array,
  stride: number,
  kernel: KernelRows,
  centreBy?: CentreBy,
): Promise<void> {
  const c = source.centring;
  if (centreBy !== undefined) {
    source.copyRows(out, stride, 0, source.rows);
    const chunks = Math.ceil(source.rows / SUM_CHUNK_ROWS);
    const d = source.cols;
    const sums = new Float64Array(chunks * d);
    const squares = new Float64Array(chunks * d);
    for (let ch = 0; ch < chunks; ch++) {
      const part = kernel.columnSums(ch * SUM_CHUNK_ROWS, Math.min(source.rows, (ch + 1) * SUM_CHUNK_ROWS));
      sums.set(part.sums, ch * d);
      squares.set(part.squares, ch * d);
    }
    kernel.centre(await centreBy({ chunks, cols: d, sums, squares }));
  } else if (c !== undefined) {
    matrixRows(c.raw).copyRows(out, stride, 0, source.rows);
    kernel.centre(c.mean);
  } else {
    source.copyRows(out, stride, 0, source.rows);
  }
}

/** A matrix as a row source (plain copies). */
export function matrixRows(m: Matrix): RowSource {
  const { rows, cols, data } = m;
  return {
    rows,
    cols,
    copyRows(out, stride, start, end) {
      if (stride === cols) out.set(data.subarray(start * cols, end * cols));
      else for (let r = start; r < end; r++) out.set(data.subarray(r * cols, (r + 1) * cols), (r - start) * stride);
    },
  };
}

/** A row source from either form. */
export function asRowSource(points: Matrix | RowSource): RowSource {
  return 'copyRows' in points ? points : matrixRows(points);
}

/** Every row in a new row-major Float32Array. */
export function allRows(points: Matrix | RowSource): Matrix {
  if (!('copyRows' in points)) return points;
  const data = new Float32Array(points.rows * points.cols);
  points.copyRows(data, points.cols, 0, points.rows);
  return { rows: points.rows, cols: points.cols, data };
}
