/**
 * Trustworthiness of a 2-D map (Venna and Kaski 2001; scikit-learn's `trustworthiness`): how far
 * the map's k nearest neighbours of a point are from being its true neighbours in embedding space.
 * T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in U_k(i)} (r(i, j) - k), where U_k(i) are the
 * map's k nearest neighbours of i and r(i, j) the rank of j among i's neighbours in embedding space
 * (1 = nearest). 1 means every map neighbour is a true one; a random map scores about 0.5.
 * Exact on the rows given; a seeded sample keeps it cheap on a large dataset (the value is then
 * that of the sample).
 */
import type { Matrix } from '../types';
import { createRng } from '../rng';
import { sampleRows } from './umap';

export interface Trustworthiness {
  value: number;
  /** Neighbours k. */
  k: number;
  /** Rows it was computed on (a seeded sample when the dataset is larger). */
  sample: number;
}

/** Squared Euclidean distances from row `i` of `x` (dim `d`) to every row. */
function squaredDistances(x: ArrayLike<number>, n: number, d: number, i: number, out: Float64Array): void {
  const oi = i * d;
  for (let j = 0; j < n; j++) {
    const oj = j * d;
    let s = 0;
    for (let c = 0; c < d; c++) {
      const t = x[oi + c] - x[oj + c];
      s += t * t;
    }
    out[j] = s;
  }
}

/** The k nearest rows of i by `dist` (i excluded; ties to the lower index). */
function nearest(dist: Float64Array, i: number, k: number): Int32Array {
  const order = Int32Array.from({ length: dist.length }, (_, j) => j).filter((j) => j !== i);
  order.sort((a, b) => dist[a] - dist[b] || a - b);
  return order.subarray(0, k);
}

/**
 * Trustworthiness of `low` (n x 2, or any width `lowDim`) for `high` (n x D), both row-major, with
 * k neighbours. Rank ties in embedding space go to the lower index. k must be below n / 2.
 */
export function trustworthiness(high: Matrix, low: ArrayLike<number>, k: number, lowDim = 2): number {
  const n = high.rows;
  if (low.length !== n * lowDim) throw new RangeError(`the map holds ${low.length} values, expected ${n} x ${lowDim}`);
  if (!Number.isInteger(k) || k < 1 || k >= n / 2) throw new RangeError(`k must be an integer in [1, n/2), got ${k} for n = ${n}`);
  const dh = new Float64Array(n);
  const dl = new Float64Array(n);
  let penalty = 0;
  for (let i = 0; i < n; i++) {
    squaredDistances(high.data, n, high.cols, i, dh);
    squaredDistances(low, n, lowDim, i, dl);
    for (const j of nearest(dl, i, k)) {
      // Rank of j among i's true neighbours: 1 + rows strictly nearer (or as near with a lower index).
      let rank = 1;
      for (let l = 0; l < n; l++) if (l !== i && l !== j && (dh[l] < dh[j] || (dh[l] === dh[j] && l < j))) rank++;
      if (rank > k) penalty += rank - k;
    }
  }
  return 1 - (2 / (n * k * (2 * n - 3 * k - 1))) * penalty;
}

/** Trustworthiness on a seeded sample of at most `sampleSize` rows (all rows when fewer). */
export function sampledTrustworthiness(
  high: Matrix,
  low: Float32Array,
  options: { k?: number; sampleSize?: number; seed?: number } = {},
): Trustworthiness {
  const n = high.rows;
  const size = Math.min(n, options.sampleSize ?? 1000);
  const k = Math.min(options.k ?? 10, Math.max(1, Math.ceil(size / 2) - 1));
  const rows = sampleRows(n, size, createRng(options.seed ?? 0));
  const d = high.cols;
  const h = new Float32Array(size * d);
  const l = new Float32Array(size * 2);
  for (let i = 0; i < size; i++) {
    h.set(high.data.subarray(rows[i] * d, (rows[i] + 1) * d), i * d);
    l[2 * i] = low[2 * rows[i]];
    l[2 * i + 1] = low[2 * rows[i] + 1];
  }
  return { value: trustworthiness({ rows: size, cols: d, data: h }, l, k), k, sample: size };
}
