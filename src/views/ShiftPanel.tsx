/**
 * Deployment-shift preview (docs/trust.md section 4), under the Routing view: unlabelled production
 * prompts (CSV text column, JSON Lines, or .txt one per line) embedded with the router's embedder
 * in the worker; their cluster mix against the validation mix (bars, total variation), and at the
 * current lambda the predicted share per LLM, mean cost and accuracy under the new mix; clusters
 * hit that rest on fewer than 5 validation prompts are flagged. The prompts never leave the page
 * and are shown as text only.
 */
import { useEffect, useMemo } from 'react';
import { PairedBars, formatCost, formatCostPenalty, formatFixed, formatPercent, type PairedRow } from '../charts';
import { MIN_VALIDATION, type ShiftPreview } from '../core/insight';
import { useAppStore } from '../state/store';
import { trustBusy } from '../state/trustActions';
import { loadProductionPrompts, refreshShift } from '../state/shiftActions';
import { IssueList, Stat, readFiles } from './common';
import { JobStatus } from './JobStatus';

const VALIDATION_COLOR = '#f28e2b';
const PRODUCTION_COLOR = '#7c3aed';
/** Lambda settles for this long before the prompts are previewed again. */
const REFRESH_DELAY_MS = 250;

function Result({ p, file }: { p: ShiftPreview; file: string | null }) {
  const at = p.atValidation;
  const unit = p.costUnit;
  const mixRows = useMemo<PairedRow[]>(
    () =>
      p.mix.map((r) => ({
        label: `cluster ${r.cluster}`,
        a: r.validation,
        b: r.production,
        flag:
          r.productionPrompts > 0 && r.validationPrompts < MIN_VALIDATION
            ? `rests on ${r.validationPrompts} validation prompts`
            : undefined,
      })),
    [p],
  );
  const shareRows = useMemo<PairedRow[]>(
    () => p.predicted.shares.map((s, i) => ({ label: s.name, a: at?.shares[i]?.share ?? NaN, b: s.share })),
    [p, at],
  );
  return (
    <div className="rl-stack" data-testid="shift-result">
      <p className="rl-small rl-muted">
        {p.prompts.toLocaleString()} prompts from {file ?? 'the file'}, routed by the trained router (
        {p.method === 'learnedmap' ? 'UniRoute, learned map: soft cluster mix' : 'UniRoute, K-means'}) at {formatCostPenalty(p.costPenalty)}
        .
      </p>
      <div className="rl-stats">
        <Stat
          label="Total variation"
          value={formatFixed(p.totalVariation, 3)}
          testId="shift-tv"
          title="0.5 × Σ |new − validation| over clusters: 0 = the same mix, 1 = disjoint"
        />
        <Stat
          label="Predicted accuracy"
          value={formatPercent(p.predicted.accuracy, 1)}
          testId="shift-accuracy"
          title={`Mean 1 − γ of the chosen LLM (the error profiles' own estimate); validation mix: ${formatPercent(at?.accuracy, 1)}`}
        />
        <Stat
          label="Predicted mean cost"
          value={formatCost(p.predicted.meanCost, unit)}
          testId="shift-cost"
          title={`Mean c(h) of the chosen LLMs; validation mix: ${formatCost(at?.meanCost, unit)}`}
        />
        <Stat
          label="Validation mix"
          value={at ? `${formatPercent(at.accuracy, 1)} · ${formatCost(at.meanCost, unit)}` : 'n/a'}
          testId="shift-validation"
        />
      </div>
      {p.flagged.length > 0 ? (
        <div className="rl-notice rl-notice--warn" role="status" data-testid="shift-flagged">
          {p.flagged.length === 1 ? 'One cluster' : `${p.flagged.length} clusters`} the new prompts reach rest on fewer than{' '}
          {MIN_VALIDATION} validation prompts, so their error profiles are thin evidence:{' '}
          {p.flagged.map((f) => `cluster ${f.cluster} (${f.validationPrompts} validation, ${f.productionPrompts} new prompts)`).join('; ')}.
        </div>
      ) : null}
      <div className="rl-grid">
        <div>
          <h3 className="rl-small rl-muted">Cluster mix: validation prompts against the new prompts</h3>
          <PairedBars
            rows={mixRows}
            aLabel="validation"
            bLabel="new prompts"
            aColor={VALIDATION_COLOR}
            bColor={PRODUCTION_COLOR}
            ariaLabel="Share of prompts per cluster"
          />
        </div>
        <div>
          <h3 className="rl-small rl-muted">Predicted share per LLM at this λ</h3>
          <PairedBars
            rows={shareRows}
            aLabel="validation mix"
            bLabel="new prompts"
            aColor={VALIDATION_COLOR}
            bColor={PRODUCTION_COLOR}
            ariaLabel="Share of prompts per LLM"
          />
        </div>
      </div>
      {p.notes.map((n) => (
        <div key={n} className="rl-notice rl-notice--warn">
          {n}
        </div>
      ))}
    </div>
  );
}

export function ShiftPanel() {
  const shift = useAppStore((s) => s.trust.shift);
  const busy = useAppStore(trustBusy);
  const router = useAppStore((s) => s.session.router);
  const lambda = useAppStore((s) => s.routing.costPenalty);
  const hasPreview = shift.preview !== null;
  // A new lambda or router previews the loaded prompts again, once the slider rests.
  useEffect(() => {
    if (!hasPreview) return;
    const t = setTimeout(() => void refreshShift(), REFRESH_DELAY_MS);
    return () => clearTimeout(t);
  }, [lambda, router, hasPreview]);
  return (
    <div className="rl-stack" data-testid="shift">
      <label className="rl-field">
        <span className="rl-field__label">
          Production prompts: a CSV with a text (or prompt) column, JSON Lines with a text field, or a .txt with one prompt per line
        </span>
        <input
          className="rl-input"
          type="file"
          accept=".csv,.jsonl,.ndjson,.txt,text/csv,text/plain"
          disabled={busy || !router}
          data-testid="shift-file"
          onChange={async (e) => {
            const input = e.currentTarget;
            const files = input.files;
            if (!files || files.length === 0) return;
            const [file] = await readFiles([files[0]]);
            input.value = '';
            await loadProductionPrompts(file);
          }}
        />
      </label>
      <p className="rl-small rl-muted">
        The prompts are read, embedded with the router&apos;s own embedder and assigned to clusters in a Web Worker: nothing leaves the
        browser.
      </p>
      <IssueList issues={shift.issues} title="The prompts were not read (the previous preview is kept):" testId="shift-issues" />
      <JobStatus job={shift} label="Embedding and previewing the prompts" testId="shift-job" />
      {shift.preview ? <Result p={shift.preview} file={shift.file} /> : null}
    </div>
  );
}
