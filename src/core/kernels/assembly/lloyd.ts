/**
 * One Lloyd step of k-means in WebAssembly SIMD (AssemblyScript, compiled by
 * scripts/build-kernels.mjs): assign points to their nearest centroid mu and add them into the
 * per-cluster sums, fused in one pass while a point's row is still in cache.
 *
 * Assignment uses the norm expansion |x - mu|^2 = |x|^2 - 2 x.mu + |mu|^2; |x|^2 is the same for
 * every centroid, so the argmin needs only |mu|^2 - 2 x.mu. The caller stores the centroids
 * transposed and pre-scaled, CT[j][c] = -2 mu_c[j], so the four lanes of a vector run across
 * centroids. A register tile of 2 points x 16 centroids keeps 8 accumulators live and reuses each
 * loaded CT vector twice and each broadcast x value four times, as a BLAS micro-kernel does.
 *
 * Memory (byte addresses from the caller, rows padded with zeros to `dp` floats, a multiple of 4):
 *   X      n x dp   points                      CT   dp x kp  -2 mu, transposed (kp: a multiple of 4)
 *   CN     kp       |mu|^2 (+Infinity for padding centroids, which never win)
 *   C      k x dp   mu, row-major (for the inertia from explicit differences)
 *   ASSIGN n        nearest centroid per point  COUNTS k  points per cluster
 *   SUMS32 k x dp   float32 sums of this call   SUMS64 k x dp  float64 totals (flush)
 *   SCRATCH 2 x kp  the distances of one tile
 *   MEAN   dp (f64) the column means `centre` (lib/centre.ts) subtracts from X once, for raw points
 */

import { assignAndAccumulate, distances, highHalf } from './lib/tile';

export { centre, columnSums } from './lib/centre';
export { flush } from './lib/tile';

/**
 * Assigns points start..end-1, adds them into SUMS32 and COUNTS, writes their assignments, and
 * returns the sum of their squared distances (accumulated in float64).
 */
export function run(
  start: i32,
  end: i32,
  X: usize,
  CT: usize,
  CN: usize,
  C: usize,
  ASSIGN: usize,
  SUMS32: usize,
  COUNTS: usize,
  SCRATCH: usize,
  dp: i32,
  kp: i32,
  k: i32,
): f64 {
  const rowBytes = (<usize>dp) << 2;
  const scratchRowBytes = (<usize>kp) << 2;
  let inertia = f64x2.splat(0);
  for (let i = start; i < end;) {
    const tile = i + 2 <= end ? 2 : 1;
    const xp = X + <usize>i * rowBytes;
    distances(xp, tile, CT, CN, SCRATCH, dp, kp);
    for (let p = 0; p < tile; p++) {
      const squares = assignAndAccumulate(
        i + p,
        xp + <usize>p * rowBytes,
        SCRATCH + <usize>p * scratchRowBytes,
        C,
        ASSIGN,
        COUNTS,
        SUMS32,
        dp,
        k,
      );
      inertia = f64x2.add(inertia, f64x2.promote_low_f32x4(squares));
      inertia = f64x2.add(inertia, f64x2.promote_low_f32x4(highHalf(squares)));
    }
    i += tile;
  }
  return f64x2.extract_lane(inertia, 0) + f64x2.extract_lane(inertia, 1);
}
