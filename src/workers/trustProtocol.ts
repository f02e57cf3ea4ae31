/**
 * Worker messages of "trust the numbers" (docs/trust.md): the paired bootstrap of the session,
 * "repeat over N splits" (eval --trials), the onboarding simulator and the deployment-shift
 * preview. Plain data only, like every message of protocol.ts.
 */
import type { BootstrapEvidence, BootstrapSummary } from '../core/eval';
import type { EvalReport, ResolvedSplit } from '../core/eval/pipeline';
import type { LabelBudget, OnboardingReport } from '../core/insight/onboard';
import type { ShiftPreview } from '../core/insight';
import type { Router } from '../core/routerFile';
import type { DataIssue, NamedText } from '../core/types';
import type { TrainSettings } from './protocol';

export type { LabelBudget, OnboardingReport } from '../core/insight/onboard';

/** The paired bootstrap over the session's test prompts (B resamples, seeded). */
export interface BootstrapRequest {
  evidence: BootstrapEvidence;
  resamples: number;
  seed: number;
}

export interface BootstrapRun {
  /** Intervals, bands, savings and verdicts from the resamples done (all of them unless cancelled). */
  summary: BootstrapSummary;
  cancelled: boolean;
  ms: number;
}

/** "Repeat over N splits": `routelab eval --trials N --seed S --k K --fractions ...` on the loaded data. */
export interface SplitsRequest {
  settings: TrainSettings;
  trials: number;
}

/** The evaluation over the splits (mean, spread and per-split values per method), without evidence. */
export type SplitsReport = Omit<EvalReport, 'evidence'>;

export interface SplitsRun {
  /** null when Cancel came before the first split finished. */
  report: SplitsReport | null;
  /** Cancel stopped the run: the report covers the splits that finished. */
  cancelled: boolean;
  ms: number;
}

/** The onboarding simulator on the session's split and K: leave `model` out, add it back from n labels. */
export interface OnboardRequest {
  model: string;
  labels: LabelBudget[];
  repeats: number;
  seed: number;
  k: number | 'auto';
  method: 'kmeans' | 'learnedmap';
  costPenalty: number;
  split?: ResolvedSplit;
}

export interface OnboardRun {
  /** null when cancelled. */
  report: OnboardingReport | null;
  ms: number;
}

/**
 * The deployment-shift preview of production prompts under a router at a cost penalty. Without a
 * file the worker reuses the prompts of the last file it read (a new lambda or router).
 */
export interface ShiftRequest {
  router: Router;
  costPenalty: number;
  file?: NamedText;
}

export type ShiftRun =
  | { ok: true; preview: ShiftPreview; file: string; ms: number; cancelled: false }
  | { ok: true; cancelled: true }
  | { ok: false; issues: DataIssue[] };
