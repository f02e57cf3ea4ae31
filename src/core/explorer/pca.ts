/**
 * The 2-D PCA projection of prompt embeddings phi(x) for the Clusters view, computed in tfjs:
 * centre, covariance C = X^T X / (n - 1), top-2 eigenvectors by block power (subspace) iteration,
 * a Rayleigh-Ritz step to order them, and a deterministic sign. Tensors never leave this function.
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '../types';
import { createRng } from '../rng';

export interface PcaOptions {
  /** Rows used to fit the components (an even stride over all rows); every row is projected. */
  maxFitRows?: number;
  /** Seed of the starting block (the result does not depend on it beyond rounding). */
  seed?: number;
  /** Block power iterations at most (Q <- orth(C Q)). */
  maxIterations?: number;
  /** Stop when the block moves less than this (max absolute change of a component entry). */
  tolerance?: number;
}

/** Two principal axes and every row's coordinates on them. */
export interface PcaProjection {
  /** n x 2 row-major: coords[2p] on the first axis, coords[2p + 1] on the second. */
  coords: Float32Array;
  /** Column means subtracted before projecting (length D). */
  mean: Float32Array;
  /** 2 x D row-major unit vectors; the largest-|entry| of each is positive (deterministic sign). */
  components: Float32Array;
  /** Variance along each axis (the eigenvalues of C). */
  variance: [number, number];
  /** variance / trace(C): the share of the total variance each axis explains. */
  explained: [number, number];
}

const DEFAULTS: Required<PcaOptions> = { maxFitRows: 10_000, seed: 0, maxIterations: 600, tolerance: 1e-6 };
/**
 * Iterations between convergence checks (a read-back stalls the GPU pipeline). Plain powers of C,
 * not C^(2^s) by squaring: squaring makes the second axis drown in float32 rounding of the first
 * whenever (lambda2 / lambda1)^(2^s) nears 1e-7.
 */
const CHECK_EVERY = 10;

/** Evenly strided row indices (deterministic), all rows when n <= max. */
function strideRows(n: number, max: number): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  return Int32Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
}

/** Gram-Schmidt on the two columns of a D x 2 block (tensors created inside the caller's tidy). */
function orthonormalise(block: tf.Tensor2D): tf.Tensor2D {
  const [a1, a2] = tf.split(block, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
  const q1 = tf.div(a1, tf.add(tf.norm(a1), 1e-30));
  const r = tf.sum(tf.mul(q1, a2));
  const b2 = tf.sub(a2, tf.mul(q1, r));
  const q2 = tf.div(b2, tf.add(tf.norm(b2), 1e-30));
  return tf.concat([q1, q2], 1) as tf.Tensor2D;
}

/** Symmetric 2x2 eigen-decomposition [[a, b], [b, d]]: eigenvalues descending and their unit vectors. */
function eig2(a: number, b: number, d: number): { values: [number, number]; vectors: [[number, number], [number, number]] } {
  const half = (a - d) / 2;
  const root = Math.hypot(half, b);
  const mid = (a + d) / 2;
  const l1 = mid + root;
  const l2 = mid - root;
  if (Math.abs(b) < 1e-300) {
    return a >= d
      ? {
          values: [a, d],
          vectors: [
            [1, 0],
            [0, 1],
          ],
        }
      : {
          values: [d, a],
          vectors: [
            [0, 1],
            [1, 0],
          ],
        };
  }
  // (A - l I) v = 0 with v = (b, l - a), normalised.
  const v1: [number, number] = [b, l1 - a];
  const n1 = Math.hypot(v1[0], v1[1]);
  const u1: [number, number] = [v1[0] / n1, v1[1] / n1];
  return { values: [l1, l2], vectors: [u1, [-u1[1], u1[0]]] };
}

/** Flips `v` so its largest-magnitude entry (first one on ties) is positive: a sign that does not depend on the start. */
function fixSign(v: Float64Array): void {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[best]) + 1e-12) best = i;
  if (v[best] < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i];
}

