/**
 * WebAssembly SIMD matrix product C = A B (float32, row-major), generated for fixed column
 * counts and strides: the learned map's forward and backward passes are four such products.
 * Lanes run along C's columns; a register tile of P rows x V vectors (4V columns) keeps P*V
 * accumulators live, reusing each loaded B vector P times and each broadcast A value V times.
 */
import { op, type ValType, type WasmFunction } from './wasmAssembler';

export interface GemmSpec {
  /** Exported name. */
  name: string;
  /** Columns of C and B (a multiple of 4; pad with zero columns). */
  cols: number;
  /** Row strides in floats of A, B and C (multiples of 4 for B and C). */
  lda: number;
  ldb: number;
  ldc: number;
  /** Rows per register tile (default 2). */
  points?: number;
  /** 4-float vectors per register tile (default 4). */
  vectors?: number;
  /** Unroll of the inner-product loop (default 4). */
  unroll?: number;
}

/**
 * `name(a, b, c, m, kd)`: C[m x cols] = A[m x kd] B[kd x cols] with A, B, C at byte addresses
 * a, b, c (16-byte aligned), m and kd at run time.
 */
export function gemmFunction(spec: GemmSpec): WasmFunction {
  const { cols, lda, ldb, ldc } = spec;
  const P = spec.points ?? 2;
  const V = spec.vectors ?? 4;
  const U = spec.unroll ?? 4;
  if (cols % 4 !== 0 || ldb % 4 !== 0 || ldc % 4 !== 0)
    throw new Error(`gemm ${spec.name}: cols and strides of B and C must be multiples of 4`);
  const types: ValType[] = [];
  const local = (t: ValType): number => {
    types.push(t);
    return 5 + types.length - 1;
  };
  const [A, B, C, M, KD] = [0, 1, 2, 3, 4];
  const i = local('i32');
  const ap = local('i32');
  const bp = local('i32');
  const rem = local('i32');
  const acc = Array.from({ length: P }, () => Array.from({ length: V }, () => local('v128')));
  const as = Array.from({ length: P }, () => local('v128'));
  const bv = local('v128');
  const body: number[] = [];
  const emit = (...ops: number[][]): void => {
    for (const o of ops) body.push(...o);
  };

  /** One step of the inner product (kd index advanced by `u` from ap/bp) for `tile` rows and `count` vectors. */
  const madd = (tile: number, count: number, u: number): void => {
    for (let p = 0; p < tile; p++) emit(op.localGet(ap), op.v128Load32Splat(p * lda * 4 + u * 4), op.localSet(as[p]));
    for (let w = 0; w < count; w++) {
      emit(op.localGet(bp), op.v128Load(u * ldb * 4 + w * 16), op.localSet(bv));
      for (let p = 0; p < tile; p++)
        emit(op.localGet(acc[p][w]), op.localGet(as[p]), op.localGet(bv), op.f32x4Mul, op.f32x4Add, op.localSet(acc[p][w]));
    }
  };

  const tileLoop = (tile: number): void => {
    emit(op.block, op.loop);
    emit(op.localGet(i), op.i32Const(tile), op.i32Add, op.localGet(M), op.i32GtS, op.brIf(1));
    for (let g = 0; g < cols / 4; g += V) {
      const count = Math.min(V, cols / 4 - g);
      for (let p = 0; p < tile; p++) for (let w = 0; w < count; w++) emit(op.v128Const(new Array(16).fill(0)), op.localSet(acc[p][w]));
      emit(op.localGet(i), op.i32Const(lda * 4), op.i32Mul, op.localGet(A), op.i32Add, op.localSet(ap));
      emit(op.localGet(B), op.i32Const(g * 16), op.i32Add, op.localSet(bp), op.localGet(KD), op.localSet(rem));
      // Unrolled by U while at least U steps remain, then one at a time.
      emit(op.block, op.loop, op.localGet(rem), op.i32Const(U), op.i32LtS, op.brIf(1));
      for (let u = 0; u < U; u++) madd(tile, count, u);
      emit(
        op.localGet(ap),
        op.i32Const(U * 4),
        op.i32Add,
        op.localSet(ap),
        op.localGet(bp),
        op.i32Const(U * ldb * 4),
        op.i32Add,
        op.localSet(bp),
      );
      emit(op.localGet(rem), op.i32Const(U), op.i32Sub, op.localSet(rem), op.br(0), op.end, op.end);
      emit(op.block, op.loop, op.localGet(rem), op.i32Eqz, op.brIf(1));
      madd(tile, count, 0);
      emit(op.localGet(ap), op.i32Const(4), op.i32Add, op.localSet(ap), op.localGet(bp), op.i32Const(ldb * 4), op.i32Add, op.localSet(bp));
      emit(op.localGet(rem), op.i32Const(1), op.i32Sub, op.localSet(rem), op.br(0), op.end, op.end);
      for (let p = 0; p < tile; p++) {
        for (let w = 0; w < count; w++) {
          emit(
            op.localGet(i),
            op.i32Const(ldc * 4),
            op.i32Mul,
            op.localGet(C),
            op.i32Add,
            op.localGet(acc[p][w]),
            op.v128Store((p * ldc + (g + w) * 4) * 4),
          );
        }
      }
    }
    emit(op.localGet(i), op.i32Const(tile), op.i32Add, op.localSet(i), op.br(0), op.end, op.end);
  };

  emit(op.i32Const(0), op.localSet(i));
  tileLoop(P);
  if (P > 1) tileLoop(1);
  return { name: spec.name, params: ['i32', 'i32', 'i32', 'i32', 'i32'], results: [], locals: types, body };
}
