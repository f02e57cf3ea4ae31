/**
 * The onboarding simulator (leave one LLM out, docs/trust.md section 2), in the Add-an-LLM view:
 * pick an LLM; the worker trains without it on the session's split and K, adds it back from n of
 * its validation labels (seeded, nested, several repeats) and scores every budget on the test
 * prompts. Shown: the Area gap against n with "labels needed to come within 0.01 Area", its
 * per-cluster error estimated from n labels against all of them, its routing share, and the
 * deferral curves with the estimated and the full profile.
 */
import { useMemo, useState } from 'react';
import { WhiskerChart, formatCostPenalty, formatFixed, formatPercent, type WhiskerSeries } from '../charts';
import { useAppStore } from '../state/store';
import { trustBusy } from '../state/trustActions';
import {
  parseLabelBudgets,
  runOnboarding,
  selectOnboardBudget,
  setOnboardLabels,
  setOnboardModel,
  setOnboardRepeats,
} from '../state/onboardActions';
import type { OnboardingReport } from '../state/trustSlice';
import { JobStatus } from './JobStatus';
import { OnboardingCharts } from './OnboardingCharts';

const budgetName = (b: OnboardingReport['byLabels'][number]) => (b.labels === 'all' ? `all (${b.n})` : String(b.n));

function Form() {
  const models = useAppStore((s) => s.data.dataset?.models);
  const o = useAppStore((s) => s.trust.onboard);
  const busy = useAppStore(trustBusy);
  const [labels, setLabels] = useState(o.labels.join(', '));
  const [repeats, setRepeats] = useState(String(o.repeats));
  const parsed = parseLabelBudgets(labels);
  const repeatsOk = /^\d+$/.test(repeats.trim()) && Number(repeats) >= 1 && Number(repeats) <= 50;
  const model = o.model ?? models?.[0]?.name ?? '';
  return (
    <form
      className="rl-stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!parsed.ok || !repeatsOk) return;
        setOnboardModel(model);
        setOnboardLabels(parsed.labels);
        setOnboardRepeats(Number(repeats));
        void runOnboarding();
      }}
    >
      <div className="rl-form-grid">
        <label className="rl-field rl-field--wide">
          <span className="rl-field__label">LLM to leave out and add back</span>
          <select className="rl-select" value={model} onChange={(e) => setOnboardModel(e.target.value)} data-testid="onboard-model">
            {(models ?? []).map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="rl-field">
          <span className="rl-field__label">Label budgets n</span>
          <input
            className="rl-input"
            value={labels}
            onChange={(e) => setLabels(e.target.value)}
            aria-invalid={!parsed.ok}
            data-testid="onboard-labels"
          />
        </label>
        <label className="rl-field">
          <span className="rl-field__label">Repeats per budget</span>
          <input
            className="rl-input"
            type="number"
            min={1}
            max={50}
            value={repeats}
            onChange={(e) => setRepeats(e.target.value)}
            aria-invalid={!repeatsOk}
            data-testid="onboard-repeats"
          />
        </label>
      </div>
      {!parsed.ok ? <div className="rl-notice rl-notice--error">{parsed.message}</div> : null}
      {!repeatsOk ? <div className="rl-notice rl-notice--error">Repeats is a whole number from 1 to 50.</div> : null}
      <div className="rl-row">
        <button
          className="rl-button rl-button--primary"
          type="submit"
          disabled={busy || !parsed.ok || !repeatsOk || (models?.length ?? 0) < 2}
          data-testid="onboard-run"
        >
          Simulate onboarding
        </button>
      </div>
    </form>
  );
}

