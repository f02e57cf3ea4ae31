/**
 * The "trust the numbers" part of the read-only test hook: every job's status and the numbers the
 * panels show (bootstrap intervals and verdicts, the splits' means and spreads, the onboarding
 * report, "is routing paying?" at the current lambda, the shift preview), as plain JSON-able data.
 */
import type { AppState } from '../state/store';
import { freshBootstrap } from '../state/trustActions';
import { payingOf } from '../state/paying';
import type { Job } from '../state/trustSlice';

const jobOf = (j: Job) => ({ status: j.status, stage: j.stage, message: j.message, error: j.error, ms: j.ms });
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function trustSnapshot(s: AppState) {
  const t = s.trust;
  const summary = freshBootstrap(s);
  const paying = payingOf(s);
  return {
    resamples: t.resamples,
    showBands: t.showBands,
    bootstrap: {
      ...jobOf(t.bootstrap),
      /** The summary of the current pool (null when none ran or the pool changed since). */
      fresh: summary !== null,
      summary: summary
        ? {
            resamples: summary.resamples,
            completed: summary.completed,
            seed: summary.seed,
            bestModels: [...summary.bestModels],
            methods: Object.fromEntries(
              Object.entries(summary.methods).map(([m, u]) => [
                m,
                { ci: copy(u!.ci), qncReached: u!.qncReached, saving: copy(u!.saving), bandPoints: u!.band.cost.length },
              ]),
            ),
            comparisons: copy(summary.comparisons),
          }
        : null,
    },
    splits: {
      ...jobOf(t.splits),
      trials: t.splits.trials,
      report: t.splits.report
        ? {
            trials: t.splits.report.trials,
            seed: t.splits.report.seed,
            chosenK: [...t.splits.report.chosen.k],
            methods: Object.fromEntries(
              Object.entries(t.splits.report.methods).map(([m, r]) => [
                m,
                { area: r!.area, spread: copy(r!.spread), perTrial: copy(r!.perTrial) },
              ]),
            ),
          }
        : null,
    },
    onboard: {
      ...jobOf(t.onboard),
      model: t.onboard.model,
      budget: t.onboard.budget,
      report: t.onboard.report
        ? {
            model: t.onboard.report.model,
            k: t.onboard.report.k,
            method: t.onboard.report.method,
            counts: { ...t.onboard.report.counts },
            within: { ...t.onboard.report.within },
            full: { area: t.onboard.report.full.area, share: t.onboard.report.full.share, psi: [...t.onboard.report.full.psi] },
            without: { area: t.onboard.report.without.area },
            byLabels: t.onboard.report.byLabels.map((b) => ({
              labels: b.labels,
              n: b.n,
              repeats: b.repeats,
              area: copy(b.area),
              areaGap: copy(b.areaGap),
              share: copy(b.share),
            })),
          }
        : null,
    },
    paying: paying
      ? {
          method: paying.method,
          costPenalty: paying.costPenalty,
          router: { ...paying.router },
          bestSingleWithinCost: paying.bestSingleWithinCost ? { ...paying.bestSingleWithinCost } : null,
          zeroRouterAtCost: paying.zeroRouterAtCost ? { ...paying.zeroRouterAtCost } : null,
          oracleAtCost: paying.oracleAtCost ? { ...paying.oracleAtCost } : null,
          saving: copy(paying.saving),
          collapse: { ...paying.collapse },
          byTask: copy(paying.byTask),
          byCluster: copy(paying.byCluster),
        }
      : null,
    shift: {
      ...jobOf(t.shift),
      file: t.shift.file,
      issues: t.shift.issues.map((i) => ({ ...i })),
      preview: t.shift.preview ? copy(t.shift.preview) : null,
    },
  };
}
