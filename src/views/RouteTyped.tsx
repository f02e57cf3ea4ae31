/**
 * "Route a prompt": a typed prompt routed by the exported file of the session (its lambda, pool and
 * method: the Routing view's decision) or by an imported router of other data at its own operating
 * point. Prompt text is rendered as text only.
 */
import { useState } from 'react';
import { formatCost, formatPercent } from '../charts';
import { METHOD_LABELS } from '../core/eval';
import { penaltyWithUnit } from '../core/explorer';
import { useAppStore } from '../state/store';
import { routeText, type RoutedText } from '../state/routerActions';
import { Waiting } from './common';

/** Where the typed prompt will be routed, said before routing. */
function RoutingAt({ which }: { which: 'session' | 'imported' }) {
  const lambda = useAppStore((s) => s.routing.costPenalty);
  const method = useAppStore((s) => s.routing.method);
  const pool = useAppStore((s) => s.session.pool?.names.length ?? 0);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  const imported = useAppStore((s) => s.session.importedRouter);
  if (which === 'imported' && imported)
    return (
      <div className="rl-small" data-testid="route-at">
        With the imported router, trained on &ldquo;{imported.provenance.dataset}&rdquo; (not the loaded data), at its own{' '}
        {penaltyWithUnit(imported.costPenalty, imported.costUnit)} among its pool of {imported.pool.length} LLMs.
      </div>
    );
  return (
    <div className="rl-small" data-testid="route-at">
      As the exported file routes: {penaltyWithUnit(lambda, unit)}, {METHOD_LABELS[method]}, among the routing pool of {pool} LLMs.
    </div>
  );
}

function Decision({ result }: { result: RoutedText }) {
  const { decision } = result;
  return (
    <table className="rl-table">
      <caption data-testid="routed-llm" data-chosen={decision.chosen} style={{ textAlign: 'left' }}>
        Routed to <strong>{decision.chosen}</strong> (cluster #{decision.cluster}) by the{' '}
        {result.which === 'session' ? 'session' : 'imported'} router ({result.methodLabel}) at{' '}
        {penaltyWithUnit(result.costPenalty, result.costUnit)}
        {result.which === 'imported' ? `, its own λ, among its pool (trained on "${result.dataset}")` : ''}.
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
        {[...decision.perModel]
          .sort((a, b) => a.penalised - b.penalised)
          .map((m) => (
            <tr key={m.name} className={m.name === decision.chosen ? 'rl-row--highlight' : undefined}>
              <th scope="row">{m.name}</th>
              <td className="rl-num">{formatPercent(m.predictedError, 1)}</td>
              <td className="rl-num">{formatCost(m.cost)}</td>
              <td className="rl-num">{m.penalised.toFixed(4)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export function RouteTyped() {
  const hasSession = useAppStore((s) => s.session.router !== null);
  const hasImported = useAppStore((s) => s.session.importedRouter !== null);
  const [text, setText] = useState('');
  const [which, setWhich] = useState<'session' | 'imported'>('session');
  const [result, setResult] = useState<RoutedText | string | null>(null);
  if (!hasSession && !hasImported) return <Waiting what="Train or import a router first." />;
  const using = hasImported && (which === 'imported' || !hasSession) ? 'imported' : 'session';
  return (
    <form
      className="rl-stack"
      onSubmit={(e) => {
        e.preventDefault();
        setResult(routeText(text, using));
      }}
    >
      <textarea
        className="rl-textarea"
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // A shown decision always belongs to the text above it.
          setResult(null);
        }}
        placeholder="Type a prompt to route"
        aria-label="Prompt to route"
        data-testid="route-text"
      />
      <RoutingAt which={using} />
      <div className="rl-row">
        {hasImported && hasSession ? (
          <select
            className="rl-select"
            value={which}
            onChange={(e) => setWhich(e.target.value as 'session' | 'imported')}
            aria-label="Router"
            data-testid="route-which"
          >
            <option value="session">session router (the exported file)</option>
            <option value="imported">imported router (other data)</option>
          </select>
        ) : null}
        <button className="rl-button" type="submit" disabled={!text.trim()} data-testid="route-button">
          Route
        </button>
      </div>
      {typeof result === 'string' ? (
        <div className="rl-notice rl-notice--error" role="alert" data-testid="route-error">
          {result}
        </div>
      ) : null}
      {result && typeof result !== 'string' ? <Decision result={result} /> : null}
    </form>
  );
}
