/**
 * The 2-D PCA projection of prompt embeddings phi(x) for the Clusters view: centring, the
 * covariance C = X^T X / (n - 1) and the projection in tfjs; the top-2 eigenvectors of the small
 * D x D matrix C in float64 (Lanczos, ./eigen), and a deterministic sign. Tensors never leave this
 * function.
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '../types';
import { createRng } from '../rng';
import { leadingEigenpairs } from './eigen';

export interface PcaOptions {
  /** Rows used to fit the components (an even stride over all rows); every row is projected. */
  maxFitRows?: number;
  /** Seed of the starting vector (the result does not depend on it beyond rounding). */
  seed?: number;
  /** Stop growing the Krylov basis when each axis's residual |C v - lambda v| is within tolerance x max |C_ij|. */
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

const DEFAULTS: Required<PcaOptions> = { maxFitRows: 10_000, seed: 0, tolerance: 1e-9 };

/** Evenly strided row indices (deterministic), all rows when n <= max. */
function strideRows(n: number, max: number): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  return Int32Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
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
  const start = Float64Array.from({ length: d }, () => rng.normal());
  // The fitted rows are copied here: tfjs-wasm's gather of rows cost more than the covariance itself.
  let fitData = points.data;
  if (fitIdx.length < n) {
    fitData = new Float32Array(fitIdx.length * d);
    fitIdx.forEach((r, i) => fitData.set(points.data.subarray(r * d, (r + 1) * d), i * d));
  }
  const fit = tf.tensor2d(fitData, [fitIdx.length, d]);
  const meanT = tf.tidy(() => tf.mean(fit, 0));
  let c: Float64Array;
  try {
    const cov = tf.tidy(() => {
      const centred = tf.sub(fit, meanT);
      // An explicit transpose: tfjs-wasm's matMul with transposeA takes a path about ten times slower.
      return tf.div(tf.matMul(tf.transpose(centred), centred), Math.max(1, fitIdx.length - 1)) as tf.Tensor2D;
    });
    try {
      c = Float64Array.from(await cov.data());
    } finally {
      cov.dispose();
    }
  } catch (e) {
    meanT.dispose();
    throw e;
  } finally {
    fit.dispose();
  }
  const x = tf.tensor2d(points.data, [n, d]);
  try {
    // The D x D covariance is small: its leading eigenpairs are found in float64 here (Lanczos; see
    // ./eigen). In tfjs each step would be a dozen tiny kernels, whose dispatch dominated the time.
    const top = leadingEigenpairs(c, d, 2, start, o.tolerance);
    let trace = 0;
    for (let i = 0; i < d; i++) trace += c[i * d + i];
    const values = [top.values[0] ?? 0, top.values[1] ?? 0];
    const components = new Float32Array(2 * d);
    for (let j = 0; j < 2; j++) {
      // With D = 1 there is one axis; the second stays zero.
      const v = top.vectors[j] ? Float64Array.from(top.vectors[j]) : new Float64Array(d);
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
    meanT.dispose();
    x.dispose();
  }
}
