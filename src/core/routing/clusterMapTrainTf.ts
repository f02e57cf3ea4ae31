/**
 * The tfjs trainer of the learned cluster map Phi (UniRoute LearnedMap) on the current backend:
 * autodiff of the masked log loss (clusterMapTf.ts) and tf.train.adam. It is the reference the
 * SIMD kernel is checked against, and the engine where WebAssembly SIMD is missing. Every tensor
 * it makes is freed by dispose() (or before it throws).
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '../types';
import type { ClusterMap, ClusterMapInput } from './clusterMap';
import {
  disposeLabelled,
  labelledTensors,
  mapVariables,
  meanBce,
  objective,
  psiTensor,
  readTheta,
  type LabelledTensors,
} from './clusterMapTf';
import type { MapTrainer } from './clusterMapTrain';

/** The given rows of S_tr (the monitored subset) as their own labelled set. */
function subset(x: Matrix, errors: Float64Array, h: number, rows: readonly number[]): { x: Matrix; errors: Float64Array } {
  const data = new Float32Array(rows.length * x.cols);
  const labels = new Float64Array(rows.length * h);
  rows.forEach((r, i) => {
    data.set(x.data.subarray(r * x.cols, (r + 1) * x.cols), i * x.cols);
    labels.set(errors.subarray(r * h, (r + 1) * h), i * h);
  });
  return { x: { rows: rows.length, cols: x.cols, data }, errors: labels };
}

export function createTfMapTrainer(
  input: ClusterMapInput,
  h: number,
  init: ClusterMap,
  o: { learningRate: number; l2: number },
  monitorRows?: readonly number[],
): MapTrainer {
  const made: LabelledTensors[] = [];
  const upload = (x: Matrix, errors: Float64Array): LabelledTensors => {
    const set = labelledTensors(x, errors, h);
    made.push(set);
    return set;
  };
  const vars = mapVariables(init);
  const optimizer = tf.train.adam(o.learningRate);
  let psi: tf.Tensor2D | undefined;
  const dispose = (): void => {
    optimizer.dispose();
    tf.dispose([vars.w, vars.b]);
    made.forEach(disposeLabelled);
    made.length = 0;
    psi?.dispose();
  };
  try {
    const train = upload(input.trainX, input.trainErrors);
    const sample = monitorRows === undefined ? undefined : subset(input.trainX, input.trainErrors, h, monitorRows);
    const monitor = sample === undefined ? train : upload(sample.x, sample.errors);
    const val = upload(input.valX, input.valErrors);
    const psiT = psiTensor(input.psi, init.k);
    psi = psiT;
    return {
      async losses() {
        return { trainLoss: await meanBce(monitor, psiT, vars), valLoss: await meanBce(val, psiT, vars) };
      },
      step(order, start, end) {
        const idx = tf.tensor1d(order.slice(start, end), 'int32');
        // No cost returned (nothing to dispose, no read-back per batch); the explicit variable list
        // keeps other trainable variables in the same engine untouched.
        optimizer.minimize(
          () => objective(tf.gather(train.x, idx), tf.gather(train.errors, idx), tf.gather(train.mask, idx), psiT, vars, o.l2),
          false,
          [vars.w, vars.b],
        );
        idx.dispose();
      },
      theta: () => readTheta(vars),
      dispose,
    };
  } catch (e) {
    dispose();
    throw e;
  }
}
