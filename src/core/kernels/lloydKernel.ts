/**
 * The Lloyd step kernel (assembly/lloyd.ts, WebAssembly SIMD): the points are copied once into
 * the kernel's memory; each step writes the K centroids mu (a few KB), runs the fused
 * assign + accumulate code chunk by chunk and copies the results out. Pure compute: it knows
 * nothing of k-means++, stopping rules or engine choice.
 */
import type { Matrix } from '../types';
import { asRowSource, fillKernelRows, simdRows, type CentreBy, type RowSource } from './rowSource';
import { instantiateKernel, returnKernelMemory, reusedKernelMemory, settingUp, simdSupported } from './wasmKernels';

/**
 * Points per kernel call: float32 partial sums over at most this many points, then a float64
 * flush. A caller that splits the rows (shards) at multiples of it adds the same float32 partials.
 */
export const LLOYD_CHUNK_ROWS = 1024;

/** One assignment step's output (plain arrays: nothing from the kernel's memory escapes). */
export interface LloydStep {
  /** Nearest centroid of every point (ties: lower index). */
  assignments: Int32Array;
  /** Per-cluster sums of the assigned points, K x D row-major, accumulated in float64. */
  sums: Float64Array;
  /** Points per cluster. */
  counts: Int32Array;
  /** Sum over points of the squared distance to the assigned centroid (explicit differences). */
  inertia: number;
  /** Point-centroid distances computed (N x K unless bounds ruled some out); information only. */
  distances?: number;
}

/** A kernel holding N x D points. */
export interface LloydKernel {
  n: number;
  dim: number;
  k: number;
  /** One assignment step against `centroids` (K x D float32, row-major). */
  step(centroids: Float32Array): LloydStep;
  /** Drops the instance and its memory; the kernel is unusable afterwards. */
  dispose(): void;
}

/** Byte offsets of every array in the kernel's memory (all 16-byte aligned); see assembly/lloyd.ts. */
export interface LloydLayout {
  /** d and k rounded up to multiples of 4 (zero padding; padding centroids have |mu|^2 = +Infinity). */
  dp: number;
  kp: number;
  x: number;
  ct: number;
  cn: number;
  c: number;
  assign: number;
  sums32: number;
  sums64: number;
  counts: number;
  scratch: number;
  /** 2 x dp float64: the column means the points are centred by, or their column sums (rowSource.ts). */
  mean: number;
  /** Total bytes. */
  bytes: number;
}

const roundUp = (v: number, m: number): number => Math.ceil(v / m) * m;

export function lloydLayout(n: number, d: number, k: number): LloydLayout {
  const dp = roundUp(d, 4);
  const kp = roundUp(k, 4);
  let at = 16; // keep address 0 unused
  const take = (bytes: number): number => {
    const start = at;
    at = roundUp(at + bytes, 16);
    return start;
  };
  const x = take(n * dp * 4);
  const ct = take(dp * kp * 4);
  const cn = take(kp * 4);
  const c = take(k * dp * 4);
  const assign = take(n * 4);
  const sums32 = take(k * dp * 4);
  const sums64 = take(k * dp * 8);
  const counts = take(k * 4);
  const scratch = take(2 * kp * 4); // distances of one 2-point tile
  const mean = take(dp * 16);
  return { dp, kp, x, ct, cn, c, assign, sums32, sums64, counts, scratch, mean, bytes: at };
}

interface Exports {
  run: (...args: number[]) => number;
  flush: (sums32: number, sums64: number, floats: number) => void;
  centre: (x: number, n: number, dp: number, mean: number) => void;
  columnSums: (x: number, start: number, end: number, dp: number, out: number) => void;
}

/** A kernel whose points come raw: see rowSource.ts's CentreBy. */
export interface KernelOptions {
  centreBy?: CentreBy;
}

/** Instantiates the kernel for these points. Throws where wasm SIMD is missing or memory runs out. */
export async function createLloydKernel(points: Matrix | RowSource, k: number, options: KernelOptions = {}): Promise<LloydKernel> {
  if (!simdSupported()) throw new Error('WebAssembly SIMD is not available in this engine');
  const source = asRowSource(points);
  const { rows: n, cols: d } = source;
  const L = lloydLayout(n, d, k);
  // Addresses are i32 in the kernel: stay well inside wasm32's 4 GiB (and browsers' memory caps).
  if (L.bytes > 2 ** 31) throw new Error(`${n} x ${d} points need ${(L.bytes / 2 ** 30).toFixed(1)} GiB: too large for the wasm kernel`);
  const memory = reusedKernelMemory(L.bytes);
  const loaded = await settingUp(memory, async () => {
    const w = await instantiateKernel<Exports>('lloyd', memory);
    await fillKernelRows(
      source,
      new Float32Array(memory.buffer, L.x, n * L.dp),
      L.dp,
      simdRows(w, memory.buffer, L.x, L.mean, n, d, L.dp),
      options.centreBy,
    );
    return w;
  });
  let wasm: Exports | undefined = loaded;
  const { dp, kp } = L;
  const buffer = memory.buffer;
  const ct = new Float32Array(buffer, L.ct, dp * kp);
  const cn = new Float32Array(buffer, L.cn, kp);
  const c = new Float32Array(buffer, L.c, k * dp);
  const assign = new Int32Array(buffer, L.assign, n);
  const sums32 = new Float32Array(buffer, L.sums32, k * dp);
  const sums64 = new Float64Array(buffer, L.sums64, k * dp);
  const counts = new Int32Array(buffer, L.counts, k);

  const writeCentroids = (mu: Float32Array): void => {
    cn.fill(Infinity); // padding centroids never win
    for (let cc = 0; cc < k; cc++) {
      let norm = 0;
      for (let j = 0; j < d; j++) {
        const m = mu[cc * d + j];
        c[cc * dp + j] = m;
        ct[j * kp + cc] = -2 * m;
        norm += m * m;
      }
      cn[cc] = norm;
    }
  };

  return {
    n,
    dim: d,
    k,
    step(centroids: Float32Array): LloydStep {
      if (wasm === undefined) throw new Error('this Lloyd kernel was disposed');
      if (centroids.length !== k * d) throw new Error(`centroids must hold k x dim = ${k} x ${d} values, got ${centroids.length}`);
      writeCentroids(centroids);
      sums32.fill(0);
      sums64.fill(0);
      counts.fill(0);
      let inertia = 0;
      for (let start = 0; start < n; start += LLOYD_CHUNK_ROWS) {
        const end = Math.min(n, start + LLOYD_CHUNK_ROWS);
        inertia += wasm.run(start, end, L.x, L.ct, L.cn, L.c, L.assign, L.sums32, L.counts, L.scratch, dp, kp, k);
        wasm.flush(L.sums32, L.sums64, k * dp);
      }
      const sums = new Float64Array(k * d);
      for (let cc = 0; cc < k; cc++) sums.set(sums64.subarray(cc * dp, cc * dp + d), cc * d);
      return { assignments: assign.slice(), sums, counts: counts.slice(), inertia };
    },
    dispose(): void {
      if (wasm !== undefined) returnKernelMemory(memory);
      wasm = undefined;
    },
  };
}
