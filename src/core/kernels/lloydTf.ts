/**
 * The 'tfjs' Lloyd engine on the current tfjs backend (pick it with initTf first): the points
 * and |x|^2 stay resident as tensors; a step is one matMul for the norm expansion, argMin, and
 * scatterND for the per-cluster sums (no float oneHot: broken on wasm 4.22). Results are read
 * back with await data(); no tensor outlives a step except the resident ones (dispose frees them).
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '../types';
import { checkCentroids, type LloydEngine, type LloydStep } from './lloydTypes';

export async function createTfLloydEngine(points: Matrix, k: number): Promise<LloydEngine> {
  const { rows: n, cols: d } = points;
  await tf.ready();
  let resident: { x: tf.Tensor2D; xNorm: tf.Tensor2D; ones: tf.Tensor1D } | undefined = tf.tidy(() => {
    const x = tf.tensor2d(points.data, [n, d]);
    return { x, xNorm: tf.sum(tf.square(x), 1, true) as tf.Tensor2D, ones: tf.ones([n]) as tf.Tensor1D };
  });
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
        const cross = tf.matMul(r.x, mu, false, true);
        const dist = tf.add(tf.sub(r.xNorm, tf.mul(cross, 2)), tf.sum(tf.square(mu), 1));
        const assignments = tf.argMin(dist, 1) as tf.Tensor1D;
        const inertia = tf.sum(tf.square(tf.sub(r.x, tf.gather(mu, assignments))));
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
      if (resident) tf.dispose([resident.x, resident.xNorm, resident.ones]);
      resident = undefined;
    },
  };
}
