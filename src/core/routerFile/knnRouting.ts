/**
 * The K-NN baseline as a router file's method: gamma(x, h) = mean error of h on the k nearest
 * validation prompts of x (Euclidean on phi; k = provenance.knnK), from the file's validation scores.
 * The same gamma as the explorer's K-NN (routing/knn.ts), so the two choose the same LLM.
 */
import { embedTexts } from '../embed';
import { knnGamma } from '../routing/knn';
import type { Matrix } from '../types';
import type { Router } from './schema';

/** phi of the validation prompts, embedded once per router object (the built-in embedder is deterministic). */
const embedded = new WeakMap<Router, Matrix>();

/** phi(S_val): the file's vectors, or the validation texts embedded with the router's built-in embedder. */
export function validationVectors(router: Router): Matrix {
  if (router.validationEmbeddings) return router.validationEmbeddings;
  let x = embedded.get(router);
  if (!x) {
    if (router.embedder.kind === 'external')
      throw new Error("K-NN with an external embedder needs the validation prompts' embeddings, and this router has none");
    x = embedTexts(
      router.validationPrompts.map((p) => p.text),
      router.embedder,
    );
    embedded.set(router, x);
  }
  return x;
}

/** K-NN gamma for prompts `x` and the router LLMs `models`: n x models row-major. */
export function knnGammaOf(router: Router, x: Matrix, models: number[]): Float64Array {
  const refs = validationVectors(router);
  const m = models.length;
  const errors = new Float64Array(refs.rows * m);
  models.forEach((j, h) => {
    const { name, validationScores } = router.models[j];
    if (!validationScores) throw new Error(`K-NN needs the validation scores of every LLM routed among, and "${name}" has none`);
    for (let i = 0; i < refs.rows; i++) errors[i * m + h] = 1 - validationScores[i];
  });
  return knnGamma(x, refs, errors, m, router.provenance.knnK);
}
