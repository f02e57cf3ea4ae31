/**
 * A router file back into the session it was exported from: its operating point (lambda, method,
 * routing pool) and the LLMs added after training, rebuilt from the file's own records (Psi,
 * validation scores, test scores) so they rejoin the heatmap, the shares and every curve.
 */
import type { MethodName } from '../eval';
import { methodNameOf, type Router } from '../routerFile';
import type { Result } from '../types';
import type { AddedModel, SessionBase, SessionSetup } from './types';

/** The operating point a router file carries, in the explorer's terms. */
export interface ImportedPoint {
  costPenalty: number;
  method: MethodName;
  /** The file's routing pool. */
  pool: string[];
}

export function importedPoint(router: Router): ImportedPoint {
  return { costPenalty: router.costPenalty, method: methodNameOf(router.method), pool: [...router.pool] };
}

/**
 * The session setup with the file's routing pool as its test pool: the pool's dataset LLMs (the
 * added ones join on top). A version-1 file records no pool (it routes among every LLM), so the
 * router's unseen test pool is kept; so it is when the pool names none of the dataset's LLMs.
 */
export function setupForPool(setup: SessionSetup, router: Router, modelNames: readonly string[], version1 = false): SessionSetup {
  if (version1) return setup;
  const index = new Map(modelNames.map((n, j) => [n, j]));
  const added = new Set(router.models.filter((h) => h.addedAfterTraining).map((h) => h.name));
  const testModels = router.pool
    .filter((n) => !added.has(n))
    .map((n) => index.get(n))
    .filter((j): j is number => j !== undefined)
    .sort((a, b) => a - b);
  return testModels.length > 0 ? { ...setup, testModels } : setup;
}

/**
 * The LLMs the file added after training, as the session's added LLMs: Psi and cost from the file,
 * e(x, h) = 1 - validation score (NaN where unscored or unknown), and the recorded test scores placed
 * on the session's test prompts (`promptIds` are the dataset's ids, which base.testRows index). An LLM
 * without a test score on some test prompt is estimated there (1 - gamma), as when it was added.
 */
export function addedModelsFromRouter(router: Router, base: SessionBase, promptIds: readonly string[]): Result<AddedModel[]> {
  const n = base.testRows.length;
  if (router.validationPrompts.length !== base.valRows.length)
    return {
      ok: false,
      issues: [
        {
          file: 'router',
          message: `the router has ${router.validationPrompts.length} validation prompts, the session ${base.valRows.length}`,
        },
      ],
    };
  const testIndex = new Map<string, number>();
  base.testRows.forEach((r, p) => testIndex.set(promptIds[r], p));
  const models = router.models
    .filter((h) => h.addedAfterTraining)
    .map((h): AddedModel => {
      const valErrors = Float64Array.from(router.validationPrompts, (_, i) => {
        const s = h.validationScores ? h.validationScores[i] : NaN;
        return Number.isNaN(s) ? NaN : 1 - s;
      });
      const testScores = new Float64Array(n).fill(NaN);
      let scored = 0;
      for (const [id, score] of Object.entries(h.added?.testScores ?? {})) {
        const p = testIndex.get(id);
        if (p !== undefined && Number.isNaN(testScores[p])) {
          testScores[p] = score;
          scored++;
        }
      }
      return {
        name: h.name,
        cost: h.cost,
        profile: { psi: Float64Array.from(h.psi), counts: Int32Array.from(h.counts), overall: h.overall },
        valErrors,
        testScores,
        estimated: scored < n,
      };
    });
  return { ok: true, data: models, warnings: [] };
}
