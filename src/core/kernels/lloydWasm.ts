/**
 * The 'wasm-simd' Lloyd engine: the points are copied once into the memory of a WebAssembly
 * module generated for this problem's shape (lloydWasmModule.ts); each step writes the K
 * centroids mu (a few KB), runs the fused assign + accumulate kernel chunk by chunk and copies
 * the results out.
 */
import type { Matrix } from '../types';
import { DEFAULT_KERNEL_SHAPE, lloydLayout, lloydModuleBytes, type LloydKernelShape } from './lloydWasmModule';
import { checkCentroids, type LloydEngine, type LloydStep } from './lloydTypes';
import { simdSupported } from './wasmAssembler';

/** Points per kernel call: float32 partial sums over at most this many points, then a float64 flush. */
const CHUNK = 1024;

export interface WasmLloydOptions {
  /** Tile shape; fma 'auto' uses relaxed-SIMD multiply-add where the engine validates it. */
  shape?: Partial<Omit<LloydKernelShape, 'fma'>> & { fma?: boolean | 'auto' };
}

interface Exports {
  memory: WebAssembly.Memory;
  run: (start: number, end: number) => number;
  flush: () => void;
}

/** Builds (compiles and instantiates) the kernel for these points. Throws where wasm SIMD is missing. */
export async function createWasmLloydEngine(points: Matrix, k: number, options: WasmLloydOptions = {}): Promise<LloydEngine> {
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
    kind: 'wasm-simd',
    n,
    dim: d,
    k,
    async step(centroids: Float32Array): Promise<LloydStep> {
      if (wasm === undefined) throw new Error('this Lloyd engine was disposed');
      checkCentroids({ k, dim: d }, centroids);
      writeCentroids(centroids);
      sums32.fill(0);
      sums64.fill(0);
      counts.fill(0);
      let inertia = 0;
      for (let start = 0; start < n; start += CHUNK) {
        inertia += wasm.run(start, Math.min(n, start + CHUNK));
        wasm.flush();
      }
      const sums = new Float64Array(k * d);
      for (let cc = 0; cc < k; cc++) sums.set(sums64.subarray(cc * dp, cc * dp + d), cc * d);
      return { assignments: assign.slice(), sums, counts: counts.slice(), inertia };
    },
    dispose(): void {
      // The memory goes with the instance once nothing references it.
      wasm = undefined;
    },
  };
}
