/**
 * Training actions: train in the worker with live progress (k-means inertia, learned-map losses),
 * cancel, and boot (restore the saved session, or the demo plus a first training).
 */
import type { TrainSettings } from '../workers/protocol';
import { CancelledError } from '../workers/client';
import { checkClusterCount } from '../core/explorer';
import { getClient } from './clientRef';
import { appStore } from './store';
import { settleRouting } from './liveActions';
import { adoptDataset, loadDemo, prepare } from './dataActions';
import { ensureProjection } from './mapActions';
import { holdLink } from './datasetRouting';
import { afterNextPaint, loadSnapshot, nextTask, saveSnapshot, setDatasetWriter, type TrainingCurves } from './persist';
import { hasTrainingParams, parseUrlState } from './urlState';
import { beginStages, endStages, stageEvent } from './pipelineActions';

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** Trains a router with the current settings; the previous session stays until the new one is ready. */
export async function train(): Promise<void> {
  const s = appStore.getState();
  if (!s.data.dataset || s.training.status === 'running') return;
  const settings: TrainSettings = { ...s.training.settings };
  // A K the Train view refuses (outside [2, training prompts]) is refused here too, e.g. when a load trains at once.
  const kError = checkClusterCount(settings.k, s.data.dataset.prompts.length, settings.fractions).error;
  if (kError) {
    s.setTraining({ status: 'error', error: kError, message: '' });
    endStages('error');
    return;
  }
  beginStages(`Training on ${s.data.dataset.name}`, [
    'embed',
    'kmeans',
    ...(settings.method === 'learnedmap' ? ['learnedmap' as const] : []),
    'session',
  ]);
  s.setTraining({
    status: 'running',
    message: 'starting',
    inertia: [],
    trainLoss: [],
    valLoss: [],
    error: null,
    notes: [],
  });
  const t0 = now();
  try {
    const res = await getClient().request({ type: 'train', settings }, (e) => {
      const st = appStore.getState();
      stageEvent(e);
      if (e.kind === 'inertia') st.setTraining({ inertia: [...st.training.inertia, e.inertia] });
      else if (e.kind === 'epoch')
        st.setTraining({ trainLoss: [...st.training.trainLoss, e.trainLoss], valLoss: [...st.training.valLoss, e.valLoss] });
    });
    await nextTask();
    if (res.cancelled) {
      endStages('cancelled');
      appStore.getState().setTraining({ status: 'cancelled', message: 'training cancelled: the previous router is kept' });
      return;
    }
    const st = appStore.getState();
    st.setSession({
      router: res.router,
      setup: res.setup,
      base: res.base,
      trainedWith: settings,
      added: [],
      restored: false,
      addIssues: [],
      addNotice: null,
      importNotice: null,
      importIssues: [],
    });
    st.setTraining({
      status: 'done',
      message: `trained in ${((now() - t0) / 1000).toFixed(1)} s`,
      runs: st.training.runs + 1,
      lastMs: res.ms,
      chosen: res.chosen,
      engines: res.engines,
      notes: res.notes,
      inertia: res.kmeansHistory.map((it) => it.inertia),
      trainLoss: res.lossHistory.map((e) => e.trainLoss),
      valLoss: res.lossHistory.map((e) => e.valLoss),
    });
    endStages('done');
    // The router just trained is shown, unless the dataset's own settings (or a link's) name another.
    settleRouting(settings.method === 'learnedmap' ? 'uniroute-learnedmap' : 'uniroute-kmeans');
    await afterNextPaint();
    await saveSnapshot(appStore.getState());
  } catch (e) {
    endStages(e instanceof CancelledError ? 'cancelled' : 'error');
    if (e instanceof CancelledError)
      appStore.getState().setTraining({ status: 'cancelled', message: 'training cancelled: the previous router is kept' });
    else appStore.getState().setTraining({ status: 'error', error: e instanceof Error ? e.message : String(e) });
  } finally {
    // The prompt map's UMAP starts once training is over, so it never slows the first router down.
    void ensureProjection();
  }
}

