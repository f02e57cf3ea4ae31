/**
 * Comparator: one epoch of the learned map Phi written directly in tfjs ops (hand-written gradient,
 * Adam as tensor maths, no autodiff tape), the best a pure-tfjs trainer can do per mini-batch.
 * It shows what bounds tfjs here (per-op overhead and the backend's matMul), next to the wasm
 * kernel (src/core/routing/clusterMapSimd.ts) and trainClusterMap (autodiff + tf.train.adam).
 */
import * as tf from '@tensorflow/tfjs';
import type { LearnedMapBenchProblem } from './problems';

/** Runs one epoch in file order on the current backend; returns the mean batch loss and final theta. */
export async function learnedMapEpochTf(p: LearnedMapBenchProblem): Promise<{ meanBatchLoss: number; theta: Float32Array }> {
  const { n, d, k, h, batchSize: bs, learningRate: lr, l2 } = p;
  const X = tf.tensor2d(p.x.data, [n, d]);
  const E = tf.tensor2d(p.errors, [n, h]);
  const psi = tf.tensor2d(p.psi, [h, k]);
  const theta0 = tf.tensor2d(p.theta, [k, d + 1]);
  let w = tf.slice(theta0, [0, 0], [k, d]) as tf.Tensor2D;
  let b = tf.reshape(tf.slice(theta0, [0, d], [k, 1]), [k]) as tf.Tensor1D;
  let [mw, vw, mb, vb] = [tf.zerosLike(w), tf.zerosLike(w), tf.zerosLike(b), tf.zerosLike(b)];
  const losses: tf.Scalar[] = [];
  try {
    for (let s = 0, t = 1; s < n; s += bs, t++) {
      const rows = Math.min(bs, n - s);
      const next = tf.tidy(() => {
        const xb = tf.slice(X, [s, 0], [rows, d]);
        const eb = tf.slice(E, [s, 0], [rows, h]);
        const phi = tf.softmax(tf.add(tf.matMul(xb, w, false, true), b));
        const gamma = tf.matMul(phi, psi, false, true);
        const g = tf.clipByValue(gamma, 1e-6, 1 - 1e-6);
        const inside = tf.logicalAnd(tf.greaterEqual(gamma, 1e-6), tf.lessEqual(gamma, 1 - 1e-6));
        const scale = 1 / (rows * h);
        const loss = tf.mul(tf.neg(tf.sum(tf.add(tf.mul(eb, tf.log(g)), tf.mul(tf.sub(1, eb), tf.log(tf.sub(1, g)))))), scale) as tf.Scalar;
        const dg = tf.mul(tf.where(inside, tf.sub(tf.div(tf.sub(1, eb), tf.sub(1, g)), tf.div(eb, g)), tf.zerosLike(g)), scale);
        const dphi = tf.matMul(dg, psi);
        const dz = tf.mul(phi, tf.sub(dphi, tf.sum(tf.mul(dphi, phi), 1, true)));
        const gw = tf.add(tf.matMul(dz, xb, true, false), tf.mul(w, 2 * l2));
        const gb = tf.add(tf.sum(dz, 0), tf.mul(b, 2 * l2));
        const c1 = 1 - 0.9 ** t;
        const c2 = 1 - 0.999 ** t;
        const adam = (param: tf.Tensor, grad: tf.Tensor, m: tf.Tensor, v: tf.Tensor) => {
          const m2 = tf.add(tf.mul(m, 0.9), tf.mul(grad, 0.1));
          const v2 = tf.add(tf.mul(v, 0.999), tf.mul(tf.square(grad), 0.001));
          const p2 = tf.sub(param, tf.div(tf.mul(m2, lr / c1), tf.add(tf.sqrt(tf.div(v2, c2)), 1e-7)));
          return [p2, m2, v2];
        };
        const [w2, mw2, vw2] = adam(w, gw, mw, vw);
        const [b2, mb2, vb2] = adam(b, gb, mb, vb);
        return { loss, w2, mw2, vw2, b2, mb2, vb2 };
      });
      tf.dispose([w, b, mw, vw, mb, vb]);
      [w, b, mw, vw, mb, vb] = [
        next.w2 as tf.Tensor2D,
        next.b2 as tf.Tensor1D,
        next.mw2 as tf.Tensor2D,
        next.vw2 as tf.Tensor2D,
        next.mb2 as tf.Tensor1D,
        next.vb2 as tf.Tensor1D,
      ];
      losses.push(next.loss);
    }
    const total = tf.addN(losses);
    const sum = (await total.data())[0];
    total.dispose();
    const thetaT = tf.tidy(() => tf.concat([w, tf.reshape(b, [k, 1])], 1));
    const theta = Float32Array.from(await thetaT.data());
    thetaT.dispose();
    return { meanBatchLoss: sum / losses.length, theta };
  } finally {
    tf.dispose([X, E, psi, theta0, w, b, mw, vw, mb, vb, ...losses]);
  }
}
