/**
 * Code generator for one Lloyd step of k-means in WebAssembly SIMD, specialised to a problem's
 * shape (N points, D dims, K centroids mu): every address offset is a compile-time constant.
 *
 * Assignment uses the norm expansion |x - mu|^2 = |x|^2 - 2 x.mu + |mu|^2 (|x|^2 is the same for
 * every centroid, so argmin needs only |mu|^2 - 2 x.mu). The centroids are stored transposed and
 * pre-scaled (CT[j][c] = -2 mu_c[j]) so SIMD lanes run across centroids: a tile of P points x V
 * vectors (4V centroids) keeps P*V accumulators in registers and reuses each loaded CT vector P
 * times and each broadcast x value V times (register blocking, as a BLAS micro-kernel does).
 * The update (per-cluster sums, counts) and the explicit inertia are fused into the same pass
 * while the point's row is still in L1. Sums accumulate in float32 within a call; the caller
 * flushes them into float64 totals every chunk of points (flush), which bounds the rounding.
 */
import { assembleModule, op, type ValType } from './wasmAssembler';

/** Tile shape and instruction choices of the generated kernel (measured in bench/). */
export interface LloydKernelShape {
  /** Points per register tile. */
  points: number;
  /** 4-float vectors of centroids per register tile (4 * vectors centroids). */
  vectors: number;
  /** Unroll factor of the loop over dimensions (must divide the padded width). */
  unroll: number;
  /** Use relaxed SIMD fused multiply-add (only where it validates). */
  fma: boolean;
}

export const DEFAULT_KERNEL_SHAPE: LloydKernelShape = { points: 2, vectors: 4, unroll: 4, fma: false };

/** Byte offsets of every array in the kernel's memory (all 16-byte aligned). */
export interface LloydLayout {
  n: number;
  d: number;
  k: number;
  /** d rounded up to a multiple of 4 (zero padding). */
  dp: number;
  /** k rounded up to a multiple of 4 (padding centroids have |mu|^2 = +Infinity). */
  kp: number;
  /** X: n x dp float32. */
  x: number;
  /** CT: dp x kp float32, -2 mu transposed. */
  ct: number;
  /** CN: kp float32, |mu|^2. */
  cn: number;
  /** C: k x dp float32, mu row-major (for the explicit inertia). */
  c: number;
  /** Assignments: n int32. */
  assign: number;
  /** Per-call sums: k x dp float32. */
  sums32: number;
  /** Totals: k x dp float64. */
  sums64: number;
  /** Counts: k int32. */
  counts: number;
  /** Distances of one tile: points x kp float32. */
  scratch: number;
  /** Total bytes. */
  bytes: number;
}

const roundUp = (v: number, m: number): number => Math.ceil(v / m) * m;

export function lloydLayout(n: number, d: number, k: number, tilePoints: number): LloydLayout {
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
  const scratch = take(tilePoints * kp * 4);
  return { n, d, k, dp, kp, x, ct, cn, c, assign, sums32, sums64, counts, scratch, bytes: at };
}

/** A function body under construction: named locals after the parameters. */
function fnLocals(paramCount: number) {
  const types: ValType[] = [];
  const local = (t: ValType): number => {
    types.push(t);
    return paramCount + types.length - 1;
  };
  return { types, local };
}

/** Groups of at most `size` consecutive vectors covering 0..total-1. */
function groups(total: number, size: number): Array<{ start: number; count: number }> {
  const out = [];
  for (let s = 0; s < total; s += size) out.push({ start: s, count: Math.min(size, total - s) });
  return out;
}

/**
 * Emits `run(start, end) -> inertia (f64)`: assigns points start..end-1, adds them into sums32 and
 * counts, writes their assignments, and returns the sum of their squared distances. Plus
 * `flush()`: sums64 += sums32, sums32 = 0.
 */