function BudgetTable({ r, selected }: { r: OnboardingReport; selected: number }) {
  return (
    <table className="rl-table rl-table--compact" data-testid="onboard-table">
      <caption>
        Per label budget, mean over repeats [95% interval across repeats]; the gap is Area with all labels minus Area with n labels, both on
        the test prompts' true labels
      </caption>
      <thead>
        <tr>
          <th scope="col">Labels n</th>
          <th scope="col" className="rl-num">
            Area
          </th>
          <th scope="col" className="rl-num">
            Area gap
          </th>
          <th scope="col" className="rl-num">
            mean |gap|
          </th>
          <th scope="col" className="rl-num">
            Share at {formatCostPenalty(r.costPenalty)}
          </th>
          <th scope="col">Show</th>
        </tr>
      </thead>
      <tbody>
        {r.byLabels.map((b, i) => (
          <tr key={String(b.labels)} className={i === selected ? 'rl-row--highlight' : undefined} data-labels={String(b.labels)}>
            <th scope="row">
              {budgetName(b)}
              {b.repeats > 1 ? <span className="rl-muted"> × {b.repeats}</span> : null}
            </th>
            <td className="rl-num">
              {formatFixed(b.area.mean, 3)}{' '}
              <span className="rl-ci">
                [{formatFixed(b.area.interval[0], 3)}, {formatFixed(b.area.interval[1], 3)}]
              </span>
            </td>
            <td className="rl-num">
              {formatFixed(b.areaGap.mean, 3)}{' '}
              <span className="rl-ci">
                [{formatFixed(b.areaGap.interval[0], 3)}, {formatFixed(b.areaGap.interval[1], 3)}]
              </span>
            </td>
            <td className={['rl-num', b.areaGap.meanAbs <= r.within.tolerance ? 'rl-best' : ''].join(' ')}>
              {formatFixed(b.areaGap.meanAbs, 3)}
            </td>
            <td className="rl-num">
              {formatPercent(b.share.mean, 1)}{' '}
              <span className="rl-ci">
                [{formatPercent(b.share.interval[0], 0)}, {formatPercent(b.share.interval[1], 0)}]
              </span>
            </td>
            <td>
              <input
                type="radio"
                name="onboard-budget"
                checked={i === selected}
                onChange={() => selectOnboardBudget(i)}
                aria-label={`Show the estimate from ${budgetName(b)} labels`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Result({ r, selected }: { r: OnboardingReport; selected: number }) {
  const gapSeries = useMemo<WhiskerSeries[]>(
    () => [
      {
        id: 'gap',
        label: 'Area gap (mean, 95% across repeats)',
        color: '#2563eb',
        values: r.byLabels.map((b) => b.areaGap.mean),
        lo: r.byLabels.map((b) => b.areaGap.interval[0]),
        hi: r.byLabels.map((b) => b.areaGap.interval[1]),
      },
      { id: 'abs', label: 'mean |gap|', color: '#c026d3', values: r.byLabels.map((b) => b.areaGap.meanAbs), lo: [], hi: [] },
    ],
    [r],
  );
  const within = r.within.labels;
  const withinBudget = r.byLabels.find((b) => b.labels === within);
  return (
    <div className="rl-stack" data-testid="onboard-result">
      <p className="rl-paying__headline" data-testid="onboard-within">
        {within === null
          ? `No budget brings ${r.model} within ${r.within.tolerance} Area of its all-label profile.`
          : `Labels needed to come within ${r.within.tolerance} Area: ${withinBudget ? budgetName(withinBudget) : String(within)} of ${r.counts.valScored} scored validation prompts.`}
      </p>
      <p className="rl-small rl-muted">
        Trained without {r.model} ({r.counts.trainModels} training LLMs, K = {r.k}, {r.method === 'learnedmap' ? 'learned map' : 'K-means'},
        seed {r.seed}); the routed pool is all {r.pool.length} LLMs on {r.counts.test.toLocaleString()} test prompts. Area with all its
        labels {formatFixed(r.full.area, 3)}, without it {formatFixed(r.without.area, 3)}; its share at {formatCostPenalty(r.costPenalty)}{' '}
        with all labels: {formatPercent(r.full.share, 1)}.
      </p>
      <BudgetTable r={r} selected={selected} />
      <div>
        <h3 className="rl-small rl-muted">Area gap against the number of labels</h3>
        <WhiskerChart
          categories={r.byLabels.map(budgetName)}
          series={gapSeries}
          format={(v) => formatFixed(v, 3)}
          xLabel="labels n"
          yLabel="Area gap"
          refLines={[{ value: r.within.tolerance, label: `${r.within.tolerance} Area` }]}
          ariaLabel="Area gap against the number of labels, with intervals across repeats"
        />
      </div>
      <OnboardingCharts r={r} selected={selected} />
    </div>
  );
}

export function OnboardingPanel() {
  const job = useAppStore((s) => s.trust.onboard);
  const dataHash = useAppStore((s) => s.data.dataHash);
  const report = job.dataHash === dataHash ? job.report : null;
  return (
    <div className="rl-stack" data-testid="onboard">
      <Form />
      <JobStatus job={job} label="Onboarding simulator" testId="onboard-job" />
      {report ? <Result r={report} selected={Math.min(job.budget, report.byLabels.length - 1)} /> : null}
    </div>
  );
}
