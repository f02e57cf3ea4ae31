/**
 * Uncertainty and verdicts (docs/trust.md section 1), under the deferral curves: B, Run and Cancel
 * for the paired bootstrap of the session's test prompts (in the worker), the bands toggle, and
 * each UniRoute router against K-NN, ZeroRouter and the best single LLM in plain words.
 */
import { useState } from 'react';
import { formatSignificant } from '../charts';
import type { BootstrapSummary } from '../core/eval';
import { useAppStore } from '../state/store';
import { MAX_RESAMPLES, freshBootstrap, runBootstrap, setResamples, setShowBands, trustBusy } from '../state/trustActions';
import { JobStatus } from './JobStatus';
import { sideName, verdictSentence } from './verdictText';

function Controls() {
  const resamples = useAppStore((s) => s.trust.resamples);
  const showBands = useAppStore((s) => s.trust.showBands);
  const busy = useAppStore(trustBusy);
  const hasPool = useAppStore((s) => s.session.pool !== null);
  const [text, setText] = useState(String(resamples));
  const valid = /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= MAX_RESAMPLES;
  return (
    <form
      className="rl-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        setResamples(Number(text));
        void runBootstrap();
      }}
    >
      <label className="rl-row rl-small" htmlFor="bootstrap-resamples">
        Resamples B
      </label>
      <input
        id="bootstrap-resamples"
        className="rl-input"
        type="number"
        min={1}
        max={MAX_RESAMPLES}
        step={1}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: 96 }}
        aria-invalid={!valid}
        data-testid="bootstrap-resamples"
      />
      <button
        className="rl-button rl-button--primary rl-button--small"
        type="submit"
        disabled={!valid || busy || !hasPool}
        data-testid="bootstrap-run"
      >
        Run bootstrap
      </button>
      <span className="rl-checkbox">
        <input
          id="show-bands"
          type="checkbox"
          checked={showBands}
          onChange={(e) => setShowBands(e.target.checked)}
          data-testid="show-bands"
        />
        <label htmlFor="show-bands">Show 95% bands on the curves</label>
      </span>
      {!valid ? (
        <span className="rl-small rl-notice--error">B is a whole number from 1 to {MAX_RESAMPLES.toLocaleString('en-US')}.</span>
      ) : null}
    </form>
  );
}

const VERDICT_TEXT = { better: 'better', tied: 'tied', worse: 'worse' } as const;

function Verdicts({ summary }: { summary: BootstrapSummary }) {
  return (
    <table className="rl-table rl-table--compact rl-verdicts" data-testid="verdicts">
      <caption>
        Paired comparisons on Area: the same {summary.completed} resamples of the test prompts score both sides, so the interval is that of
        the difference.
      </caption>
      <thead>
        <tr>
          <th scope="col">Router</th>
          <th scope="col">against</th>
          <th scope="col" className="rl-num">
            ΔArea
          </th>
          <th scope="col" className="rl-num">
            95% interval
          </th>
          <th scope="col" className="rl-num">
            Wins
          </th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {summary.comparisons.map((c) => (
          <tr key={`${c.a}-${c.b}`} data-a={c.a} data-b={c.b} data-verdict={c.verdict}>
            <th scope="row">{sideName(c.a)}</th>
            <td>{sideName(c.b, c.bModels)}</td>
            <td className="rl-num">{`${c.deltaArea >= 0 ? '+' : '−'}${Math.abs(c.deltaArea).toFixed(3)}`}</td>
            <td className="rl-num">
              [{c.ci[0].toFixed(3)}, {c.ci[1].toFixed(3)}]
            </td>
            <td className="rl-num">{`${Math.round(100 * c.winShare)}%`}</td>
            <td>
              <span className={`rl-verdict rl-verdict--${c.verdict}`}>{VERDICT_TEXT[c.verdict]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UncertaintyPanel() {
  const job = useAppStore((s) => s.trust.bootstrap);
  const summary = useAppStore(freshBootstrap);
  const n = useAppStore((s) => s.session.pool?.n ?? 0);
  const stale = job.summary !== null && summary === null;
  return (
    <div className="rl-stack" data-testid="uncertainty">
      <Controls />
      <JobStatus job={job} label="Paired bootstrap" testId="bootstrap-job" />
      {stale ? (
        <p className="rl-small rl-muted" data-testid="bootstrap-stale">
          The pool changed since the last bootstrap (a training, or an LLM added or removed): run it again for intervals of these curves.
        </p>
      ) : null}
      {summary ? (
        <>
          <p className="rl-small rl-muted" data-testid="bootstrap-info">
            {summary.completed} of {summary.resamples} resamples of the {n.toLocaleString()} test prompts (seed {summary.seed}
            {job.ms !== null ? `, ${formatSignificant(job.ms / 1000, 2)} s in the worker` : ''}). The routers stay as trained: the intervals
            say how much the metrics owe to which prompts happened to be in the test set; "Repeat over N splits" in the Train view adds the
            split-to-split spread.
          </p>
          <Verdicts summary={summary} />
          <ul className="rl-small rl-verdict-words" data-testid="verdict-words">
            {summary.comparisons.map((c) => (
              <li key={`${c.a}-${c.b}`}>{verdictSentence(c, summary.completed)}</li>
            ))}
          </ul>
          <p className="rl-small rl-muted">
            "Tied" means not distinguishable at the 5% level on this test set, not equal. Intervals are central 95% percentile intervals
            (docs/trust.md).
          </p>
        </>
      ) : job.status === 'idle' ? (
        <p className="rl-small rl-muted">
          Run the bootstrap for 95% intervals of every metric, shaded bands on the curves and verdicts against the baselines (B = 200 takes
          well under a second on the demo).
        </p>
      ) : null}
    </div>
  );
}
