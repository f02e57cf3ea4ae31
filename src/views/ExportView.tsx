/**
 * 8 Export and import: the trained router as the core's JSON (the file `routelab route --router`
 * reads), importing a router file, routing a typed prompt with it, and the curves and metrics CSV.
 */
import { useState } from 'react';
import { Panel, formatCost, formatCostPenalty, formatPercent } from '../charts';
import { curvesCsv, metricsCsv } from '../core/explorer';
import type { RouteDecision } from '../core/routerFile';
import { useAppStore } from '../state/store';
import { importRouter, routeText, routerText } from '../state/modelActions';
import { IssueList, Waiting, downloadText, readFiles } from './common';

function ExportRouter() {
  const router = useAppStore((s) => s.session.router);
  const pool = useAppStore((s) => s.session.pool);
  if (!router) return <Waiting what="Train a router first." />;
  const added = router.models.filter((h) => h.addedAfterTraining).length;
  return (
    <div className="rl-stack">
      <div className="rl-small">
        {router.method === 'learnedmap' ? 'UniRoute (learned map)' : 'UniRoute (K-means)'}, K = {router.centroids.rows},{' '}
        {router.centroids.cols}-d {router.embedder.kind} embeddings, {router.models.length} LLMs
        {added ? ` (${added} added after training)` : ''}, {router.validationPrompts.length} validation prompts. Schema {router.schema} v
        {router.version}.
      </div>
      <div className="rl-row">
        <button
          className="rl-button rl-button--primary"
          type="button"
          onClick={() => downloadText('router.json', routerText() ?? '', 'application/json')}
          data-testid="download-router"
        >
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
        Routing with the file needs only the core's plain TypeScript (no tfjs): a Node service or an edge function can load it.
      </div>
    </div>
  );
}

function ImportRouter() {
  const issues = useAppStore((s) => s.session.importIssues);
  const notice = useAppStore((s) => s.session.importNotice);
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
        <div className="rl-notice rl-notice--ok" role="status" data-testid="import-notice">
          {notice}
        </div>
      ) : null}
    </div>
  );
}

function RouteTyped() {
  const hasSession = useAppStore((s) => s.session.router !== null);
  const hasImported = useAppStore((s) => s.session.importedRouter !== null);
  const lambda = useAppStore((s) => s.routing.costPenalty);
  const [text, setText] = useState('');
  const [which, setWhich] = useState<'session' | 'imported'>('session');
  const [result, setResult] = useState<RouteDecision | string | null>(null);
  if (!hasSession && !hasImported) return <Waiting what="Train or import a router first." />;
  return (
    <form
      className="rl-stack"
      onSubmit={(e) => {
        e.preventDefault();
        setResult(routeText(text, hasImported && (which === 'imported' || !hasSession) ? 'imported' : 'session'));
      }}
    >
      <textarea
        className="rl-textarea"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Type a prompt to route"
        aria-label="Prompt to route"
      />
      <div className="rl-row">
        {hasImported && hasSession ? (
          <select
            className="rl-select"
            value={which}
            onChange={(e) => setWhich(e.target.value as 'session' | 'imported')}
            aria-label="Router"
          >
            <option value="session">session router</option>
            <option value="imported">imported router</option>
          </select>
        ) : null}
        <button className="rl-button" type="submit" disabled={!text.trim()}>
          Route at {formatCostPenalty(lambda)}
        </button>
      </div>
      {typeof result === 'string' ? <div className="rl-notice rl-notice--error">{result}</div> : null}
      {result && typeof result !== 'string' ? (
        <table className="rl-table">
          <caption>
            Routed to <strong>{result.chosen}</strong> (cluster #{result.cluster})
          </caption>
          <thead>
            <tr>
              <th scope="col">LLM</th>
              <th scope="col" className="rl-num">
                Predicted error
              </th>
              <th scope="col" className="rl-num">
                Cost
              </th>
              <th scope="col" className="rl-num">
                Penalised
              </th>
            </tr>
          </thead>
          <tbody>
            {[...result.perModel]
              .sort((a, b) => a.penalised - b.penalised)
              .map((m) => (
                <tr key={m.name} className={m.name === result.chosen ? 'rl-row--highlight' : undefined}>
                  <th scope="row">{m.name}</th>
                  <td className="rl-num">{formatPercent(m.predictedError, 1)}</td>
                  <td className="rl-num">{formatCost(m.cost)}</td>
                  <td className="rl-num">{m.penalised.toFixed(4)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
    </form>
  );
}

export function ExportView() {
  return (
    <div className="rl-stack" style={{ gap: 'var(--rl-space-4)' }}>
      <div className="rl-grid">
        <Panel
          title="Export"
          subtitle="The router file: embedder settings, centroids, learned map, validation prompts, every LLM's Ψ and cost, provenance"
          id="panel-export"
        >
          <ExportRouter />
        </Panel>
        <Panel
          title="Import a router"
          subtitle="Validated on load; applied to the session when it was trained on the loaded data"
          id="panel-import"
        >
          <ImportRouter />
        </Panel>
      </div>
      <Panel title="Route a prompt" subtitle="With the router's own embedder and Ψ, in plain TypeScript" id="panel-route-typed">
        <RouteTyped />
      </Panel>
    </div>
  );
}
