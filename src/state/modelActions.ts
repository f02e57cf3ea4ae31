/**
 * Adding an unseen LLM to the session from its scores (no retraining) and removing it, on the main
 * thread (core plain TypeScript only). Export, import and routing a typed prompt: routerActions.ts.
 */
import { addModelFromScores, removeAddedModel } from '../core/explorer';
import type { NamedText } from '../core/types';
import { getClient } from './clientRef';
import { appStore } from './store';
import { refreshPool } from './liveActions';
import { afterNextPaint, saveSnapshot } from './persist';
import { promptIdsOf } from './promptIds';

/** Adds an LLM from a scores file; problems (missing, extra, invalid scores) are listed and nothing changes. */
export async function addModel(name: string, cost: number, file: NamedText): Promise<boolean> {
  const { session, data, setSession } = appStore.getState();
  if (!session.base || !session.router || !data.dataset) {
    setSession({ addIssues: [{ file: file.name, message: 'train a router first: an LLM joins a trained router' }] });
    return false;
  }
  const res = addModelFromScores(session.base, session.router, promptIdsOf(data.dataset), {
    name: name.trim(),
    cost,
    file: file.name,
    text: file.text,
  });
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
