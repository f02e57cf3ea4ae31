/**
 * The 'ts' Lloyd engine: plain TypeScript over the points (a matrix is used without a copy), the fallback
 * that always builds (last in every 'auto' order, see ../choose.ts). Assignment by the norm
 * expansion |mu|^2 - 2 x.mu (4-way unrolled dot products in float64), sums in float64, inertia
 * from explicit differences.
 */
import { allRows, type RowSource } from '../../kernels/rowSource';
import type { Matrix } from '../../types';
import { checkCentroids, type LloydEngine, type LloydStep } from './types';

export function createTsLloydEngine(source: Matrix | RowSource, k: number): LloydEngine {
  const points = allRows(source);
  const { rows: n, cols: d } = points;
  let x: Float32Array | undefined = points.data;
  const cn = new Float64Array(k);
  return {
    kind: 'ts',
    n,
    dim: d,
    k,
    async step(mu: Float32Array): Promise<LloydStep> {
      if (x === undefined) throw new Error('this Lloyd engine was disposed');
      checkCentroids({ k, dim: d }, mu);
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += mu[c * d + j] * mu[c * d + j];
        cn[c] = s;
      }
      const assignments = new Int32Array(n);
      const sums = new Float64Array(k * d);
      const counts = new Int32Array(k);
      let inertia = 0;
      for (let i = 0; i < n; i++) {
        const xi = i * d;
        let best = Infinity;
        let bestC = 0;
        for (let c = 0; c < k; c++) {
          const cc = c * d;
          let s0 = 0;
          let s1 = 0;
          let s2 = 0;
          let s3 = 0;
          let j = 0;
          for (; j + 3 < d; j += 4) {
            s0 += x[xi + j] * mu[cc + j];
            s1 += x[xi + j + 1] * mu[cc + j + 1];
            s2 += x[xi + j + 2] * mu[cc + j + 2];
            s3 += x[xi + j + 3] * mu[cc + j + 3];
          }
          for (; j < d; j++) s0 += x[xi + j] * mu[cc + j];
          const dist = cn[c] - 2 * (s0 + s1 + s2 + s3);
          if (dist < best) {
            best = dist;
            bestC = c;
          }
        }
        assignments[i] = bestC;
        counts[bestC]++;
        const cc = bestC * d;
        let sq = 0;
        for (let j = 0; j < d; j++) {
          const v = x[xi + j];
          sums[cc + j] += v;
          const diff = v - mu[cc + j];
          sq += diff * diff;
        }
        inertia += sq;
      }
      return { assignments, sums, counts, inertia };
    },
    dispose(): void {
      x = undefined;
    },
  };
}
