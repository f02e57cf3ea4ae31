/**
 * 8 Export and import: the router file at the Routing view's operating point (lambda, pool, method,
 * added LLMs; the file `routelab route --router` reads), importing a router file (restoring the
 * session it came from), routing a typed prompt with it (RouteTyped.tsx), and the curves and metrics CSV.
 */
import { useState } from 'react';
import { Panel } from '../charts';
import { METHOD_LABELS } from '../core/eval';
import { curvesCsv, metricsCsv, penaltyWithUnit } from '../core/explorer';
import { useAppStore } from '../state/store';
import { exportSession, importRouter } from '../state/routerActions';
import { IssueList, Waiting, downloadText, readFiles } from './common';
import { RouteTyped } from './RouteTyped';

/** What the file will hold: the operating point the Routing view shows. */
function ExportSummary() {
  const router = useAppStore((s) => s.session.router);
  const pool = useAppStore((s) => s.session.pool);
  const method = useAppStore((s) => s.routing.method);
  const lambda = useAppStore((s) => s.routing.costPenalty);
  const dataset = useAppStore((s) => s.data.dataset);
  const hash = useAppStore((s) => s.data.dataHash);
  if (!router || !pool || !dataset) return null;
  const added = router.models.filter((h) => h.addedAfterTraining);
  const rows: [string, string, string][] = [
    ['λ', penaltyWithUnit(lambda, dataset.costUnit), 'export-lambda'],
    ['Router', METHOD_LABELS[method], 'export-method'],
    [`Routing pool (${pool.names.length})`, pool.names.join(', '), 'export-pool'],
    [
      'Added LLMs',
      added.length
        ? added
            .map(
              (h) =>
                `${h.name} (cost ${h.cost}; ${h.added?.how === 'exact' ? 'exact: every test prompt scored' : 'validation scores only: estimated'}${h.added?.scoresFile ? `, from ${h.added.scoresFile}` : ''})`,
            )
            .join('; ')
        : 'none',
      'export-added',
    ],
    ['Dataset', `${dataset.name} (data hash ${hash ?? '…'})`, 'export-dataset'],
    [
      'Inside',
      `K = ${router.centroids.rows}, ${router.centroids.cols}-d ${router.embedder.kind} embeddings, ${router.models.length} LLMs, ${router.validationPrompts.length} validation prompts; schema ${router.schema} v2`,
      'export-inside',
    ],
  ];
  return (
    <table className="rl-table rl-small" data-testid="export-summary">
      <tbody>
        {rows.map(([label, value, id]) => (
          <tr key={id}>
            <th scope="row" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              {label}
            </th>
            <td data-testid={id} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExportRouter() {
  const router = useAppStore((s) => s.session.router);
  const pool = useAppStore((s) => s.session.pool);
  const method = useAppStore((s) => s.routing.method);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!router) return <Waiting what="Train a router first." />;
  const oracle = method === 'oracle';
  const download = () => {
    const res = exportSession();
    if (!res.ok) {
      setRefusal(res.issues[0].message);
      return;
    }
    setRefusal(null);
    downloadText('router.json', res.data.text, 'application/json');
  };
  return (
    <div className="rl-stack">
      <div className="rl-small">The file is the operating point of the Routing view: the router routes a new prompt there.</div>
      <ExportSummary />
      {oracle ? (
        <div className="rl-notice rl-notice--warn" role="status" data-testid="export-refused">
          The oracle is not a router (it needs each prompt&apos;s true labels): choose UniRoute, K-NN or ZeroRouter in the Routing view to
          export.
        </div>
      ) : null}
      {refusal && !oracle ? (
        <div className="rl-notice rl-notice--error" role="alert" data-testid="export-refused">
          Not exported: {refusal}
        </div>
      ) : null}
      <div className="rl-row">
        <button className="rl-button rl-button--primary" type="button" onClick={download} disabled={oracle} data-testid="download-router">
          Download router.json
        </button>
        {pool ? (
          <>
            <button className="rl-button" type="button" onClick={() => downloadText('routelab-curves.csv', curvesCsv(pool), 'text/csv')}>
              Curves CSV
            </button>
            <button className="rl-button" type="button" onClick={() => downloadText('routelab-metrics.csv', metricsCsv(pool), 'text/csv')}>
              Metrics CSV
            </button>
          </>
        ) : null}
      </div>
      <pre className="rl-notice rl-small" style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {`npm run -s routelab -- route --router router.json --prompt "Translate 'good morning' into French" --json`}
      </pre>
      <div className="rl-small rl-muted">
        The CLI, the <code>routelab/router</code> module and <code>routelab serve</code> route at the file&apos;s λ among its pool, so they
        choose what the Routing view chooses. Routing needs only plain TypeScript (no tfjs).
      </div>
    </div>
  );
}

function ImportRouter() {
  const issues = useAppStore((s) => s.session.importIssues);
  const notice = useAppStore((s) => s.session.importNotice);
  const foreign = useAppStore((s) => s.session.importedRouter !== null);
  return (
    <div className="rl-stack">
      <label className="rl-field">
        <span className="rl-field__label">Router JSON</span>
        <input
          className="rl-input"
          type="file"
          accept=".json,application/json"
          data-testid="import-router"
          onChange={async (e) => {
            // currentTarget is gone once the handler awaits: keep the element.
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) await importRouter((await readFiles([file]))[0]);
          }}
        />
      </label>
      <IssueList issues={issues} title="The router file was refused:" testId="import-issues" />
      {notice ? (
        <div className={`rl-notice ${foreign ? '' : 'rl-notice--ok'}`} role="status" data-testid="import-notice">
          {notice}
        </div>
      ) : null}
    </div>
  );
}

export function ExportView() {
  return (
    <div className="rl-stack" style={{ gap: 'var(--rl-space-4)' }}>
      <div className="rl-grid">
        <Panel
          title="Export"
          subtitle="The router file at the Routing view's λ, pool and router, with every added LLM (profile, cost, how it was added) and the dataset's identity"
          id="panel-export"
        >
          <ExportRouter />
        </Panel>
        <Panel
          title="Import a router"
          subtitle="Validated on load; trained on the loaded data, it restores its session (λ, pool, router, added LLMs)"
          id="panel-import"
        >
          <ImportRouter />
        </Panel>
      </div>
      <Panel
        title="Route a prompt"
        subtitle="With the exported file's own embedder, Ψ, λ and pool, in plain TypeScript: the choice the Routing view, routelab route and the module make"
        id="panel-route-typed"
      >
        <RouteTyped />
      </Panel>
    </div>
  );
}
