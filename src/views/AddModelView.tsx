/**
 * 7 Add an unseen LLM: download the validation prompts, upload the new LLM's scores on them and
 * its cost; its Psi joins the heatmap and routing shares and curves update at once, with no
 * retraining. Scores of test prompts in the same file make its test accuracy exact.
 */
import { useState } from 'react';
import { Panel, formatCost, formatPercent } from '../charts';
import { validationPromptsCsv } from '../core/explorer';
import { useAppStore } from '../state/store';
import { addDemoNewcomer, addModel, demoNewcomerFile, removeModel, type NewcomerMode } from '../state/modelActions';
import type { NamedText } from '../core/types';
import { IssueList, Waiting, downloadText, readFiles } from './common';
import { OnboardingPanel } from './OnboardingPanel';

/** The demo's held-out newcomer: add it in one click (exact or estimated) or download its scores file. */
function DemoNewcomer({ onDownloaded }: { onDownloaded: (name: string, cost: number) => void }) {
  const newcomer = useAppStore((s) => s.data.demo?.newcomer ?? null);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  const added = useAppStore((s) => (newcomer ? s.session.added.some((a) => a.name === newcomer.name) : false));
  const [busy, setBusy] = useState(false);
  if (!newcomer) return null;
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  const add = (mode: NewcomerMode) => run(() => addDemoNewcomer(mode));
  const download = () =>
    run(async () => {
      const file = await demoNewcomerFile('exact');
      if (!file) return;
      downloadText(file.name, file.text, 'text/csv');
      onDownloaded(newcomer.name, newcomer.cost);
    });
  return (
    <div className="rl-callout" data-testid="demo-newcomer">
      <div>
        <strong>Try it with the demo newcomer: {newcomer.name}</strong>, a fictional LLM that is not in the dataset: cheap (
        {formatCost(newcomer.cost, unit)}) and excellent at {newcomer.strengths.join(' and ')} questions, where the test pool has only
        expensive LLMs. Its scores come from the demo's generator.
      </div>
      <div className="rl-row">
        <button
          className="rl-button rl-button--small rl-button--primary"
          type="button"
          disabled={busy || added}
          onClick={() => void add('exact')}
          data-testid="newcomer-add-exact"
        >
          Add with validation + test scores (exact)
        </button>
        <button
          className="rl-button rl-button--small"
          type="button"
          disabled={busy || added}
          onClick={() => void add('estimated')}
          data-testid="newcomer-add-estimated"
        >
          Add with validation scores only (estimated)
        </button>
        <button
          className="rl-button rl-button--small"
          type="button"
          disabled={busy}
          onClick={() => void download()}
          data-testid="newcomer-download"
        >
          Download its scores CSV
        </button>
        {added ? <span className="rl-small rl-muted">added: remove it on the right to add it again</span> : null}
      </div>
    </div>
  );
}

