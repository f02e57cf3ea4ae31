/**
 * The trust slice: what the "trust the numbers" panels show (docs/trust.md). The paired bootstrap
 * of the session, "repeat over N splits", the onboarding simulator and the deployment-shift
 * preview each run in the worker as a job with progress and Cancel; each result remembers what it
 * was computed on, so a panel can tell a stale one from a fresh one. Plain data only.
 */
import type { StateCreator } from 'zustand';
import type { BootstrapSummary } from '../core/eval';
import type { SessionPool } from '../core/explorer';
import type { ShiftPreview } from '../core/insight';
import type { Router } from '../core/routerFile';
import type { DataIssue } from '../core/types';
import type { TrainSettings } from '../workers/protocol';
import type { LabelBudget, OnboardingReport, SplitsReport } from '../workers/trustProtocol';
import { DEFAULT_RESAMPLES } from '../core/eval';
import type { AppState } from './slices';

// The worker protocol's shapes the views read, passed on here: views never import workers/.
export type { LabelBudget, OnboardingReport, SplitsReport } from '../workers/trustProtocol';

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A worker job's live state. */
export interface Job {
  status: JobStatus;
  stage: string;
  message: string;
  fraction: number | null;
  error: string | null;
  /** Milliseconds of the last run (worker time). */
  ms: number | null;
}

export interface TrustState {
  /** Resamples B of the bootstrap (default 200). */
  resamples: number;
  /** Seed of the resampling. */
  seed: number;
  /** Shaded pointwise 95% bands on the deferral curves. */
  showBands: boolean;
  bootstrap: Job & {
    summary: BootstrapSummary | null;
    /** The pool the summary was computed on: a fresh summary is one whose pool is the session's. */
    pool: SessionPool | null;
    cancelled: boolean;
  };
  /** dataHash is that of the data a report was computed on (a report on other data is not shown). */
  splits: Job & { trials: number; report: SplitsReport | null; settings: TrainSettings | null; dataHash: string | null };
  onboard: Job & {
    model: string | null;
    labels: LabelBudget[];
    repeats: number;
    report: OnboardingReport | null;
    dataHash: string | null;
    /** Index into report.byLabels of the budget whose estimate the charts show. */
    budget: number;
  };
  shift: Job & {
    /** Name of the file whose prompts are previewed. */
    file: string | null;
    /** Problems of the last file read (the previous preview stays). */
    issues: DataIssue[];
    preview: ShiftPreview | null;
    /** The router the preview was computed with. */
    router: Router | null;
  };
}

export interface TrustSlice {
  trust: TrustState;
  setTrust: (patch: Partial<Omit<TrustState, 'bootstrap' | 'splits' | 'onboard' | 'shift'>>) => void;
  /** Merges a patch into one job. */
  setJob: <K extends JobKey>(key: K, patch: Partial<TrustState[K]>) => void;
}

export type JobKey = 'bootstrap' | 'splits' | 'onboard' | 'shift';

export const DEFAULT_LABELS: LabelBudget[] = [5, 10, 20, 50, 'all'];
export const DEFAULT_REPEATS = 5;
export const DEFAULT_SPLITS = 5;

const idleJob = (): Job => ({ status: 'idle', stage: '', message: '', fraction: null, error: null, ms: null });

export const initialTrust = (): TrustState => ({
  resamples: DEFAULT_RESAMPLES,
  seed: 0,
  showBands: true,
  bootstrap: { ...idleJob(), summary: null, pool: null, cancelled: false },
  splits: { ...idleJob(), trials: DEFAULT_SPLITS, report: null, settings: null, dataHash: null },
  onboard: { ...idleJob(), model: null, labels: [...DEFAULT_LABELS], repeats: DEFAULT_REPEATS, report: null, dataHash: null, budget: 0 },
  shift: { ...idleJob(), file: null, issues: [], preview: null, router: null },
});

export const createTrustSlice: StateCreator<AppState, [], [], TrustSlice> = (set) => ({
  trust: initialTrust(),
  setTrust: (patch) => set((s) => ({ trust: { ...s.trust, ...patch } })),
  setJob: (key, patch) => set((s) => ({ trust: { ...s.trust, [key]: { ...s.trust[key], ...patch } } })),
});
