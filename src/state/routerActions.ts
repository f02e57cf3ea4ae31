/**
 * The router file as the operating point (core plain TypeScript, main thread): export writes the
 * Routing view's lambda, pool and method with every added LLM; "Route a prompt" routes with that very
 * file; import restores the session it came from (or, for a router of other data, routes typed
 * prompts at its own lambda and pool).
 */
import { METHOD_LABELS, selectRows } from '../core/eval';
import { addedModelsFromRouter, importedPoint, penaltyWithUnit, reproduceSetup, setupForPool } from '../core/explorer';
import {
  datasetHash,
  exportOperatingPoint,
  methodNameOf,
  parseRouter,
  routePrompts,
  type OperatingPoint,
  type RouteDecision,
  type Router,
} from '../core/routerFile';
import { notJsonReason } from '../core/data';
import type { DataIssue, NamedText, Result } from '../core/types';
import type { TrainSettings } from '../workers/protocol';
import { getClient } from './clientRef';
import { appStore, type AppState } from './store';
import { refreshPool } from './liveActions';
import { afterNextPaint, saveSnapshot } from './persist';

type Exported = Result<{ router: Router; text: string }>;

const refuse = (message: string): Exported => ({ ok: false, issues: [{ file: 'router.json', message }] });

/** The operating point the Routing view shows, as exportOperatingPoint takes it (null before a session). */
export function operatingPointOf(s: AppState): OperatingPoint | null {
  const { router, pool, base } = s.session;
  const dataset = s.data.dataset;
  if (!router || !pool || !base || !dataset) return null;
  const external = router.embedder.kind === 'external' && s.routing.method === 'knn' && dataset.embeddings;
  return {
    costPenalty: s.routing.costPenalty,
    pool: pool.names,
    method: s.routing.method,
    costUnit: dataset.costUnit,
    dataset: { name: dataset.name, hash: s.data.dataHash ?? datasetHash(dataset) },
    // K-NN on uploaded embeddings needs the validation prompts' vectors: the rows of S_val.
    ...(external ? { validationEmbeddings: selectRows(dataset.embeddings!, base.valRows) } : {}),
  };
}

/** One export per operating point: "Route a prompt" reuses it rather than writing the file again. */
let last: { router: Router; key: string; result: Exported } | null = null;

/** The session's router at the Routing view's operating point, written and read back, or why it cannot be. */
export function exportSession(): Exported {
  const s = appStore.getState();
  const point = operatingPointOf(s);
  if (!point || !s.session.router) return refuse('train a router first');
  const key = JSON.stringify([point.costPenalty, point.pool, point.method, point.costUnit, point.dataset]);
  if (last && last.router === s.session.router && last.key === key) return last.result;
  const result = exportOperatingPoint(s.session.router, point);
  last = { router: s.session.router, key, result };
  return result;
}

/** What "Route a prompt" answers: the decision, and the operating point it was made at. */
export interface RoutedText {
  decision: RouteDecision;
  which: 'session' | 'imported';
  costPenalty: number;
  costUnit: string;
  pool: string[];
  methodLabel: string;
  /** The dataset the router was trained on. */
  dataset: string;
}

/**
 * Routes one typed prompt. The session's router routes as the exported file does (the same file,
 * so the Routing view, this, `routelab route` and the module agree); an imported router of other
 * data routes at its own lambda among its own pool.
 */
