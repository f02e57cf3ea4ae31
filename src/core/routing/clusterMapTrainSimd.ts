/**
 * The WebAssembly SIMD trainer of the learned cluster map Phi (UniRoute LearnedMap): the same
 * objective, gradient and Adam as the tfjs trainer, on clusterMapSimd.ts. One instance holds S_tr
 * (training steps and the monitored train loss), a second holds S_val (validation loss at the
 * training instance's current theta).
 */
import { createClusterMapSimd, type ClusterMapSimd } from './clusterMapSimd';
import type { ClusterMap, ClusterMapInput } from './clusterMap';
import type { MapTrainer } from './clusterMapTrain';
import type { MapPeerPort } from './clusterMapPeer';

/** Prompts per forward pass of the validation loss (bounds the kernel's batch buffers). */
const EVAL_BATCH = 1024;

export async function createSimdMapTrainer(
  input: ClusterMapInput,
  init: ClusterMap,
  o: { learningRate: number; l2: number; batchSize: number; spawnPeer?: () => MapPeerPort },
  monitorRows?: readonly number[],
): Promise<MapTrainer> {
  const train = await createClusterMapSimd({ x: input.trainX, errors: input.trainErrors, psi: input.psi, theta: init.theta }, o);
  let val: ClusterMapSimd;
  try {
    val = await createClusterMapSimd(
      { x: input.valX, errors: input.valErrors, psi: input.psi, theta: init.theta },
      { l2: o.l2, batchSize: EVAL_BATCH },
    );
  } catch (e) {
    train.dispose();
    throw e;
  }
  return {
    async losses() {
      val.setTheta(train.getTheta());
      return { trainLoss: train.meanLoss(monitorRows), valLoss: val.meanLoss() };
    },
    async step(order, start, end) {
      await train.step(order, start, end);
    },
    theta: async () => train.getTheta(),
    dispose() {
      train.dispose();
      val.dispose();
    },
  };
}