export function lloydModuleBytes(layout: LloydLayout, shape: LloydKernelShape): Uint8Array<ArrayBuffer> {
  const { dp, kp, k } = layout;
  const P = shape.points;
  const V = shape.vectors;
  const U = shape.unroll;
  if (dp % U !== 0) throw new Error(`unroll ${U} does not divide the padded width ${dp}`);
  const body: number[] = [];
  const emit = (...ops: number[][]): void => {
    for (const o of ops) body.push(...o);
  };
  const L = fnLocals(2); // params: 0 = start, 1 = end
  const i = L.local('i32'); // point index
  const xp = L.local('i32'); // address of the tile's first row
  const jp = L.local('i32'); // moving x address
  const ctp = L.local('i32'); // moving CT address
  const cnt = L.local('i32');
  const c = L.local('i32');
  const bestC = L.local('i32');
  const best = L.local('f32');
  const v = L.local('f32');
  const sp = L.local('i32');
  const cp = L.local('i32');
  const inertia = L.local('v128'); // f64x2
  const sq = L.local('v128');
  const xv = L.local('v128');
  const diff = L.local('v128');
  const acc: number[][] = Array.from({ length: P }, () => Array.from({ length: V }, () => L.local('v128')));
  const xs: number[] = Array.from({ length: P }, () => L.local('v128'));
  const cv = L.local('v128');
  const zero = op.v128Const(new Array(16).fill(0));
  const highToLow = op.i8x16Shuffle([8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15]);

  /** Distances of `tile` points starting at row i (xp = its address) to every centroid -> scratch. */
  const distances = (tile: number): void => {
    for (const g of groups(kp / 4, V)) {
      for (let p = 0; p < tile; p++)
        for (let w = 0; w < g.count; w++) emit(op.i32Const(0), op.v128Load(layout.cn + (g.start + w) * 16), op.localSet(acc[p][w]));
      emit(
        op.localGet(xp),
        op.localSet(jp),
        op.i32Const(layout.ct + g.start * 16),
        op.localSet(ctp),
        op.i32Const(dp / U),
        op.localSet(cnt),
      );
      emit(op.loop);
      for (let u = 0; u < U; u++) {
        for (let p = 0; p < tile; p++) emit(op.localGet(jp), op.v128Load32Splat(p * dp * 4 + u * 4), op.localSet(xs[p]));
        for (let w = 0; w < g.count; w++) {
          emit(op.localGet(ctp), op.v128Load(u * kp * 4 + w * 16), op.localSet(cv));
          for (let p = 0; p < tile; p++) {
            if (shape.fma) emit(op.localGet(xs[p]), op.localGet(cv), op.localGet(acc[p][w]), op.f32x4RelaxedMadd, op.localSet(acc[p][w]));
            else emit(op.localGet(acc[p][w]), op.localGet(xs[p]), op.localGet(cv), op.f32x4Mul, op.f32x4Add, op.localSet(acc[p][w]));
          }
        }
      }
      emit(op.localGet(jp), op.i32Const(U * 4), op.i32Add, op.localSet(jp));
      emit(op.localGet(ctp), op.i32Const(U * kp * 4), op.i32Add, op.localSet(ctp));
      emit(op.localGet(cnt), op.i32Const(1), op.i32Sub, op.localTee(cnt), op.brIf(0), op.end);
      for (let p = 0; p < tile; p++) {
        for (let w = 0; w < g.count; w++)
          emit(op.i32Const(0), op.localGet(acc[p][w]), op.v128Store(layout.scratch + (p * kp + (g.start + w) * 4) * 4));
      }
    }
  };

  /** Argmin over the k real centroids of scratch row p (ties: lower index), then the fused update. */
  const assignAndAccumulate = (p: number): void => {
    // argmin
    emit(op.f32Const(Infinity), op.localSet(best), op.i32Const(0), op.localSet(bestC), op.i32Const(0), op.localSet(c));
    emit(op.loop);
    emit(op.localGet(c), op.i32Const(2), op.i32Shl, op.f32Load(layout.scratch + p * kp * 4), op.localTee(v));
    emit(op.localGet(best), op.f32Lt, op.if, op.localGet(v), op.localSet(best), op.localGet(c), op.localSet(bestC), op.end);
    emit(op.localGet(c), op.i32Const(1), op.i32Add, op.localTee(c), op.i32Const(k), op.i32LtS, op.brIf(0), op.end);
    // assignment, count
    emit(op.localGet(i), op.i32Const(2), op.i32Shl, op.localGet(bestC), op.i32Store(layout.assign + p * 4));
    emit(op.localGet(bestC), op.i32Const(2), op.i32Shl, op.localTee(cp)); // cp = 4 * bestC (temp)
    emit(op.localGet(cp), op.i32Load(layout.counts), op.i32Const(1), op.i32Add, op.i32Store(layout.counts));
    // sp = sums32 row, cp = centroid row (relative addresses: offsets added in the ops)
    emit(op.localGet(bestC), op.i32Const(dp * 4), op.i32Mul, op.localTee(sp), op.localSet(cp));
    emit(
      zero,
      op.localSet(sq),
      op.localGet(xp),
      op.i32Const(p * dp * 4),
      op.i32Add,
      op.localSet(jp),
      op.i32Const(dp / 4),
      op.localSet(cnt),
    );
    emit(op.loop);
    emit(op.localGet(jp), op.v128Load(0), op.localSet(xv));
    emit(
      op.localGet(xv),
      op.localGet(cp),
      op.v128Load(layout.c),
      op.f32x4Sub,
      op.localTee(diff),
      op.localGet(diff),
      op.f32x4Mul,
      op.localGet(sq),
      op.f32x4Add,
      op.localSet(sq),
    );
    emit(op.localGet(sp), op.localGet(sp), op.v128Load(layout.sums32), op.localGet(xv), op.f32x4Add, op.v128Store(layout.sums32));
    emit(op.localGet(jp), op.i32Const(16), op.i32Add, op.localSet(jp), op.localGet(sp), op.i32Const(16), op.i32Add, op.localSet(sp));
    emit(op.localGet(cp), op.i32Const(16), op.i32Add, op.localSet(cp));
    emit(op.localGet(cnt), op.i32Const(1), op.i32Sub, op.localTee(cnt), op.brIf(0), op.end);
    // inertia (f64x2) += the point's squared distance, summed in float32 over its 4 lanes' halves
    emit(
      op.localGet(inertia),
      op.localGet(sq),
      op.f64x2PromoteLowF32x4,
      op.f64x2Add,
      op.localGet(sq),
      op.localGet(sq),
      highToLow,
      op.f64x2PromoteLowF32x4,
      op.f64x2Add,
      op.localSet(inertia),
    );
  };

  /** Processes tiles of `tile` points while i + tile <= end. */
  const tileLoop = (tile: number): void => {
    emit(op.block, op.loop);
    emit(op.localGet(i), op.i32Const(tile), op.i32Add, op.localGet(1), op.i32GtS, op.brIf(1));
    emit(op.localGet(i), op.i32Const(dp * 4), op.i32Mul, op.i32Const(layout.x), op.i32Add, op.localSet(xp));
    distances(tile);
    for (let p = 0; p < tile; p++) assignAndAccumulate(p);
    emit(op.localGet(i), op.i32Const(tile), op.i32Add, op.localSet(i), op.br(0), op.end, op.end);
  };

  emit(zero, op.localSet(inertia), op.localGet(0), op.localSet(i));
  tileLoop(P);
  if (P > 1) tileLoop(1);
  emit(op.localGet(inertia), op.f64x2ExtractLane(0), op.localGet(inertia), op.f64x2ExtractLane(1), op.f64Add);

  // flush(): sums64 += sums32 (two f64 lanes at a time), sums32 = 0
  const F = fnLocals(0);
  const a = F.local('i32');
  const b = F.local('i32');
  const n4 = F.local('i32');
  const f32v = F.local('v128');
  const flush = [
    ...op.i32Const(0),
    ...op.localSet(a),
    ...op.i32Const(0),
    ...op.localSet(b),
    ...op.i32Const((k * dp) / 4),
    ...op.localSet(n4),
    ...op.loop,
    ...op.localGet(a),
    ...op.v128Load(layout.sums32),
    ...op.localSet(f32v),
    ...op.localGet(b),
    ...op.localGet(b),
    ...op.v128Load(layout.sums64),
    ...op.localGet(f32v),
    ...op.f64x2PromoteLowF32x4,
    ...op.f64x2Add,
    ...op.v128Store(layout.sums64),
    ...op.localGet(b),
    ...op.localGet(b),
    ...op.v128Load(layout.sums64 + 16),
    ...op.localGet(f32v),
    ...op.localGet(f32v),
    ...highToLow,
    ...op.f64x2PromoteLowF32x4,
    ...op.f64x2Add,
    ...op.v128Store(layout.sums64 + 16),
    ...op.localGet(a),
    ...zero,
    ...op.v128Store(layout.sums32),
    ...op.localGet(a),
    ...op.i32Const(16),
    ...op.i32Add,
    ...op.localSet(a),
    ...op.localGet(b),
    ...op.i32Const(32),
    ...op.i32Add,
    ...op.localSet(b),
    ...op.localGet(n4),
    ...op.i32Const(1),
    ...op.i32Sub,
    ...op.localTee(n4),
    ...op.brIf(0),
    ...op.end,
  ];

  return assembleModule({
    memoryPages: Math.ceil(layout.bytes / 65536),
    functions: [
      { name: 'run', params: ['i32', 'i32'], results: ['f64'], locals: L.types, body },
      { name: 'flush', params: [], results: [], locals: F.types, body: flush },
    ],
  });
}
