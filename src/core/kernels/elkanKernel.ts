/**
 * The Lloyd step with Elkan's bounds (assembly/elkan.ts): the same answer as the plain kernel
 * (lloydKernel.ts) from the same centroids, computing only the distances the bounds leave in play.
 * It keeps state between steps (the bounds, the previous centroids, the per-cluster sums), so each
 * step must get the centroids the caller means to assign to next; any sequence of centroids is
 * answered exactly. The first step is the plain kernel's pass (so its sums, counts and inertia are
 * the plain kernel's bit for bit); later steps move the points that change cluster in float64
 * sums and give the inertia from the sums, sum |x|^2 - 2 mu.S + n |mu|^2.
 */
import { LLOYD_CHUNK_ROWS, type KernelOptions, type LloydKernel, type LloydStep } from './lloydKernel';
import type { Matrix } from '../types';
import { asRowSource, fillKernelRows, simdRows, type RowSource } from './rowSource';
import { instantiateKernel, returnKernelMemory, reusedKernelMemory, settingUp, simdSupported } from './wasmKernels';

/** Steps of centroid history kept; a point whose bounds are older is recomputed in full. */
export const ELKAN_HISTORY = 32;

const ARRAYS = [
  'X',
  'XN',
  'XR',
  'ASSIGN',
  'U',
  'LMIN',
  'TLAST',
  'L',
  'CT',
  'CN',
  'C',
  'HIST',
  'DELTA',
  'DMAX',
  'DARG',
  'CC',
  'SUMS32',
  'SUMS64',
  'COUNTS',
  'SCRATCH',
  'CAND',
  'GV',
  'PACK',
  'MEAN',
] as const;
type ArrayName = (typeof ARRAYS)[number];

/** Byte offsets of every array (16-byte aligned), the two parameter blocks, and the total. */
export interface ElkanLayout extends Record<ArrayName, number> {
  dp: number;
  kp: number;
  sizes: number;
  arrays: number;
  bytes: number;
}

const roundUp = (v: number, m: number): number => Math.ceil(v / m) * m;

export function elkanLayout(n: number, d: number, k: number, history = ELKAN_HISTORY): ElkanLayout {
  const dp = roundUp(d, 4);
  const kp = roundUp(k, 4);
  const bytes: Record<ArrayName, number> = {
    X: n * dp * 4,
    XN: n * 8,
    XR: n * 8,
    ASSIGN: n * 4,
    U: n * 4,
    LMIN: n * 4,
    TLAST: n * 4,
    L: n * kp * 4,
    CT: dp * kp * 4,
    CN: kp * 4,
    C: k * dp * 4,
    HIST: history * k * dp * 4,
    DELTA: history * kp * 4,
    DMAX: history * 8,
    DARG: history * 4,
    CC: kp * kp * 4,
    SUMS32: k * dp * 4,
    SUMS64: k * dp * 8,
    COUNTS: k * 4,
    SCRATCH: 2 * kp * 4,
    CAND: (kp + 4) * 4,
    GV: (kp + 4) * 4,
    PACK: 16 * 16,
    MEAN: dp * 16,
  };
  let at = 16;
  const take = (size: number): number => {
    const start = at;
    at = roundUp(at + size, 16);
    return start;
  };
  const sizes = take(5 * 4);
  const arrays = take(ARRAYS.length * 4);
  const offsets = Object.fromEntries(ARRAYS.map((name) => [name, take(bytes[name])])) as Record<ArrayName, number>;
  return { ...offsets, dp, kp, sizes, arrays, bytes: at };
}

interface Exports {
  setup(sizes: number, arrays: number): void;
  norms(): number;
  full(start: number, end: number, now: number, eScale: number, m: number): number;
  flush(sums32: number, sums64: number, floats: number): void;
  moves(now: number, slack: number): void;
  bounded(start: number, end: number, now: number, eScale: number, m: number): void;
  distancesComputed(): number;
  pointsMoved(): number;
  centre(x: number, n: number, dp: number, mean: number): void;
  columnSums(x: number, start: number, end: number, dp: number, out: number): void;
}

/**
 * After a step that moved more than this share of the points, the next one is a plain pass that
 * resets every bound: the centroids moved so far that the bounds would rule out little, and the
 * plain kernel computes a whole row faster than the bounded pass computes it piece by piece.
 */
export const ELKAN_FULL_PASS_MOVED = 0.25;

/** For each 4-bit mask, the swizzle that packs the 32-bit lanes it selects to the front. */
function packTable(): Uint8Array {
  const table = new Uint8Array(16 * 16).fill(0x80);
  for (let mask = 0; mask < 16; mask++) {
    let at = 0;
    for (let lane = 0; lane < 4; lane++) {
      if ((mask >> lane) & 1) for (let b = 0; b < 4; b++) table[mask * 16 + at++] = lane * 4 + b;
    }
  }
  return table;
}

/** A step's answer plus how much work the bounds left (for the benchmarks' notes). */
export interface ElkanStep extends LloydStep {
  /** Point-centroid distances computed in this step (N x K without bounds). */
  distances: number;
}

export interface ElkanKernel extends LloydKernel {
  step(centroids: Float32Array): ElkanStep;
}

/**
 * Rounding bound of a float32 sum of m products: gamma_m = m u / (1 - m u), u = 2^-24, plus the
 * rounding of |mu|^2 to float32; doubled for safety. The kernel scales it by |mu|max^2 + 2 |x| |mu|max.
 */
