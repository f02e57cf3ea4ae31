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
}

interface Exports {
  scores: (nq: number, q: number, ct: number, cn: number, out: number, dp: number, kp: number) => void;
}

const roundUp = (v: number, m: number): number => Math.ceil(v / m) * m;

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
  cn.fill(Infinity);
  for (let r = 0; r < n; r++) {
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const v = refs.data[r * d + j];
      ct[j * kp + r] = -2 * v;
      norm += v * v;
    }
    cn[r] = norm;
  }
  return {
    stride: kp,
    scores(queries, start, end) {
      const nq = end - start;
      if (nq < 0 || nq > block) throw new RangeError(`at most ${block} queries per call, got ${nq}`);
      if (queries.cols !== d) throw new RangeError(`queries have ${queries.cols} columns, the references ${d}`);
      if (dp === d) q.set(queries.data.subarray(start * d, end * d));
      else for (let i = 0; i < nq; i++) q.set(queries.data.subarray((start + i) * d, (start + i + 1) * d), i * dp);
      wasm.scores(nq, qAt, ctAt, cnAt, outAt, dp, kp);
      return out;
    },
  };
}
