/**
 * Exact k nearest neighbours in embedding space phi(x) (Euclidean; on the built-in embedder's unit
 * vectors the same order as cosine similarity), plain TS. Ties go to the lower row index.
 */
import type { Matrix } from '../types';

/** k neighbours of each query, query-major: rows[q * k + j] is the j-th nearest base row of query q. */
export interface KnnResult {
  k: number;
  rows: Int32Array;
  /** Euclidean distances, same layout (ascending per query). */
  distances: Float32Array;
}

/** Progress and cancellation of a batched neighbour search. */
export interface KnnHooks {
  /** After each batch: query rows done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Polled between batches; true ends the search (the result is null). */
  shouldStop?: () => boolean;
  /** Awaited between batches (e.g. to yield to the event loop). */
  between?: () => Promise<void>;
}

/** A batched neighbour search with progress and cancellation (e.g. rpForestKnn). */
export type KnnSearch = (queries: Matrix, base: Matrix, k: number, hooks?: KnnHooks) => Promise<KnnResult | null>;

/** Squared Euclidean distance between row a of `x` and row b of `y` (same width). */
function squared(x: Matrix, a: number, y: Matrix, b: number): number {
  const d = x.cols;
  const oa = a * d;
  const ob = b * d;
  let s = 0;
  for (let c = 0; c < d; c++) {
    const t = x.data[oa + c] - y.data[ob + c];
    s += t * t;
  }
  return s;
}

/**
 * The k nearest base rows of query row `q` (of `queries`), excluding base row `skip` (e.g. the
 * query itself when both are the same matrix). Fewer than k when the base is smaller.
 */
export function nearestRows(queries: Matrix, q: number, base: Matrix, k: number, skip = -1): { rows: number[]; distances: number[] } {
  if (queries.cols !== base.cols) throw new RangeError(`queries have ${queries.cols} columns, the base ${base.cols}`);
  const rows: number[] = [];
  const d2: number[] = [];
  for (let b = 0; b < base.rows; b++) {
    if (b === skip) continue;
    const v = squared(queries, q, base, b);
    if (rows.length === k && v >= d2[k - 1]) continue;
    // Insertion into the sorted top list; equal distances keep the earlier (lower) row first.
    let j = rows.length < k ? rows.length : k - 1;
    while (j > 0 && d2[j - 1] > v) {
      rows[j] = rows[j - 1];
      d2[j] = d2[j - 1];
      j--;
    }
    rows[j] = b;
    d2[j] = v;
  }
  return { rows, distances: d2.map(Math.sqrt) };
}

/** Exact k nearest base rows of every query row (brute force, O(queries x base x D)). */
export function exactKnn(queries: Matrix, base: Matrix, k: number): KnnResult {
  if (!Number.isInteger(k) || k < 1 || k > base.rows) throw new RangeError(`k must be an integer in [1, ${base.rows}], got ${k}`);
  const rows = new Int32Array(queries.rows * k);
  const distances = new Float32Array(queries.rows * k);
  for (let q = 0; q < queries.rows; q++) {
    const r = nearestRows(queries, q, base, k);
    rows.set(r.rows, q * k);
    distances.set(r.distances, q * k);
  }
  return { k, rows, distances };
}
