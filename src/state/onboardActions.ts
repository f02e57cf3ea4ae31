/**
 * The onboarding simulator (leave one LLM out, docs/trust.md section 2) from the app: on the
 * session's prompt split and K, with the router's method, read at the current cost penalty; run in
 * the worker with progress and Cancel.
 */
import { getClient } from './clientRef';
import { appStore } from './store';
import { failJob, jobProgress, startJob } from './trustActions';
import type { LabelBudget } from './trustSlice';

/** Parses "5, 10, 20, 50, all": integers >= 1 or "all", at least one; an error message otherwise. */
export function parseLabelBudgets(text: string): { ok: true; labels: LabelBudget[] } | { ok: false; message: string } {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, message: 'give at least one label budget, e.g. 5, 10, 20, 50, all' };
  const labels: LabelBudget[] = [];
  for (const p of parts) {
    if (p.toLowerCase() === 'all') labels.push('all');
    else if (/^\d+$/.test(p) && Number(p) >= 1) labels.push(Number(p));
    else return { ok: false, message: `"${p}" is not a label budget: use whole numbers of at least 1, or "all"` };
  }
  return { ok: true, labels: [...new Set(labels)] };
}

export function setOnboardModel(model: string): void {
  appStore.getState().setJob('onboard', { model });
}

export function setOnboardLabels(labels: LabelBudget[]): void {
  if (labels.length > 0) appStore.getState().setJob('onboard', { labels });
}

/** Subsamples per budget (1 to 50). */
export function setOnboardRepeats(repeats: number): void {
  if (Number.isInteger(repeats) && repeats >= 1 && repeats <= 50) appStore.getState().setJob('onboard', { repeats });
}

/** Which budget's estimate the per-cluster chart and the curve show. */
export function selectOnboardBudget(budget: number): void {
  const report = appStore.getState().trust.onboard.report;
  if (report && budget >= 0 && budget < report.byLabels.length) appStore.getState().setJob('onboard', { budget });
}

/** Runs the simulator for the chosen LLM (default: the first of the dataset). */
export async function runOnboarding(): Promise<void> {
  const s = appStore.getState();
  const dataset = s.data.dataset;
  if (!dataset || dataset.models.length < 2) return;
  const o = s.trust.onboard;
  const model = o.model && dataset.models.some((h) => h.name === o.model) ? o.model : dataset.models[0].name;
  if (!startJob('onboard')) return;
  const { setup, base, router, trainedWith } = s.session;
  try {
    const run = await getClient().request(
      {
        type: 'onboard',
        model,
        labels: o.labels,
        repeats: o.repeats,
        seed: trainedWith?.seed ?? s.training.settings.seed,
        // The session's K and prompt split, so the simulator's router is the one the views show, minus the LLM.
        k: base?.k ?? s.training.settings.k,
        method: (router?.method ?? s.training.settings.method) === 'learnedmap' ? 'learnedmap' : 'kmeans',
        costPenalty: s.routing.costPenalty,
        ...(setup ? { split: { prompts: setup.split, trainModels: [], testModels: [] } } : {}),
      },
      jobProgress('onboard'),
    );
    const st = appStore.getState();
    if (!run.report) {
      st.setJob('onboard', { status: 'cancelled', stage: '', message: 'cancelled: the previous result is kept', fraction: null });
      return;
    }
    const all = run.report.byLabels.findIndex((b) => b.labels !== 'all');
    st.setJob('onboard', {
      status: 'done',
      stage: '',
      message: '',
      fraction: null,
      report: run.report,
      model,
      dataHash: st.data.dataHash,
      budget: Math.max(0, all),
      ms: run.ms,
    });
  } catch (e) {
    failJob('onboard', e);
  }
}
