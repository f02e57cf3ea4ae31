/**
 * k-means++ seeding's D(x)^2 in WebAssembly SIMD (assembly/seeding.ts): the points are copied once
 * into the kernel's memory; each new centre updates every point's squared distance to its nearest
 * centre, the plain loop's float64 sum wherever the float32 sum cannot rule the point out.
 * Synchronous, like the seeding itself.
 */
import type { Matrix } from '../types';
import { instantiateKernelSync, kernelMemory, simdSupported } from './wasmKernels';

export interface SeedingKernel {
  /** D(x)^2 of every point: +Infinity until the first `add`. A view into the kernel's memory. */
  nearest: Float64Array;
  /** Takes point c as a centre: nearest[i] = min(nearest[i], |x_i - x_c|^2). Returns how many exact sums it computed. */
  add(c: number): number;
}

interface Exports {
  update: (n: number, x: number, min: number, cand: number, c: number, d: number, dp: number, shrink: number, floor: number) => number;
}

const U32 = 2 ** -24;

/** The kernel over these points, or null where wasm SIMD is missing or the memory cannot be had. */
export function createSeedingKernel(points: Matrix): SeedingKernel | null {
  if (!simdSupported()) return null;
  const { rows: n, cols: d } = points;
  const dp = Math.ceil(d / 16) * 16;
  const xAt = 16;
  const minAt = xAt + n * dp * 4;
  const candAt = minAt + n * 8;
  const bytes = candAt + n * 4;
  if (bytes > 2 ** 31) return null;
  let memory: WebAssembly.Memory;
  let wasm: Exports;
  try {
    memory = kernelMemory(bytes);
    wasm = instantiateKernelSync<Exports>('seeding', memory);
  } catch {
    return null;
  }
  const x = new Float32Array(memory.buffer, xAt, n * dp);
  if (dp === d) x.set(points.data);
  else for (let i = 0; i < n; i++) x.set(points.data.subarray(i * d, (i + 1) * d), i * dp);
  const nearest = new Float64Array(memory.buffer, minAt, n).fill(Infinity);
  // The float32 sum of dp non-negative terms, each a rounded difference squared and rounded, is
  // within gamma_(dp+8) of the real distance (the kernel adds each term at most dp/16 + 4 times);
  // the float64 sum is far closer still. Shrinking by 4 gamma covers both and the rounding of the
  // test itself; `floor` covers float32 underflow (at most 3 dp half-subnormals, under 2^-139).
  const g = ((dp + 8) * U32) / (1 - (dp + 8) * U32);
  const shrink = 1 - 4 * g;
  const floor = 2 ** -100;
  return {
    nearest,
    add(c) {
      if (!(Number.isInteger(c) && c >= 0 && c < n)) throw new RangeError(`centre must be a point in 0..${n - 1}, got ${c}`);
      return wasm.update(n, xAt, minAt, candAt, c, d, dp, shrink, floor);
    },
  };
}
