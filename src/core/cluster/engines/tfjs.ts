/**
 * The 'tfjs' Lloyd engine on the current tfjs backend (pick it with initTf first). The points and
 * |x|^2 stay resident as tensors. A step: distances by the norm expansion |x|^2 - 2 x.mu + |mu|^2
 * in one matMul (the argMin skips |x|^2, common to every mu), argMin (first minimum: the lower
 * index on ties), and scatterND for the per-cluster sums (duplicate indices add up; wasm, webgl
 * and cpu all implement it, unlike a float oneHot, broken on wasm 4.22). Results are read back
 * with await data(); no tensor outlives a step except the resident ones (dispose frees them).
 */
import * as tf from '@tensorflow/tfjs';
import { allRows, type RowSource } from '../../kernels/rowSource';
import type { Matrix } from '../../types';
import { checkCentroids, type LloydEngine, type LloydStep } from './types';

export async function createTfLloydEngine(source: Matrix | RowSource, k: number): Promise<LloydEngine> {
  const points = allRows(source);
  const { rows: n, cols: d } = points;
  await tf.ready();
  let resident: { x: tf.Tensor2D; ones: tf.Tensor1D } | undefined = tf.tidy(() => ({
    x: tf.tensor2d(points.data, [n, d]),
    ones: tf.ones([n]) as tf.Tensor1D,
  }));
  return {
    kind: 'tfjs',
    n,
    dim: d,
    k,
    async step(centroids: Float32Array): Promise<LloydStep> {
      const r = resident;
      if (r === undefined) throw new Error('this Lloyd engine was disposed');
      checkCentroids({ k, dim: d }, centroids);
      const out = tf.tidy(() => {
        const mu = tf.tensor2d(centroids, [k, d]);
        // matMul(x, mu^T) with transposeB runs far slower than with a transposed copy on wasm 4.22.
        const minus2muT = tf.mul(tf.transpose(mu), -2); // D x K, exact scaling
        const partial = tf.add(tf.matMul(r.x, minus2muT), tf.sum(tf.square(mu), 1)); // N x K
        const assignments = tf.argMin(partial, 1) as tf.Tensor1D;
        // Per-point sums first: one float32 sum over all N x D squares drifts by ~1e-4 at N = 2000, D = 256.
        const inertia = tf.sum(tf.sum(tf.square(tf.sub(r.x, tf.gather(mu, assignments))), 1));
        const idx = tf.expandDims(assignments, 1);
        const sums = tf.scatterND(idx, r.x, [k, d]);
        const counts = tf.scatterND(idx, r.ones, [k]);
        return { assignments, inertia, sums, counts };
      });
      try {
        const [a, inertia, sums, counts] = await Promise.all([
          out.assignments.data(),
          out.inertia.data(),
          out.sums.data(),
          out.counts.data(),
        ]);
        return {
          assignments: Int32Array.from(a),
          sums: Float64Array.from(sums),
          counts: Int32Array.from(counts),
          inertia: inertia[0],
        };
      } finally {
        tf.dispose([out.assignments, out.inertia, out.sums, out.counts]);
      }
    },
    dispose(): void {
      if (resident) tf.dispose([resident.x, resident.ones]);
      resident = undefined;
    },
  };
}
