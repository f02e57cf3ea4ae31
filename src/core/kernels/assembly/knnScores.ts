/**
 * Approximate squared distances for the exact k nearest neighbours (../knnKernel.ts): for every
 * query row, |r|^2 - 2 q.r to every reference r in float32, with the Lloyd kernels' register tile
 * (lib/tile.ts; the references stand where the centroids do). The caller only uses these to
 * shortlist references within a rounding bound and recomputes the shortlist exactly in float64.
 *
 * Memory (byte addresses from the caller, rows padded with zeros to `dp` floats):
 *   Q     nq x dp  queries      CT   dp x kp  -2 r, transposed      CN  kp  |r|^2 (+Infinity padding)
 *   OUT   nq x kp  the scores
 */

import { distances } from './lib/tile';

export function scores(nq: i32, Q: usize, CT: usize, CN: usize, OUT: usize, dp: i32, kp: i32): void {
  const rowBytes = (<usize>dp) << 2;
  const outBytes = (<usize>kp) << 2;
  for (let i = 0; i < nq;) {
    const tile = i + 2 <= nq ? 2 : 1;
    distances(Q + <usize>i * rowBytes, tile, CT, CN, OUT + <usize>i * outBytes, dp, kp);
    i += tile;
  }
}