function AddForm() {
  const router = useAppStore((s) => s.session.router);
  const issues = useAppStore((s) => s.session.addIssues);
  const notice = useAppStore((s) => s.session.addNotice);
  const ms = useAppStore((s) => s.session.lastPoolMs);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  const [name, setName] = useState('');
  const [cost, setCost] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // The chosen file is read at once (its text is what Add uses), so Add does not wait on the read.
  const [reading, setReading] = useState<Promise<NamedText> | null>(null);
  const [busy, setBusy] = useState(false);
  if (!router) return <Waiting what="Train a router first: a new LLM joins a trained router." />;
  const costValue = Number(cost);
  const valid = name.trim() !== '' && cost.trim() !== '' && Number.isFinite(costValue) && costValue >= 0 && file !== null;
  return (
    <div className="rl-stack">
      <DemoNewcomer
        onDownloaded={(n, c) => {
          setName(n);
          setCost(String(c));
        }}
      />
      <ol className="rl-stack" style={{ margin: 0, paddingLeft: 18 }}>
        <li>
          <div className="rl-row">
            Run the new LLM on the {router.validationPrompts.length} validation prompts
            <button
              className="rl-button rl-button--small"
              type="button"
              onClick={() => downloadText('validation-prompts.csv', validationPromptsCsv(router), 'text/csv')}
              data-testid="download-validation"
            >
              Download validation prompts CSV
            </button>
          </div>
          <div className="rl-small rl-muted">
            Fill the score column with its score in [0, 1] (1 = right). Rows of test prompts may be added to measure its test accuracy
            exactly.
          </div>
        </li>
        <li>Upload the scores with the LLM's name and cost.</li>
      </ol>
      <form
        className="rl-form-grid rl-form-grid--bottom"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          if (!valid || !file) return;
          setBusy(true);
          const text = await (reading ?? readFiles([file]).then(([t]) => t));
          const ok = await addModel(name, costValue, text);
          setBusy(false);
          if (ok) {
            setName('');
            setCost('');
            setFile(null);
            setReading(null);
            form.reset();
          }
        }}
        aria-label="Add an LLM"
      >
        <label className="rl-field">
          <span className="rl-field__label">Name</span>
          <input className="rl-input" value={name} onChange={(e) => setName(e.target.value)} data-testid="add-name" />
        </label>
        <label className="rl-field">
          <span className="rl-field__label">Cost per call{unit ? ` (${unit})` : ''}</span>
          <input
            className="rl-input"
            type="number"
            min={0}
            step="any"
            value={cost}
            onChange={(e) => setCost(e.target.value)}
            data-testid="add-cost"
            aria-invalid={cost.trim() !== '' && !(costValue >= 0)}
          />
        </label>
        <label className="rl-field">
          <span className="rl-field__label">Scores CSV (prompt_id, score)</span>
          <input
            className="rl-input"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              const read = chosen ? readFiles([chosen]).then(([t]) => t) : null;
              // A failed read surfaces when Add awaits it, not as an unhandled rejection now.
              read?.catch(() => undefined);
              setReading(read);
            }}
            data-testid="add-file"
          />
        </label>
        <div className="rl-field" style={{ justifyContent: 'flex-end' }}>
          <button className="rl-button rl-button--primary" type="submit" disabled={!valid || busy} data-testid="add-button">
            Add LLM
          </button>
        </div>
      </form>
      <IssueList issues={issues} title="The LLM was not added:" testId="add-issues" />
      {notice ? (
        <div className="rl-notice rl-notice--ok" role="status" data-testid="add-notice">
          {notice}
          {ms !== null ? ` Curves recomputed in ${ms.toFixed(0)} ms.` : ''}
        </div>
      ) : null}
    </div>
  );
}

function AddedList() {
  const added = useAppStore((s) => s.session.added);
  const pool = useAppStore((s) => s.session.pool);
  if (added.length === 0) return <p className="rl-muted">No LLM added yet.</p>;
  // Long LLM names keep the table wider than its card: it scrolls inside the card, as the other tables do.
  return (
    <div className="rl-table-scroll">
      <table className="rl-table" data-testid="added-list">
        <thead>
          <tr>
            <th scope="col">LLM</th>
            <th scope="col" className="rl-num">
              Cost
            </th>
            <th scope="col" className="rl-num">
              Val. error
            </th>
            <th scope="col" className="rl-num">
              Test accuracy
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {added.map((a) => {
            const single = pool?.singles.find((s) => s.name === a.name);
            return (
              <tr key={a.name}>
                <th scope="row">
                  {a.name} <span className="rl-tag">new</span>
                </th>
                <td className="rl-num">{formatCost(a.cost)}</td>
                <td className="rl-num">{formatPercent(a.profile.overall)}</td>
                <td className="rl-num">
                  {formatPercent(single?.accuracy)}{' '}
                  {a.estimated ? (
                    <span className="rl-tag" title="No test scores in the file: the mean of 1 - gamma (K-means) over the test prompts">
                      estimated
                    </span>
                  ) : null}
                </td>
                <td className="rl-num">
                  <button
                    className="rl-button rl-button--small rl-button--danger"
                    type="button"
                    onClick={() => void removeModel(a.name)}
                    data-testid={`remove-${a.name}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function AddModelView() {
  return (
    <div className="rl-grid">
      <Panel
        title="Add an unseen LLM"
        subtitle="UniRoute represents every LLM by its errors on the validation prompts only: no retraining"
        id="panel-add"
      >
        <AddForm />
      </Panel>
      <Panel
        title="Added LLMs"
        subtitle="In the test pool, the heatmap, the routing shares and every curve; removing one restores the curves exactly"
        id="panel-added"
      >
        <AddedList />
      </Panel>
      <Panel
        title="Onboarding simulator: how many labels does a new LLM need?"
        subtitle="Leave one LLM out of training, add it back from n of its validation labels, and score the routing on the test prompts (in the worker)"
        className="rl-span-all"
        id="panel-onboard"
      >
        <OnboardingPanel />
      </Panel>
    </div>
  );
}
