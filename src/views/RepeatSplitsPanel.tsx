/**
 * "Repeat over N splits" in the Train view: `routelab eval --trials N` on the loaded data with the
 * form's seed, K, method and fractions (split t uses seed + t: its own prompt split and test pool),
 * in the worker with progress and Cancel; every metric as mean ± sd over the splits, and the
 * per-split Area of each method on one axis.
 */
import { useMemo, useState } from 'react';
import { MetricTable, SplitStrip, formatFixed, formatSignificant, seriesStyle, type MetricRow, type StripRow } from '../charts';
import { METHOD_LABELS } from '../core/eval';
import { POOL_METHODS as METHOD_NAMES } from '../core/explorer';
import { DEFAULTS } from '../core/defaults';
import { useAppStore } from '../state/store';
import { runSplits, setSplitTrials, trustBusy } from '../state/trustActions';
import { JobStatus } from './JobStatus';

function Results() {
  const splits = useAppStore((s) => s.trust.splits);
  const dataHash = useAppStore((s) => s.data.dataHash);
  const report = splits.dataHash === dataHash ? splits.report : null;
  const rows = useMemo<MetricRow[]>(
    () =>
      report
        ? METHOD_NAMES.filter((m) => report.methods[m]).map((m) => {
            const r = report.methods[m]!;
            return {
              id: m,
              label: METHOD_LABELS[m],
              area: r.area,
              area50: r.area50,
              qnc: r.qnc,
              aiq: r.aiq,
              peakAccuracy: r.peakAccuracy,
              spread: r.spread,
            };
          })
        : [],
    [report],
  );
  const strip = useMemo<StripRow[]>(
    () =>
      report
        ? METHOD_NAMES.filter((m) => report.methods[m]).map((m, i) => {
            const r = report.methods[m]!;
            return {
              id: m,
              label: METHOD_LABELS[m],
              color: seriesStyle(m, i).color,
              values: r.perTrial.area,
              mean: r.area,
              sd: r.spread.area,
            };
          })
        : [],
    [report],
  );
  if (!report || !splits.settings) return null;
  const st = splits.settings;
  const f = st.fractions;
  // The CLI's eval takes the default fractions, epochs and iterations, and evaluates the learned map too.
  const cliExpressible =
    st.method === 'learnedmap' &&
    f.train === DEFAULTS.fractions.train &&
    f.val === DEFAULTS.fractions.val &&
    f.test === DEFAULTS.fractions.test &&
    st.epochs === DEFAULTS.epochs &&
    st.maxIterations === DEFAULTS.maxIterations;
  const cli = `routelab eval --data DIR --trials ${report.trials} --seed ${st.seed} --k ${st.k}`;
  return (
    <div className="rl-stack" data-testid="splits-result">
      <MetricTable
        rows={rows}
        caption={`Mean ± sd over ${report.trials} splits (seeds ${report.seed} to ${report.seed + report.trials - 1})`}
      />
      <SplitStrip
        rows={strip}
        format={(v) => formatFixed(v, 3)}
        xLabel="Area of each split (dots), mean (tick) and mean ± sd (bar)"
        ariaLabel="Area of every method on each split"
      />
      <p className="rl-small rl-muted">
        K per split: {report.chosen.k.join(', ')}; test prompts of the first split: {report.split.testScored.toLocaleString()}
        {splits.ms !== null ? `; ${formatSignificant(splits.ms / 1000, 2)} s in the worker` : ''}. Split t is the seeded trial t of{' '}
        {cliExpressible ? <code>{cli}</code> : 'routelab eval --trials N with these settings'}: it draws its own prompt split and test pool,
        so the pool ticked above is not used.
      </p>
      {report.notes.map((n) => (
        <div key={n} className="rl-notice rl-notice--warn">
          {n}
        </div>
      ))}
    </div>
  );
}

export function RepeatSplitsPanel() {
  const trials = useAppStore((s) => s.trust.splits.trials);
  const job = useAppStore((s) => s.trust.splits);
  const busy = useAppStore(trustBusy);
  const hasData = useAppStore((s) => s.data.dataset !== null);
  const [text, setText] = useState(String(trials));
  const valid = /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 50;
  return (
    <div className="rl-stack" data-testid="repeat-splits">
      <form
        className="rl-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          setSplitTrials(Number(text));
          void runSplits();
        }}
      >
        <label className="rl-small" htmlFor="split-trials">
          Splits N
        </label>
        <input
          id="split-trials"
          className="rl-input"
          type="number"
          min={1}
          max={50}
          step={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 80 }}
          aria-invalid={!valid}
          data-testid="split-trials"
        />
        <button
          className="rl-button rl-button--small rl-button--primary"
          type="submit"
          disabled={!valid || busy || !hasData}
          data-testid="splits-run"
        >
          Repeat over {valid ? text.trim() : 'N'} splits
        </button>
        {!valid ? <span className="rl-small rl-notice--error">N is a whole number from 1 to 50.</span> : null}
      </form>
      <JobStatus job={job} label="Training and evaluating on each split" testId="splits-job" />
      <Results />
    </div>
  );
}
