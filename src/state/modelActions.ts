/**
 * Router actions on the main thread: add an unseen LLM from its scores (no retraining), remove it,
 * import a router file, and route a typed prompt with a router (core plain TypeScript only).
 */
import { addModelFromScores, removeAddedModel, reproduceSetup } from '../core/explorer';
import { parseRouter, routePrompts, serializeRouter, type RouteDecision, type Router } from '../core/routerFile';
import type { NamedText } from '../core/types';
import { notJsonReason } from '../core/data';
import type { TrainSettings } from '../workers/protocol';
import { getClient } from './clientRef';
import { appStore } from './store';
import { refreshPool } from './liveActions';
import { afterNextPaint, saveSnapshot } from './persist';

/** Adds an LLM from a scores file; problems (missing, extra, invalid scores) are listed and nothing changes. */
export async function addModel(name: string, cost: number, file: NamedText): Promise<boolean> {
  const { session, data, setSession } = appStore.getState();
  if (!session.base || !session.router || !data.dataset) {
    setSession({ addIssues: [{ file: file.name, message: 'train a router first: an LLM joins a trained router' }] });
    return false;
  }
  const res = addModelFromScores(
    session.base,
    session.router,
    data.dataset.prompts.map((p) => p.id),
    { name: name.trim(), cost, file: file.name, text: file.text },
  );
  if (!res.ok) {
    setSession({ addIssues: res.issues, addNotice: null });
    return false;
  }
  const { model, router, testScored } = res.data;
  setSession({
    added: [...session.added, model],
    router,
    addIssues: [],
    addNotice:
      testScored > 0 && !model.estimated
        ? `${model.name} added: its Psi comes from ${router.validationPrompts.length} validation prompts; its test accuracy is exact (${testScored} test prompts scored).`
        : `${model.name} added from its ${router.validationPrompts.length} validation scores; its test accuracy is estimated (1 - gamma) where the file has no test score.`,
  });
  refreshPool();
  // Saved after the frame that shows the change: the views update at once, persisting waits.
  await afterNextPaint();
  await saveSnapshot(appStore.getState());
  return true;
}

/** How the demo newcomer is added: with its validation and test scores (exact), or validation only (estimated). */
export type NewcomerMode = 'exact' | 'estimated';

/** The demo newcomer's scores file for the session's validation prompts (and its test prompts when exact). */
export async function demoNewcomerFile(mode: NewcomerMode): Promise<NamedText | null> {
  const { session, data } = appStore.getState();
  if (!session.base || !data.demo?.newcomer) return null;
  const rows = [...session.base.valRows, ...(mode === 'exact' ? session.base.testRows : [])];
  return getClient().request({ type: 'demoNewcomerFile', rows });
}

/** Adds the held-out demo newcomer (not in the dataset) through the same path as an uploaded scores file. */
export async function addDemoNewcomer(mode: NewcomerMode): Promise<boolean> {
  const newcomer = appStore.getState().data.demo?.newcomer;
  let file: NamedText | null = null;
  try {
    file = await demoNewcomerFile(mode);
  } catch (e) {
    appStore
      .getState()
      .setSession({ addIssues: [{ file: 'demo newcomer', message: e instanceof Error ? e.message : String(e) }], addNotice: null });
    return false;
  }
  if (!newcomer || !file) return false;
  return addModel(newcomer.name, newcomer.cost, mode === 'exact' ? file : { ...file, name: `${newcomer.name}-validation-scores.csv` });
}

export async function removeModel(name: string): Promise<boolean> {
  const { session, setSession } = appStore.getState();
  if (!session.router) return false;
  const res = removeAddedModel(session.added, session.router, name);
  if (!res.ok) {
    setSession({ addIssues: res.issues });
    return false;
  }
  setSession({ added: res.data.added, router: res.data.router, addIssues: [], addNotice: `${name} removed.` });
  refreshPool();
  // Saved after the frame that shows the change: the views update at once, persisting waits.
  await afterNextPaint();
  await saveSnapshot(appStore.getState());
  return true;
}

/** The current router as the core's JSON text (the file `routelab route --router` reads). */
export function routerText(): string | null {
  const router = appStore.getState().session.router;
  return router ? serializeRouter(router) : null;
}

function settingsOf(router: Router, current: TrainSettings, n: number): TrainSettings {
  const { split } = router.provenance;
  return {
    ...current,
    k: router.centroids.rows,
    seed: router.provenance.seed,
    method: router.method,
    testModels: split.testModels,
    fractions: { train: split.train / n, val: split.val / n, test: split.test / n },
  };
}

/**
 * Imports a router file. When it was trained on the loaded dataset (same data hash, its seeded split
 * re-drawn exactly), it becomes the session's router; otherwise it is kept for routing typed prompts.
 */
export async function importRouter(file: NamedText): Promise<boolean> {
  const s = appStore.getState();
  // A file that is not JSON at all (an image, a CSV) is named by its kind, as the Data view does, not quoted.
  const notJson = notJsonReason(file.text);
  if (notJson) {
    s.setSession({ importIssues: [{ file: file.name, message: `${notJson}; expected a RouteLab router (JSON)` }], importNotice: null });
    return false;
  }
  const parsed = parseRouter(file.text, file.name);
  if (!parsed.ok) {
    s.setSession({ importIssues: parsed.issues, importNotice: null });
    return false;
  }
  const router = parsed.data;
  const dataset = s.data.dataset;
  const label = `${file.name}: ${router.method === 'learnedmap' ? 'UniRoute (learned map)' : 'UniRoute (K-means)'}, K = ${router.centroids.rows}, ${router.models.length} LLMs`;
  const setup = dataset ? reproduceSetup(router, dataset, s.data.dataHash ?? undefined) : null;
  if (!dataset || !setup || !setup.ok) {
    s.setSession({
      importedRouter: router,
      importIssues: [],
      importNotice: `${label}. Not applied to the session (${setup && !setup.ok ? setup.issues[0].message : 'no dataset loaded'}); it can route typed prompts below.`,
    });
    return true;
  }
  const added = router.models.filter((h) => h.addedAfterTraining);
  const base = await getClient().request({
    type: 'rebuild',
    router: { ...router, models: router.models.filter((h) => !h.addedAfterTraining) },
    setup: setup.data,
  });
  const st = appStore.getState();
  st.setSession({
    router: { ...router, models: router.models.filter((h) => !h.addedAfterTraining) },
    setup: setup.data,
    base: base.base,
    trainedWith: settingsOf(router, st.training.settings, dataset.prompts.length),
    added: [],
    importedRouter: router,
    importIssues: [],
    importNotice: `${label}: applied to the session (trained on this dataset).${added.length ? ` ${added.length} LLM(s) added after training are not shown: add them again from their scores.` : ''}`,
  });
  st.setSettings(settingsOf(router, st.training.settings, dataset.prompts.length));
  refreshPool();
  // Saved after the frame that shows the change: the views update at once, persisting waits.
  await afterNextPaint();
  await saveSnapshot(appStore.getState());
  return true;
}

/** Routes one typed prompt with the session's router (or an imported one) at the current cost penalty. */
export function routeText(text: string, which: 'session' | 'imported' = 'session'): RouteDecision | string {
  const { session, routing } = appStore.getState();
  const router = which === 'session' ? session.router : session.importedRouter;
  if (!router) return 'no router';
  try {
    return routePrompts(router, { texts: [text] }, Number.isFinite(routing.costPenalty) ? routing.costPenalty : 0)[0];
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