export function elkanRoundingScale(dp: number): number {
  const u = 2 ** -24;
  const m = dp + 1;
  return 2 * ((m * u) / (1 - m * u) + u);
}

/** Instantiates the kernel for these points. Throws where wasm SIMD is missing or memory runs out. */
export async function createElkanKernel(
  points: Matrix | RowSource,
  k: number,
  history = ELKAN_HISTORY,
  options: KernelOptions = {},
): Promise<ElkanKernel> {
  if (!simdSupported()) throw new Error('WebAssembly SIMD is not available in this engine');
  if (!Number.isInteger(Math.log2(history))) throw new Error(`history must be a power of two, got ${history}`);
  const source = asRowSource(points);
  const { rows: n, cols: d } = source;
  const L = elkanLayout(n, d, k, history);
  if (L.bytes > 2 ** 31) throw new Error(`${n} x ${d} points need ${(L.bytes / 2 ** 30).toFixed(1)} GiB: too large for the wasm kernel`);
  const memory = reusedKernelMemory(L.bytes);
  const { dp, kp } = L;
  const buffer = memory.buffer;
  const loaded = await settingUp(memory, async () => {
    const w = await instantiateKernel<Exports>('elkan', memory);
    new Int32Array(buffer, L.sizes, 5).set([n, dp, kp, k, history]);
    new Uint32Array(buffer, L.arrays, ARRAYS.length).set(ARRAYS.map((name) => L[name]));
    new Uint8Array(buffer, L.PACK, 256).set(packTable());
    w.setup(L.sizes, L.arrays);
    await fillKernelRows(source, new Float32Array(buffer, L.X, n * dp), dp, simdRows(w, buffer, L.X, L.MEAN, n, d, dp), options.centreBy);
    return w;
  });
  let wasm: Exports | undefined = loaded;
  const maxNorm = wasm.norms();
  let sumNorms = 0;
  for (const v of new Float64Array(buffer, L.XN, n)) sumNorms += v;
  const ct = new Float32Array(buffer, L.CT, dp * kp);
  const cn = new Float32Array(buffer, L.CN, kp);
  const cn64 = new Float64Array(k);
  const c = new Float32Array(buffer, L.C, k * dp);
  const assign = new Int32Array(buffer, L.ASSIGN, n);
  const sums32 = new Float32Array(buffer, L.SUMS32, k * dp);
  const sums64 = new Float64Array(buffer, L.SUMS64, k * dp);
  const counts = new Int32Array(buffer, L.COUNTS, k);
  const eScale = elkanRoundingScale(dp);
  let now = 0;
  let moved = 1; // share of the points the last step moved
  let reach = maxNorm; // bounds the size of every distance and move the kernel rounds

  /** Writes mu in the three layouts; returns max |mu|. */
  const writeCentroids = (mu: Float32Array): number => {
    cn.fill(Infinity); // padding centroids never win
    let most = 0;
    for (let cc = 0; cc < k; cc++) {
      let norm = 0;
      for (let j = 0; j < d; j++) {
        const v = mu[cc * d + j];
        c[cc * dp + j] = v;
        ct[j * kp + cc] = -2 * v;
        norm += v * v;
      }
      cn[cc] = norm;
      cn64[cc] = norm;
      most = Math.max(most, norm);
    }
    return Math.sqrt(most);
  };

  /** sum |x - mu_a|^2 = sum |x|^2 - 2 sum_c mu_c . S_c + sum_c n_c |mu_c|^2, in float64. */
  const inertiaFromSums = (mu: Float32Array): number => {
    let total = sumNorms;
    for (let cc = 0; cc < k; cc++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += mu[cc * d + j] * sums64[cc * dp + j];
      total += counts[cc] * cn64[cc] - 2 * dot;
    }
    return Math.max(0, total);
  };

  return {
    n,
    dim: d,
    k,
    step(centroids: Float32Array): ElkanStep {
      if (wasm === undefined) throw new Error('this Lloyd kernel was disposed');
      if (centroids.length !== k * d) throw new Error(`centroids must hold k x dim = ${k} x ${d} values, got ${centroids.length}`);
      const m = writeCentroids(centroids);
      reach = Math.max(reach, m);
      wasm.moves(now, reach * 2 ** -20);
      let inertia: number;
      if (moved > ELKAN_FULL_PASS_MOVED) {
        sums32.fill(0);
        sums64.fill(0);
        counts.fill(0);
        inertia = 0;
        for (let start = 0; start < n; start += LLOYD_CHUNK_ROWS) {
          const end = Math.min(n, start + LLOYD_CHUNK_ROWS);
          inertia += wasm.full(start, end, now, eScale, m);
          wasm.flush(L.SUMS32, L.SUMS64, k * dp);
        }
      } else {
        wasm.bounded(0, n, now, eScale, m);
        inertia = inertiaFromSums(centroids);
      }
      const distances = wasm.distancesComputed();
      moved = now === 0 ? 1 : wasm.pointsMoved() / n; // every point counts as moved by the first step
      now++;
      const sums = new Float64Array(k * d);
      for (let cc = 0; cc < k; cc++) sums.set(sums64.subarray(cc * dp, cc * dp + d), cc * d);
      return { assignments: assign.slice(), sums, counts: counts.slice(), inertia, distances };
    },
    dispose(): void {
      if (wasm !== undefined) returnKernelMemory(memory);
      wasm = undefined;
    },
  };
}
