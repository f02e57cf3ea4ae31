/**
 * Matrix product C = A B in WebAssembly SIMD, float32, row-major: the learned cluster map's
 * forward and backward passes are four such products (../learnedMap.ts). Lanes run along C's
 * columns; a register tile of 2 rows x 16 columns keeps 8 accumulators live, reusing each loaded B
 * vector twice and each broadcast A value four times; the last columns go 4 at a time and an odd
 * last row alone. A is read with a row and a column stride, so A may be stored transposed.
 */

import { madd } from './tile';

/**
 * C[m x cols] = A[m x kd] B[kd x cols] with A, B, C at byte addresses a, b, c (16-byte aligned)
 * and row strides lda, ldb, ldc in floats; cols, ldb and ldc are multiples of 4.
 */
export function gemm(a: usize, b: usize, c: usize, m: i32, kd: i32, cols: i32, lda: i32, ldb: i32, ldc: i32): void {
  gemmStrided(a, b, c, m, kd, cols, lda, 1, ldb, ldc);
}

/** C = A^T B for A stored kd x m (row stride lda): the product with the transposed A, read in place. */
export function gemmTN(a: usize, b: usize, c: usize, m: i32, kd: i32, cols: i32, lda: i32, ldb: i32, ldc: i32): void {
  gemmStrided(a, b, c, m, kd, cols, 1, lda, ldb, ldc);
}

/** C = A B with element (i, q) of A at a + 4 (i rowStep + q colStep). */
function gemmStrided(a: usize, b: usize, c: usize, m: i32, kd: i32, cols: i32, rowStep: i32, colStep: i32, ldb: i32, ldc: i32): void {
  const aRow = (<usize>rowStep) << 2;
  const aCol = (<usize>colStep) << 2;
  const bRow = (<usize>ldb) << 2;
  const cRow = (<usize>ldc) << 2;
  for (let i = 0; i < m; i += 2) {
    const two = i + 1 < m;
    const a0 = a + <usize>i * aRow;
    const a1 = two ? a0 + aRow : a0; // an odd last row is computed twice and stored once
    const c0 = c + <usize>i * cRow;
    let col = 0;
    for (; col + 16 <= cols; col += 16) {
      let r0 = f32x4.splat(0);
      let r1 = r0;
      let r2 = r0;
      let r3 = r0;
      let s0 = r0;
      let s1 = r0;
      let s2 = r0;
      let s3 = r0;
      let bp = b + ((<usize>col) << 2);
      let ap0 = a0;
      let ap1 = a1;
      for (let q = 0; q < kd; q++) {
        const x0 = v128.load32_splat(ap0);
        const x1 = v128.load32_splat(ap1);
        ap0 += aCol;
        ap1 += aCol;
        const v0 = v128.load(bp);
        const v1 = v128.load(bp, 16);
        const v2 = v128.load(bp, 32);
        const v3 = v128.load(bp, 48);
        r0 = madd(r0, x0, v0);
        r1 = madd(r1, x0, v1);
        r2 = madd(r2, x0, v2);
        r3 = madd(r3, x0, v3);
        s0 = madd(s0, x1, v0);
        s1 = madd(s1, x1, v1);
        s2 = madd(s2, x1, v2);
        s3 = madd(s3, x1, v3);
        bp += bRow;
      }
      const out = c0 + ((<usize>col) << 2);
      v128.store(out, r0);
      v128.store(out, r1, 16);
      v128.store(out, r2, 32);
      v128.store(out, r3, 48);
      if (two) {
        v128.store(out + cRow, s0);
        v128.store(out + cRow, s1, 16);
        v128.store(out + cRow, s2, 32);
        v128.store(out + cRow, s3, 48);
      }
    }
    for (; col < cols; col += 4) {
      let r = f32x4.splat(0);
      let s = r;
      let bp = b + ((<usize>col) << 2);
      let ap0 = a0;
      let ap1 = a1;
      for (let q = 0; q < kd; q++) {
        const v = v128.load(bp);
        r = madd(r, v128.load32_splat(ap0), v);
        s = madd(s, v128.load32_splat(ap1), v);
        ap0 += aCol;
        ap1 += aCol;
        bp += bRow;
      }
      const out = c0 + ((<usize>col) << 2);
      v128.store(out, r);
      if (two) v128.store(out + cRow, s);
    }
  }
}
