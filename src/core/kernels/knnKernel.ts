/**
 * Float32 scores |r|^2 - 2 q.r of query rows against a fixed set of references, in WebAssembly
 * SIMD (assembly/knnScores.ts): the shortlisting half of the exact k-nearest-neighbour search in
 * routing/knn.ts. The references are written once (transposed, -2 r, with |r|^2); queries go in
 * blocks of at most `block` rows. Synchronous, so the k-NN callers stay synchronous.
 */
import type { Matrix } from '../types';
import { instantiateKernelSync, kernelMemory, simdSupported } from './wasmKernels';

export interface KnnScoreKernel {
  /** Padded width of a score row (the references rounded up to a multiple of 4). */
  stride: number;
  /**
   * Scores of query rows start..end-1 of `queries` (end - start <= block): row i of the result at
   * i * stride, references 0..refs-1 in order. The view is overwritten by the next call.
   */
  scores(queries: Matrix, start: number, end: number): Float32Array;
  /**
   * The kk lowest scores of row i of the last `scores` call, ascending, ties to the lower
   * reference (+Infinity and -1 past the scores below +Infinity). Views overwritten by the next call.
   */
  lowest(i: number, kk: number): { score: Float32Array; index: Int32Array };
  /**
   * Every reference of row i of the last `scores` call whose score is not above `limit` (NaN
   * scores included), in index order. A view overwritten by the next call.
   */
  notAbove(i: number, limit: number): Int32Array;
  /**
   * The squared distance of query row i of the last `scores` call to each of the first `count`
   * references of the last `notAbove` view (which the caller may rewrite in place), each the
   * left-to-right float64 sum of squared differences over the columns. A view overwritten by the next call.
   */
  exact(i: number, count: number): Float64Array;
}

interface Exports {
  scores: (nq: number, q: number, ct: number, cn: number, out: number, dp: number, kp: number, cb: number) => void;
  lowest: (row: number, n: number, kk: number, tops: number, topi: number) => void;
  notAbove: (row: number, n: number, limit: number, cand: number) => number;
  exact: (qrow: number, rm: number, cand: number, count: number, dp: number, dist: number) => void;
}

/** References per column block of the score kernel: 32 x 256 dimensions of CT is 32 KiB, a core's L1. */
const COLUMN_BLOCK = 32;

const roundUp = (v: number, m: number): number => Math.ceil(v / m) * m;

const bits = new Float32Array(1);
const bitsU = new Uint32Array(bits.buffer);

/** The lowest float32 at or above x, so a float32 s > it exactly when s > x is certain. */
export function float32AtOrAbove(x: number): number {
  const f = Math.fround(x);
  if (!(f < x)) return f;
  if (f === 0) return 2 ** -149;
  bits[0] = f;
  bitsU[0] += f > 0 ? 1 : -1;
  return bits[0];
}

/** The kernel for these references, or null where wasm SIMD is missing or the memory cannot be had. */
export function createKnnScoreKernel(refs: Matrix, block: number): KnnScoreKernel | null {
  if (!simdSupported()) return null;
  const d = refs.cols;
  const n = refs.rows;
  const dp = roundUp(d, 4);
  const kp = roundUp(Math.max(n, 1), 4);
  let at = 16;
  const take = (bytes: number): number => {
    const start = at;
    at = roundUp(at + bytes, 16);
    return start;
  };
  const ctAt = take(dp * kp * 4);
  const cnAt = take(kp * 4);
  const qAt = take((block + 1) * dp * 4);
  // A last odd query is computed twice (the tile's second row): room for one more output row.
  const outAt = take((block + 1) * kp * 4);
  const topsAt = take(kp * 4);
  const topiAt = take(kp * 4);
  const candAt = take(kp * 4);
  const rmAt = take(kp * dp * 4);
  const distAt = take(kp * 8);
  if (at > 2 ** 30) return null;
  let memory: WebAssembly.Memory;
  let wasm: Exports;
  try {
    memory = kernelMemory(at);
    wasm = instantiateKernelSync<Exports>('knnScores', memory);
  } catch {
    return null;
  }
  const buffer = memory.buffer;
  const ct = new Float32Array(buffer, ctAt, dp * kp);
  const cn = new Float32Array(buffer, cnAt, kp);
  const q = new Float32Array(buffer, qAt, (block + 1) * dp);
  const out = new Float32Array(buffer, outAt, (block + 1) * kp);
  const tops = new Float32Array(buffer, topsAt, kp);
  const topi = new Int32Array(buffer, topiAt, kp);
  const cand = new Int32Array(buffer, candAt, kp);
  const rm = new Float32Array(buffer, rmAt, kp * dp);
  const dist = new Float64Array(buffer, distAt, kp);
  cn.fill(Infinity);
  for (let r = 0; r < n; r++) {
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const v = refs.data[r * d + j];
      ct[j * kp + r] = -2 * v;
      rm[r * dp + j] = v;
      norm += v * v;
    }
    cn[r] = norm;
  }
  let rows = 0;
  const rowAt = (i: number): number => {
    if (!(i >= 0 && i < rows)) throw new RangeError(`row ${i} is not one of the last call's ${rows}`);
    return outAt + i * kp * 4;
  };
  return {
    stride: kp,
    scores(queries, start, end) {
      const nq = end - start;
      if (nq < 0 || nq > block) throw new RangeError(`at most ${block} queries per call, got ${nq}`);
      if (queries.cols !== d) throw new RangeError(`queries have ${queries.cols} columns, the references ${d}`);
      if (dp === d) q.set(queries.data.subarray(start * d, end * d));
      else for (let i = 0; i < nq; i++) q.set(queries.data.subarray((start + i) * d, (start + i + 1) * d), i * dp);
      wasm.scores(nq, qAt, ctAt, cnAt, outAt, dp, kp, COLUMN_BLOCK);
      rows = nq;
      return out;
    },
    lowest(i, kk) {
      if (!(Number.isInteger(kk) && kk >= 1 && kk <= n)) throw new RangeError(`kk must be in 1..${n}, got ${kk}`);
      wasm.lowest(rowAt(i), n, kk, topsAt, topiAt);
      return { score: tops.subarray(0, kk), index: topi.subarray(0, kk) };
    },
    notAbove(i, limit) {
      return cand.subarray(0, wasm.notAbove(rowAt(i), n, float32AtOrAbove(limit), candAt));
    },
    exact(i, count) {
      if (!(i >= 0 && i < rows)) throw new RangeError(`row ${i} is not one of the last call's ${rows}`);
      if (!(Number.isInteger(count) && count >= 0 && count <= n)) throw new RangeError(`count must be in 0..${n}, got ${count}`);
      wasm.exact(qAt + i * dp * 4, rmAt, candAt, count, dp, distAt);
      return dist.subarray(0, count);
    },
  };
}