export function routeText(text: string, which: 'session' | 'imported' = 'session'): RoutedText | string {
  const s = appStore.getState();
  let router: Router;
  if (which === 'imported') {
    if (!s.session.importedRouter) return 'no imported router';
    router = s.session.importedRouter;
  } else {
    const exported = exportSession();
    if (!exported.ok) return exported.issues[0].message;
    router = exported.data.router;
  }
  try {
    const decision = routePrompts(router, { texts: [text] })[0];
    return {
      decision,
      which,
      costPenalty: router.costPenalty,
      costUnit: router.costUnit,
      pool: [...router.pool],
      methodLabel: METHOD_LABELS[methodNameOf(router.method)],
      dataset: router.provenance.dataset,
    };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function settingsOf(router: Router, testModels: string[], current: TrainSettings, n: number): TrainSettings {
  const { split } = router.provenance;
  return {
    ...current,
    k: router.centroids.rows,
    seed: router.provenance.seed,
    method: router.clusterMap ? 'learnedmap' : 'kmeans',
    testModels,
    fractions: { train: split.train / n, val: split.val / n, test: split.test / n },
  };
}

function refused(issues: DataIssue[]): false {
  appStore.getState().setSession({ importIssues: issues, importNotice: null });
  return false;
}

/**
 * Imports a router file. Trained on the loaded dataset (same data hash, its seeded split re-drawn
 * exactly), it restores the session it was exported from: lambda, method, pool and the LLMs added
 * after training (rebuilt from the file's records). Otherwise it is kept to route typed prompts.
 */
export async function importRouter(file: NamedText): Promise<boolean> {
  const s = appStore.getState();
  // A file that is not JSON at all (an image, a CSV) is named by its kind, as the Data view does, not quoted.
  const notJson = notJsonReason(file.text);
  if (notJson) return refused([{ file: file.name, message: `${notJson}; expected a RouteLab router (JSON)` }]);
  const parsed = parseRouter(file.text, file.name);
  if (!parsed.ok) return refused(parsed.issues);
  const router = parsed.data;
  const point = importedPoint(router);
  const dataset = s.data.dataset;
  const at = penaltyWithUnit(router.costPenalty, router.costUnit);
  const label = `${file.name}: ${METHOD_LABELS[point.method]}, K = ${router.centroids.rows}, ${router.models.length} LLMs`;
  const setup = dataset ? reproduceSetup(router, dataset, s.data.dataHash ?? undefined) : null;
  if (!dataset || !setup || !setup.ok) {
    s.setSession({
      importedRouter: router,
      importIssues: [],
      importNotice:
        `${label}, trained on "${router.provenance.dataset}". Not applied to the session (${setup && !setup.ok ? setup.issues[0].message : 'no dataset loaded'}). ` +
        `"Route a prompt" routes with it at its own ${at} among its pool of ${router.pool.length} LLMs.`,
    });
    return true;
  }
  const version1 = parsed.warnings.some((w) => /version-1 file/.test(w.message));
  const poolSetup = setupForPool(
    setup.data,
    router,
    dataset.models.map((h) => h.name),
    version1,
  );
  const { base } = await getClient().request({ type: 'rebuild', router, setup: poolSetup });
  const added = addedModelsFromRouter(
    router,
    base,
    dataset.prompts.map((p) => p.id),
  );
  if (!added.ok) return refused(added.issues);
  const st = appStore.getState();
  const settings = settingsOf(
    router,
    poolSetup.testModels.map((j) => dataset.models[j].name),
    st.training.settings,
    dataset.prompts.length,
  );
  const addedText = added.data.length
    ? ` ${added.data.length} LLM(s) added after training restored from the file: ${added.data
        .map((a) => `${a.name}${a.estimated ? ' (estimated where it has no test score)' : ''}`)
        .join(', ')}.`
    : '';
  st.setSession({
    router,
    setup: poolSetup,
    base,
    trainedWith: settings,
    added: added.data,
    restored: false,
    addIssues: [],
    addNotice: null,
    importedRouter: null,
    importIssues: [],
    importNotice:
      `${label}: applied to the session (trained on this dataset) at its operating point: ${at}, ` +
      `${METHOD_LABELS[point.method]}, a pool of ${router.pool.length} LLMs.${addedText}` +
      (version1 ? ' A version-1 file records no routing pool: the unseen test pool is kept.' : ''),
  });
  st.setSettings(settings);
  // The Train view's charts were the previous training's, not this router's.
  st.setTraining({ inertia: [], trainLoss: [], valLoss: [] });
  st.setRouting({ costPenalty: point.costPenalty, penaltyOrigin: 'import', method: point.method, pending: null });
  refreshPool();
  // Saved after the frame that shows the change: the views update at once, persisting waits.
  await afterNextPaint();
  await saveSnapshot(appStore.getState());
  return true;
}