export function cancelTraining(): void {
  if (appStore.getState().training.status !== 'running') return;
  getClient().cancelTraining();
}

/** A saved run's charts when they are arrays of numbers (an older or broken snapshot has none). */
function validCurves(c: TrainingCurves | undefined): TrainingCurves | null {
  const numbers = (a: unknown): a is number[] => Array.isArray(a) && a.every((v) => typeof v === 'number');
  return c && numbers(c.inertia) && numbers(c.trainLoss) && numbers(c.valLoss) ? c : null;
}

const sameSettings = (a: TrainSettings | null, b: TrainSettings): boolean =>
  a !== null &&
  a.k === b.k &&
  a.seed === b.seed &&
  a.method === b.method &&
  JSON.stringify(a.fractions) === JSON.stringify(b.fractions) &&
  JSON.stringify([...a.testModels].sort()) === JSON.stringify([...b.testModels].sort());

/**
 * First start: tfjs in the worker, then the saved session (IndexedDB) when there is one, else the
 * synthetic demo and a first training, so every view has content. The link's view applies at once,
 * its other settings once the dataset is ready, and only when the link fits it (a link naming another
 * dataset waits for that one). Training settings that differ from the restored router's retrain on
 * the restored data.
 */
export async function boot(search: string): Promise<void> {
  holdLink(parseUrlState(search));
  const client = getClient();
  // The dataset record is cloned into IndexedDB by the worker, which holds the same dataset (the page falls back to it).
  setDatasetWriter(async ({ id, hash, key }) => (await getClient().request({ type: 'storeDataset', recordId: id, hash, key })).stored);
  try {
    const info = await client.init();
    appStore.getState().setTraining({ backend: info, backendError: null });
  } catch (e) {
    appStore.getState().setTraining({ backendError: e instanceof Error ? e.message : String(e) });
    return;
  }
  const snap = await loadSnapshot();
  if (snap) {
    adoptDataset(snap.dataset, snap.source);
    appStore.getState().setSettings(snap.settings);
    appStore.getState().setRouting({ costPenalty: snap.costPenalty, penaltyOrigin: snap.penaltyOrigin ?? 'saved' });
    await client.request({ type: 'setDataset', dataset: snap.dataset, ...(snap.dataHash ? { hash: snap.dataHash } : {}) });
    const link = await prepare();
    const wanted = appStore.getState().training.settings;
    if (snap.router && snap.setup && (!hasTrainingParams(link) || sameSettings(snap.trainedWith, wanted))) {
      beginStages('', ['session']);
      stageEvent({ kind: 'stage', stage: 'session', message: 'routing the test prompts with the saved router' });
      const res = await client.request({
        type: 'rebuild',
        router: snap.router,
        setup: snap.setup,
        ...(snap.knnNeighbours ? { knnNeighbours: snap.knnNeighbours } : {}),
      });
      endStages('done');
      appStore.getState().setSession({
        router: snap.router,
        setup: snap.setup,
        base: res.base,
        trainedWith: snap.trainedWith,
        added: snap.added,
        restored: true,
      });
      const curves = validCurves(snap.trainingCurves);
      if (curves) appStore.getState().setTraining(curves);
      settleRouting(snap.route);
      void ensureProjection();
      return;
    }
    await train();
    return;
  }
  await loadDemo();
  await train();
}

/**
 * "Check backends": in the worker, the tfjs k-means on webgl, wasm and cpu against the plain-TS
 * reference on a small seeded problem; tfjs returns to the chosen backend afterwards.
 */
export async function checkBackends(): Promise<void> {
  const s = appStore.getState();
  if (s.training.backendCheckStatus === 'running' || s.training.status === 'running' || !s.training.backend) return;
  s.setTraining({ backendCheckStatus: 'running', backendCheckError: null });
  try {
    const result = await getClient().request({ type: 'checkBackends' });
    appStore.getState().setTraining({ backendCheck: result, backendCheckStatus: 'done' });
  } catch (e) {
    appStore.getState().setTraining({ backendCheckStatus: 'error', backendCheckError: e instanceof Error ? e.message : String(e) });
  }
}
