/**
 * A portable Router back into an explorer session: its centroids, learned map Phi and every
 * dataset LLM's Psi, and (for a router trained on this very dataset) the seeded split it was
 * trained with, reproduced and checked against the router's validation prompts.
 */
import { createRng } from '../rng';
import { splitPrompts } from '../eval';
import { datasetHash, type Router } from '../routerFile';
import type { Dataset, Result } from '../types';
import type { SessionRouter, SessionSetup } from './types';

/** The session's view of a router: Psi of every dataset LLM in dataset column order. */
export function sessionRouterFromRouter(router: Router, dataset: Dataset): Result<SessionRouter> {
  const k = router.centroids.rows;
  const byName = new Map(router.models.map((h) => [h.name, h]));
  const M = dataset.models.length;
  const psi = new Float64Array(M * k);
  const counts = new Int32Array(M * k);
  const overall = new Float64Array(M);
  const missing: string[] = [];
  dataset.models.forEach((model, j) => {
    const h = byName.get(model.name);
    if (!h) {
      missing.push(model.name);
      return;
    }
    psi.set(h.psi, j * k);
    counts.set(h.counts, j * k);
    overall[j] = h.overall;
  });
  if (missing.length > 0) {
    return {
      ok: false,
      issues: [
        {
          file: 'router',
          message: `the router has no error profile for ${missing.length} LLM(s) of the dataset: ${missing
            .slice(0, 5)
            .map((n) => `"${n}"`)
            .join(', ')}`,
        },
      ],
    };
  }
  return {
    ok: true,
    data: {
      centroids: router.centroids,
      clusterMap: router.clusterMap,
      profiles: { k, m: M, psi, counts, overall },
      knnK: router.provenance.knnK,
      pseudoCount: router.pseudoCount,
    },
    warnings: [],
  };
}

/**
 * The split a router was trained with, when it was trained on `dataset`: the data hash must match,
 * the seeded prompt split (createRng(seed) -> splitPrompts, as trainRouter does) is re-drawn from the
 * recorded sizes and must give exactly the router's validation prompts, and the pools come by name.
 */
export function reproduceSetup(router: Router, dataset: Dataset, hash: string = datasetHash(dataset)): Result<SessionSetup> {
  const fail = (message: string): Result<SessionSetup> => ({ ok: false, issues: [{ file: 'router', message }] });
  const p = router.provenance;
  if (p.dataHash !== hash) return fail(`the router was trained on other data (data hash ${p.dataHash}, the loaded dataset's is ${hash})`);
  const n = dataset.prompts.length;
  const { train, val, test } = p.split;
  if (train + val + test !== n) return fail(`the router's split has ${train + val + test} prompts, the dataset ${n}`);
  const split = splitPrompts(n, createRng(p.seed), { train: train / n, val: val / n, test: test / n });
  if (
    split.val.length !== router.validationPrompts.length ||
    split.val.some((r, i) => dataset.prompts[r].id !== router.validationPrompts[i].id)
  ) {
    return fail("re-drawing the seeded split does not give the router's validation prompts (it was trained with another split)");
  }
  const index = new Map(dataset.models.map((h, j) => [h.name, j]));
  const pool = (names: string[]): number[] | null => {
    const idx = names.map((name) => index.get(name));
    return idx.every((i) => i !== undefined) ? (idx as number[]).sort((a, b) => a - b) : null;
  };
  const trainModels = pool(p.split.trainModels);
  const testModels = pool(p.split.testModels);
  if (!trainModels || !testModels) return fail('the router names LLMs the dataset does not have');
  return { ok: true, data: { split, trainModels, testModels, seed: p.seed }, warnings: [] };
}
