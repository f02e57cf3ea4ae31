/**
 * "Trust the numbers" actions (docs/trust.md): the paired bootstrap of the session and "repeat
 * over N splits", run in the worker with progress; Cancel stops whichever trust job runs (the
 * worker hears it between resamples, k-means steps and epochs). One trust job at a time, never
 * during a training.
 */
import { poolEvidence } from '../core/insight';
import { getClient } from './clientRef';
import { appStore } from './store';
import type { AppState } from './slices';
import type { JobKey, TrustState } from './trustSlice';
import type { ProgressEvent } from '../workers/protocol';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A trust job or a training is running: the worker takes one at a time, so new jobs wait for it. */
export function trustBusy(s: AppState): boolean {
  const t = s.trust;
  return (
    s.training.status === 'running' ||
    t.bootstrap.status === 'running' ||
    t.splits.status === 'running' ||
    t.onboard.status === 'running' ||
    t.shift.status === 'running'
  );
}

/** The job's progress from the worker's stage events. */
export function jobProgress(key: JobKey): (e: ProgressEvent) => void {
  return (e) => {
    if (e.kind === 'stage') appStore.getState().setJob(key, { stage: e.stage, message: e.message, fraction: e.fraction ?? null });
  };
}

/** Marks a job as started; false (nothing starts) when the worker is busy. */
export function startJob(key: JobKey): boolean {
  const s = appStore.getState();
  if (trustBusy(s)) return false;
  s.setJob(key, { status: 'running', stage: 'start', message: 'starting', fraction: null, error: null });
  return true;
}

export function failJob(key: JobKey, e: unknown): void {
  appStore.getState().setJob(key, { status: 'error', stage: '', message: '', fraction: null, error: errorText(e) });
}

/** The most resamples the app runs: the draws keep every resample's band (B x 101 numbers per method). */
export const MAX_RESAMPLES = 10_000;

/** Sets B, the bootstrap's resamples (an integer from 1 to MAX_RESAMPLES). */
export function setResamples(resamples: number): void {
  if (Number.isInteger(resamples) && resamples >= 1 && resamples <= MAX_RESAMPLES) appStore.getState().setTrust({ resamples });
}

export function setShowBands(showBands: boolean): void {
  appStore.getState().setTrust({ showBands });
}

/** The summary when it was computed on the session's current pool (else null: the pool changed since). */
export function freshBootstrap(s: AppState): TrustState['bootstrap']['summary'] {
  const b = s.trust.bootstrap;
  return b.summary && b.pool !== null && b.pool === s.session.pool ? b.summary : null;
}

/**
 * The paired bootstrap over the session's test prompts: every method and single LLM scored on the
 * same B resamples, in the worker. Cancel keeps the resamples done (the summary says how many).
 */
export async function runBootstrap(): Promise<void> {
  const s = appStore.getState();
  const { base, pool } = s.session;
  if (!base || !pool || !startJob('bootstrap')) return;
  try {
    const evidence = poolEvidence(base, pool);
    const run = await getClient().request(
      { type: 'bootstrap', evidence, resamples: s.trust.resamples, seed: s.trust.seed },
      jobProgress('bootstrap'),
    );
    appStore.getState().setJob('bootstrap', {
      status: run.cancelled ? 'cancelled' : 'done',
      stage: '',
      message: run.cancelled ? `cancelled after ${run.summary.completed} of ${run.summary.resamples} resamples` : '',
      fraction: null,
      summary: run.summary,
      pool,
      cancelled: run.cancelled,
      ms: run.ms,
    });
  } catch (e) {
    const cancelled = /cancelled/.test(errorText(e));
    if (cancelled) appStore.getState().setJob('bootstrap', { status: 'cancelled', stage: '', message: 'cancelled', fraction: null });
    else failJob('bootstrap', e);
  }
}

/** Sets N, the number of seeded splits (1 to 50). */
export function setSplitTrials(trials: number): void {
  if (Number.isInteger(trials) && trials >= 1 && trials <= 50) appStore.getState().setJob('splits', { trials });
}

/**
 * "Repeat over N splits": `routelab eval --trials N` with the Train view's seed, K, method and
 * fractions; split t uses seed + t (its own prompt split and test pool). Cancel reports the splits
 * that finished.
 */
export async function runSplits(): Promise<void> {
  const s = appStore.getState();
  if (!s.data.dataset || !startJob('splits')) return;
  const settings = { ...s.training.settings };
  const trials = s.trust.splits.trials;
  try {
    const run = await getClient().request({ type: 'repeatSplits', settings, trials }, jobProgress('splits'));
    const st = appStore.getState();
    st.setJob('splits', {
      status: run.cancelled ? 'cancelled' : 'done',
      stage: '',
      fraction: null,
      message: run.cancelled
        ? run.report
          ? `cancelled: ${run.report.trials} of ${trials} splits finished and shown`
          : 'cancelled before the first split finished'
        : '',
      ms: run.ms,
      ...(run.report ? { report: run.report, settings, dataHash: st.data.dataHash } : {}),
    });
  } catch (e) {
    failJob('splits', e);
  }
}

/** Stops the running trust job (its partial result is kept where it has one). */
export function cancelTrustJob(): void {
  const t = appStore.getState().trust;
  const running = (['bootstrap', 'splits', 'onboard', 'shift'] as const).some((k) => t[k].status === 'running');
  if (!running) return;
  void getClient()
    .request({ type: 'cancel' })
    .catch(() => {});
}