/** The top-2 principal components of `points` and every row's 2-D coordinates (PCA in tfjs). */
export async function pca2d(points: Matrix, options: PcaOptions = {}): Promise<PcaProjection> {
  const o = { ...DEFAULTS, ...options };
  const { rows: n, cols: d } = points;
  if (points.data.length !== n * d) throw new RangeError(`points hold ${points.data.length} values, expected ${n} x ${d}`);
  if (d < 1) throw new RangeError('pca2d needs at least one column');
  if (n === 0)
    return {
      coords: new Float32Array(0),
      mean: new Float32Array(d),
      components: new Float32Array(2 * d),
      variance: [0, 0],
      explained: [0, 0],
    };

  const fitIdx = strideRows(n, o.maxFitRows);
  const rng = createRng(o.seed);
  const start = Float32Array.from({ length: d * 2 }, () => rng.normal());
  const x = tf.tensor2d(points.data, [n, d]);
  const meanT = tf.tidy(() => tf.mean(tf.gather(x, tf.tensor1d(fitIdx, 'int32')), 0));
  const cov = tf.tidy(() => {
    const fit = tf.sub(tf.gather(x, tf.tensor1d(fitIdx, 'int32')), meanT);
    // An explicit transpose: tfjs-wasm's matMul with transposeA takes a path about ten times slower.
    return tf.div(tf.matMul(tf.transpose(fit), fit), Math.max(1, fitIdx.length - 1)) as tf.Tensor2D;
  });
  let block = tf.tidy(() => orthonormalise(tf.tensor2d(start, [d, 2])));
  try {
    for (let it = 0; it < o.maxIterations; it += CHECK_EVERY) {
      const steps = Math.min(CHECK_EVERY, o.maxIterations - it);
      const [next, moved] = tf.tidy(() => {
        let q = block;
        let previous = block;
        for (let s = 0; s < steps; s++) {
          previous = q;
          q = orthonormalise(tf.matMul(cov, q));
        }
        return [q, tf.max(tf.abs(tf.sub(q, previous)))];
      });
      const change = (await moved.data())[0];
      moved.dispose();
      block.dispose();
      block = next;
      if (change < o.tolerance) break;
    }
    // Rayleigh-Ritz: T = Q^T C Q (2 x 2) orders and rotates the block onto the eigenvectors.
    const tT = tf.tidy(() => tf.matMul(tf.matMul(block, cov, true, false), block));
    const t = await tT.data();
    tT.dispose();
    const traceT = tf.tidy(() => tf.sum(tf.mul(cov, tf.eye(d))));
    const trace = (await traceT.data())[0];
    traceT.dispose();
    const q = await block.data();
    const { values, vectors } = eig2(t[0], (t[1] + t[2]) / 2, t[3]);
    const components = new Float32Array(2 * d);
    for (let j = 0; j < 2; j++) {
      const v = new Float64Array(d);
      for (let i = 0; i < d; i++) v[i] = q[i * 2] * vectors[j][0] + q[i * 2 + 1] * vectors[j][1];
      fixSign(v);
      components.set(v, j * d);
    }
    const coordsT = tf.tidy(() => tf.matMul(tf.sub(x, meanT), tf.tensor2d(components, [2, d]), false, true));
    const coords = (await coordsT.data()) as Float32Array;
    coordsT.dispose();
    const mean = (await meanT.data()) as Float32Array;
    const variance: [number, number] = [Math.max(0, values[0]), Math.max(0, values[1])];
    const explained: [number, number] = trace > 0 ? [variance[0] / trace, variance[1] / trace] : [0, 0];
    return { coords: Float32Array.from(coords), mean: Float32Array.from(mean), components, variance, explained };
  } finally {
    block.dispose();
    cov.dispose();
    meanT.dispose();
    x.dispose();
  }
}
