/**
 * The Lloyd step kernel in WebAssembly SIMD: the points are copied once into the memory of a
 * module generated for this problem's shape (lloydWasmModule.ts); each step writes the K
 * centroids (a few KB), runs the fused assign + accumulate code chunk by chunk and copies the
 * results out. Pure compute: it knows nothing of k-means++, stopping rules or engine choice.
 */
import type { Matrix } from '../types';
import { DEFAULT_KERNEL_SHAPE, lloydLayout, lloydModuleBytes, type LloydKernelShape } from './lloydWasmModule';
import { simdSupported } from './wasmAssembler';

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
}

export interface LloydKernelOptions {
  /** Tile shape; fma 'auto' uses relaxed-SIMD multiply-add where the engine validates it. */
  shape?: Partial<Omit<LloydKernelShape, 'fma'>> & { fma?: boolean | 'auto' };
}

/** A compiled kernel holding N x D points. */
export interface LloydKernel {
  n: number;
  dim: number;
  k: number;
  /** One assignment step against `centroids` (K x D float32, row-major). */
  step(centroids: Float32Array): LloydStep;
  /** Drops the instance (its memory goes with it); the kernel is unusable afterwards. */
  dispose(): void;
}

interface Exports {
  memory: WebAssembly.Memory;
  run: (start: number, end: number) => number;
  flush: () => void;
}

/** Compiles and instantiates the kernel for these points. Throws where wasm SIMD is missing or memory runs out. */
export async function createLloydKernel(points: Matrix, k: number, options: LloydKernelOptions = {}): Promise<LloydKernel> {
  if (!simdSupported()) throw new Error('WebAssembly SIMD is not available in this engine');
  const { fma = false, ...rest } = options.shape ?? {};
  const shape: LloydKernelShape = { ...DEFAULT_KERNEL_SHAPE, ...rest, fma: fma === 'auto' ? simdSupported(true) : fma };
  const { rows: n, cols: d } = points;
  const layout = lloydLayout(n, d, k, shape.points);
  // Addresses are i32 in the kernel: stay well inside wasm32's 4 GiB (and browsers' memory caps).
  if (layout.bytes > 2 ** 31)
    throw new Error(`${n} x ${d} points need ${(layout.bytes / 2 ** 30).toFixed(1)} GiB: too large for the wasm kernel`);
  const { dp, kp } = layout;
  const bytes = lloydModuleBytes(layout, shape);
  const { instance } = await WebAssembly.instantiate(bytes);
  let wasm: Exports | undefined = instance.exports as unknown as Exports;
  const buffer = wasm.memory.buffer;
  const x = new Float32Array(buffer, layout.x, n * dp);
  if (dp === d) x.set(points.data);
  else for (let i = 0; i < n; i++) x.set(points.data.subarray(i * d, (i + 1) * d), i * dp);
  const ct = new Float32Array(buffer, layout.ct, dp * kp);
  const cn = new Float32Array(buffer, layout.cn, kp);
  const c = new Float32Array(buffer, layout.c, k * dp);
  const assign = new Int32Array(buffer, layout.assign, n);
  const sums32 = new Float32Array(buffer, layout.sums32, k * dp);
  const sums64 = new Float64Array(buffer, layout.sums64, k * dp);
  const counts = new Int32Array(buffer, layout.counts, k);

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
        inertia += wasm.run(start, Math.min(n, start + LLOYD_CHUNK_ROWS));
        wasm.flush();
      }
      const sums = new Float64Array(k * d);
      for (let cc = 0; cc < k; cc++) sums.set(sums64.subarray(cc * dp, cc * dp + d), cc * d);
      return { assignments: assign.slice(), sums, counts: counts.slice(), inertia };
    },
    dispose(): void {
      wasm = undefined;
    },
  };
}
