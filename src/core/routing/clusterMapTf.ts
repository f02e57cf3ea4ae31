/**
 * The objective of the learned cluster map Phi (UniRoute LearnedMap, clusterMapObjective.ts)
 * written in tfjs ops for autodiff on the current backend: masked mean BCE of the clipped
 * gamma = Phi(x) . Psi(h) plus l2 * sum(theta^2). Tested against clusterMapGradient. Tensors built
 * here never leave the core (callers dispose them, results are read back as plain numbers).
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '../types';
import type { ClusterMapParams } from './clusterMap';
import { GAMMA_CLIP, type ClusterMapData } from './clusterMapObjective';

/** One labelled set on the device: prompts, errors with NaN -> 0, and the observed-label mask. */
export interface LabelledTensors {
  x: tf.Tensor2D;
  errors: tf.Tensor2D;
  mask: tf.Tensor2D;
  rows: number;
  /** Number of observed (non-NaN) labels. */
  observed: number;
}

/** The map's parameters as trainable variables: W = theta[:, :D] (K x D), b = theta[:, D] (K). */
export interface MapVariables {
  w: tf.Variable<tf.Rank.R2>;
  b: tf.Variable<tf.Rank.R1>;
}

/** Uploads prompts x LLMs labels; missing labels (NaN) become 0 with mask 0, so they add nothing. */
export function labelledTensors(x: Matrix, errors: Float64Array, h: number): LabelledTensors {
  const labels = new Float32Array(errors.length);
  const mask = new Float32Array(errors.length);
  let observed = 0;
  for (let i = 0; i < errors.length; i++) {
    if (Number.isNaN(errors[i])) continue;
    labels[i] = errors[i];
    mask[i] = 1;
    observed++;
  }
  return {
    x: tf.tensor2d(x.data, [x.rows, x.cols]),
    errors: tf.tensor2d(labels, [x.rows, h]),
    mask: tf.tensor2d(mask, [x.rows, h]),
    rows: x.rows,
    observed,
  };
}

export function disposeLabelled(set: LabelledTensors): void {
  tf.dispose([set.x, set.errors, set.mask]);
}

/** Psi (model-major H x K, as errorProfile stores it) as an H x K tensor. */
export function psiTensor(psi: Float64Array, k: number): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(psi), [psi.length / k, k]);
}

export function mapVariables(map: ClusterMapParams): MapVariables {
  const { k, dim, theta } = map;
  const w = new Float32Array(k * dim);
  const b = new Float32Array(k);
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < dim; d++) w[c * dim + d] = theta[c * (dim + 1) + d];
    b[c] = theta[c * (dim + 1) + dim];
  }
  // tf.variable keeps its initial tensor registered: dispose those so only the variables remain.
  const w0 = tf.tensor2d(w, [k, dim]);
  const b0 = tf.tensor1d(b);
  const vars = { w: tf.variable(w0), b: tf.variable(b0) };
  tf.dispose([w0, b0]);
  return vars;
}

/** Reads W and b (the variables or their gradients) back as theta (K x (D+1), last column = bias). */
export async function readTheta(vars: { w: tf.Tensor2D; b: tf.Tensor1D }): Promise<Float32Array> {
  const [k, dim] = vars.w.shape;
  const [w, b] = await Promise.all([vars.w.data(), vars.b.data()]);
  const theta = new Float32Array(k * (dim + 1));
  for (let c = 0; c < k; c++) {
    theta.set(w.subarray(c * dim, (c + 1) * dim), c * (dim + 1));
    theta[c * (dim + 1) + dim] = b[c];
  }
  return theta;
}

/** Sum over observed (x,h) of BCE(clip(Phi(x) . Psi(h)), e(x,h)). Call inside a tidy or grad. */
export function maskedBceSum(x: tf.Tensor2D, errors: tf.Tensor2D, mask: tf.Tensor2D, psi: tf.Tensor2D, vars: MapVariables): tf.Scalar {
  const phi = tf.softmax(tf.add(tf.matMul(x, vars.w, false, true), vars.b));
  const gamma = tf.clipByValue(tf.matMul(phi, psi, false, true), GAMMA_CLIP, 1 - GAMMA_CLIP);
  const logLik = tf.add(tf.mul(errors, tf.log(gamma)), tf.mul(tf.sub(1, errors), tf.log(tf.sub(1, gamma))));
  return tf.neg(tf.sum<tf.Scalar>(tf.mul(mask, logLik)));
}

/** The training objective on one batch: mean masked BCE + l2 * sum(theta^2) (as clusterMapGradient). */
export function objective(
  x: tf.Tensor2D,
  errors: tf.Tensor2D,
  mask: tf.Tensor2D,
  psi: tf.Tensor2D,
  vars: MapVariables,
  l2: number,
): tf.Scalar {
  const mean = tf.div<tf.Scalar>(maskedBceSum(x, errors, mask, psi, vars), tf.maximum(tf.sum(mask), 1));
  if (l2 === 0) return mean;
  return tf.add<tf.Scalar>(mean, tf.mul(l2, tf.add(tf.sum(tf.square(vars.w)), tf.sum(tf.square(vars.b)))));
}

/** Prompts per forward pass when a whole set is evaluated (bounds device memory at scale). */
const EVAL_CHUNK = 4096;

/** Mean BCE (no L2) over every observed label of a set, evaluated chunk by chunk; NaN if none. */
export async function meanBce(set: LabelledTensors, psi: tf.Tensor2D, vars: MapVariables): Promise<number> {
  if (set.observed === 0) return NaN;
  const parts: tf.Scalar[] = [];
  for (let start = 0; start < set.rows; start += EVAL_CHUNK) {
    const size = Math.min(EVAL_CHUNK, set.rows - start);
    parts.push(
      tf.tidy(() => {
        const rows = (t: tf.Tensor2D) => tf.slice(t, [start, 0], [size, -1]);
        return maskedBceSum(rows(set.x), rows(set.errors), rows(set.mask), psi, vars);
      }),
    );
  }
  const total = tf.addN(parts);
  const value = (await total.data())[0];
  tf.dispose([...parts, total]);
  return value / set.observed;
}

/**
 * The tfjs objective and its gradient (tf.variableGrads) at theta, read back as theta-shaped
 * numbers: the device counterpart of clusterMapGradient, for tests and backend checks.
 */
export async function clusterMapGradientTf(
  data: ClusterMapData,
  map: ClusterMapParams,
  l2 = 0,
): Promise<{ loss: number; gradient: Float64Array }> {
  if (data.psi.length % map.k !== 0) throw new Error(`psi has ${data.psi.length} values, not a multiple of K = ${map.k}`);
  const set = labelledTensors(data.x, data.errors, data.psi.length / map.k);
  const psi = psiTensor(data.psi, map.k);
  const vars = mapVariables(map);
  const { value, grads } = tf.variableGrads(() => objective(set.x, set.errors, set.mask, psi, vars, l2), [vars.w, vars.b]);
  try {
    const theta = await readTheta({ w: grads[vars.w.name] as tf.Tensor2D, b: grads[vars.b.name] as tf.Tensor1D });
    return { loss: (await value.data())[0], gradient: Float64Array.from(theta) };
  } finally {
    disposeLabelled(set);
    tf.dispose([psi, vars.w, vars.b, value, ...Object.values(grads)]);
  }
}
