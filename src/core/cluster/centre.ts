/**
 * Centring of the points, written once for every engine and the tests' reference. Distances do
 * not change when every point and centroid moves by the same vector, but the engines' norm
 * expansion |mu|^2 - 2 x.mu cancels far less on centred data (scikit-learn centres too). The
 * centred points are a row source (../kernels/rowSource.ts): an engine writes them where it keeps
 * them (wasm memory, a shard's block) in one pass, with no centred copy of the data in between.
 * The source also carries the raw points and the mean, so a wasm kernel subtracts in SIMD and a
 * shard centres its own block on its own thread; both write exactly copyRows's values (tested).
 * The mean is a sum of per-chunk sums (kernels/rowSource.ts ChunkSums), so shards can sum their own
 * blocks and the calling thread only adds up their chunks, with the bits of one pass.
 */
import { allRows, chunkSums, type ChunkSums, type RowSource } from '../kernels/rowSource';
import type { Matrix } from '../types';
import { checkMatrix } from './options';

export interface CentredRows {
  /** The points minus their column mean (float64 mean, each value rounded to float32 once). */
  rows: RowSource;
  /** Column means, float64. */
  mean: Float64Array;
  /**
   * tolerance * mean over dimensions of the per-dimension (population) variance of the points:
   * the shift below which Lloyd stops (options.ts).
   */
  threshold: number;
}

export interface Centred extends Omit<CentredRows, 'rows'> {
  centred: Matrix;
}

/** `raw` minus `mean` (one float64 value per column) as a row source, each value rounded to float32 once. */
export function centredSource(raw: Matrix, mean: Float64Array): RowSource {
  const { rows: n, cols: d, data } = raw;
  if (mean.length !== d) throw new Error(`the mean has ${mean.length} values for ${d} columns`);
  return {
    rows: n,
    cols: d,
    copyRows(out, stride, start, end) {
      for (let i = start; i < end; i++) {
        const from = i * d;
        const to = (i - start) * stride;
        for (let j = 0; j < d; j++) out[to + j] = data[from + j] - mean[j];
      }
    },
    centring: { raw, mean },
  };
}

/** The centring of a set of points: column means and the stopping threshold. */
export interface CentringStats {
  /** Column means, float64. */
  mean: Float64Array;
  /** tolerance * mean over dimensions of the per-dimension (population) variance (options.ts). */
  threshold: number;
}

/**
 * The centring from the chunk sums of every block of the points, blocks in row order, each
 * starting at a multiple of SUM_CHUNK_ROWS: chunks are added up in row order, so any split gives
 * the bits of one pass (the variance as E[x^2] - mean^2 is ample for a stopping threshold). The
 * same sums check the values: a float32 value and its square are far inside float64's range, so a
 * column's sums are finite exactly when its values are; when one is not, checkMatrix names it.
 */
export function centringOf(points: Matrix, blocks: ChunkSums[], tolerance: number): CentringStats {
  const { rows: n, cols: d } = points;
  const mean = new Float64Array(d);
  const squares = new Float64Array(d);
  for (const b of blocks) {
    if (b.cols !== d) throw new Error(`chunk sums of ${b.cols} columns for ${d}`);
    for (let c = 0; c < b.chunks; c++) {
      for (let j = 0; j < d; j++) {
        mean[j] += b.sums[c * d + j];
        squares[j] += b.squares[c * d + j];
      }
    }
  }
  let total = 0;
  for (let j = 0; j < d; j++) {
    if (!Number.isFinite(squares[j])) checkMatrix(points, 'points'); // throws, naming the value
    mean[j] /= n;
    total += Math.max(0, squares[j] / n - mean[j] * mean[j]);
  }
  return { mean, threshold: (tolerance * total) / d };
}

/**
 * The centred points, with their centring worked out when first needed: on this thread (one read
 * pass), or from chunk sums the holders of the blocks computed (`adopt`: the sharded engine's
 * shards, each over its own block, while this thread only copies bytes).
 */
export interface CentredSource extends RowSource {
  raw: Matrix;
  /** Known already (computed or adopted)? */
  readonly known: boolean;
  /** The centring (computed here on first use unless adopted first). */
  stats(): CentringStats;
  /** Takes the centring from the chunk sums of each block, blocks in row order (see centringOf). */
  adopt(blocks: ChunkSums[]): CentringStats;
}

/** The points minus their column mean, the mean still to be worked out (see CentredSource). */
export function centreLater(points: Matrix, tolerance: number): CentredSource {
  let stats: CentringStats | undefined;
  let rows: RowSource | undefined;
  const source = (): RowSource => (rows ??= centredSource(points, get().mean));
  const get = (): CentringStats => (stats ??= centringOf(points, [chunkSums(points)], tolerance));
  return {
    rows: points.rows,
    cols: points.cols,
    raw: points,
    get known() {
      return stats !== undefined;
    },
    stats: get,
    adopt(blocks) {
      if (stats !== undefined) throw new Error('the centring is known already');
      return (stats = centringOf(points, blocks, tolerance));
    },
    copyRows: (out, stride, start, end) => source().copyRows(out, stride, start, end),
    get centring() {
      return source().centring;
    },
  };
}

/** The centring, worked out now, and the centred points as a row source. */
export function centredRows(points: Matrix, tolerance: number): CentredRows {
  const source = centreLater(points, tolerance);
  return { rows: source, ...source.stats() };
}

/** centredRows with the centred points copied out (the tests' reference and the ts/tfjs engines' form). */
export function centrePoints(points: Matrix, tolerance: number): Centred {
  const { rows, mean, threshold } = centredRows(points, tolerance);
  return { centred: allRows(rows), mean, threshold };
}

/** Moves K x D centroids by -mean (sign -1, into the centred frame) or +mean (sign 1, back). */
export function shiftRows(rows: Float32Array, mean: Float64Array, sign: 1 | -1): Float32Array {
  const d = mean.length;
  return Float32Array.from(rows, (v, i) => v + sign * mean[i % d]);
}
