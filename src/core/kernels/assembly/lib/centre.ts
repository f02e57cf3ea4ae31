/**
 * Centring of the points in the kernel's memory (../../rowSource.ts fillKernelRows): n rows of dp
 * floats at X minus the float64 mean at MEAN (dp values, zero in the padding, where the rows are
 * zero too). Each value is promoted to float64, the mean subtracted, and the difference rounded to
 * float32 once: the values cluster/centre.ts's copyRows writes in JavaScript, bit for bit.
 */
import { highHalf } from './tile';

export function centre(X: usize, n: i32, dp: i32, MEAN: usize): void {
  const rowBytes = (<usize>dp) << 2;
  for (let i = 0; i < n; i++) {
    let p = X + <usize>i * rowBytes;
    let m = MEAN;
    for (let j = 0; j < dp; j += 4) {
      const v = v128.load(p);
      const lo = f32x4.demote_f64x2_zero(f64x2.sub(f64x2.promote_low_f32x4(v), v128.load(m)));
      const hi = f32x4.demote_f64x2_zero(f64x2.sub(f64x2.promote_low_f32x4(highHalf(v)), v128.load(m, 16)));
      v128.store(p, i64x2.shuffle(lo, hi, 0, 2));
      p += 16;
      m += 32;
    }
  }
}

/**
 * Column sums and sums of squares of rows start..end-1 of X, in float64, added row after row (the
 * order cluster/centre.ts's chunkSums adds them in, so both give the same bits; a float32 value's
 * square is exact in float64): dp sums at OUT, then dp sums of squares. Row by row, so the chunk
 * streams through once while the 2 x dp totals stay in cache.
 */
export function columnSums(X: usize, start: i32, end: i32, dp: i32, OUT: usize): void {
  const rowBytes = (<usize>dp) << 2;
  const squares = OUT + ((<usize>dp) << 3);
  memory.fill(OUT, 0, (<usize>dp) << 4);
  for (let i = start; i < end; i++) {
    let p = X + <usize>i * rowBytes;
    let o = OUT;
    let q = squares;
    for (let j = 0; j < dp; j += 4) {
      const v = v128.load(p);
      const lo = f64x2.promote_low_f32x4(v);
      const hi = f64x2.promote_low_f32x4(highHalf(v));
      v128.store(o, f64x2.add(v128.load(o), lo));
      v128.store(o, f64x2.add(v128.load(o, 16), hi), 16);
      v128.store(q, f64x2.add(v128.load(q), f64x2.mul(lo, lo)));
      v128.store(q, f64x2.add(v128.load(q, 16), f64x2.mul(hi, hi)), 16);
      p += 16;
      o += 32;
      q += 32;
    }
  }
}
