/**
 * "Is routing paying?" beside the Routing view's operating point (docs/trust.md section 3): at
 * the current lambda and router, its accuracy and cost against the best single LLM that costs no
 * more, the cost-matched static mix and the oracle; the saving at the best LLM's accuracy (with
 * the bootstrap's interval when one ran); routing collapse; and where the prompts go, per task or
 * per cluster, following the slider once it rests. Everything comes from the state's payingOf selector.
 */
import { useMemo, useState } from 'react';
import { StackedBars, clusterColor, formatCostPenalty, formatPercent, type StackedGroup } from '../charts';
import { METHOD_LABELS } from '../core/eval';
import { useAppStore } from '../state/store';
import { payingOf } from '../state/paying';
import { useSettled } from './useSettled';
import type { RoutingPays } from '../core/insight';

const points = (gain: number) => `${gain >= 0 ? '+' : '−'}${(100 * Math.abs(gain)).toFixed(1)} pts`;

function Comparison({ p }: { p: RoutingPays }) {
  const best = p.bestSingleWithinCost;
  return (
    <table className="rl-table rl-table--compact" data-testid="paying-table">
      <caption>
        At {formatCostPenalty(p.costPenalty)}: the router against the alternatives at its mean cost on the test prompts (cost normalised:
        share of the most expensive test LLM)
      </caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" className="rl-num">
            Accuracy
          </th>
          <th scope="col" className="rl-num">
            Cost
          </th>
          <th scope="col" className="rl-num">
            Router's edge
          </th>
        </tr>
      </thead>
      <tbody>
        <tr className="rl-row--highlight">
          <th scope="row">Router ({METHOD_LABELS[p.method]})</th>
          <td className="rl-num">{formatPercent(p.router.accuracy, 1)}</td>
          <td className="rl-num">{formatPercent(p.router.cost, 1)}</td>
          <td className="rl-num">—</td>
        </tr>
        <tr data-row="best-single">
          <th scope="row">
            {best ? `Best single LLM at no more cost: ${best.name}` : 'Best single LLM at no more cost: none (every LLM costs more)'}
          </th>
          <td className="rl-num">{best ? formatPercent(best.accuracy, 1) : '—'}</td>
          <td className="rl-num">{best ? formatPercent(best.cost, 1) : '—'}</td>
          <td className="rl-num">{best ? points(best.accuracyGain) : '—'}</td>
        </tr>
        <tr data-row="zero-router">
          <th scope="row">Cost-matched static mix (ZeroRouter)</th>
          <td className="rl-num">{p.zeroRouterAtCost ? formatPercent(p.zeroRouterAtCost.accuracy, 1) : '—'}</td>
          <td className="rl-num">{formatPercent(p.router.cost, 1)}</td>
          <td className="rl-num">{p.zeroRouterAtCost ? points(p.zeroRouterAtCost.accuracyGain) : '—'}</td>
        </tr>
        <tr data-row="oracle">
          <th scope="row">Oracle at that cost (the most any router could reach)</th>
          <td className="rl-num">{p.oracleAtCost ? formatPercent(p.oracleAtCost.accuracy, 1) : '—'}</td>
          <td className="rl-num">{formatPercent(p.router.cost, 1)}</td>
          <td className="rl-num">{p.oracleAtCost ? points(-p.oracleAtCost.gapToOracle) : '—'}</td>
        </tr>
      </tbody>
    </table>
  );
}

function WherePromptsGo({ p }: { p: RoutingPays }) {
  const [by, setBy] = useState<'task' | 'cluster'>('task');
  const names = useAppStore((s) => s.session.pool?.names);
  const series = useMemo(() => (names ?? []).map((name, h) => ({ name, color: clusterColor(h) })), [names]);
  const groups = useMemo<StackedGroup[]>(() => {
    const g = by === 'task' ? p.byTask : p.byCluster;
    return g ? g.groups.map((label, i) => ({ label: by === 'task' ? String(label) : `cluster ${label}`, counts: g.counts[i] })) : [];
  }, [by, p]);
  return (
    <div className="rl-stack" data-testid="where-prompts-go">
      <div className="rl-row rl-small" role="radiogroup" aria-label="Group the test prompts by">
        Where the test prompts go, by
        {(['task', 'cluster'] as const).map((k) => (
          <label key={k} className="rl-checkbox">
            <input type="radio" name="paying-group" checked={by === k} onChange={() => setBy(k)} data-testid={`group-by-${k}`} />
            {k}
          </label>
        ))}
      </div>
      <StackedBars
        series={series}
        groups={groups}
        groupKind={by}
        ariaLabel={`Chosen LLM per ${by} at the current cost penalty`}
        maxHeight={320}
      />
    </div>
  );
}

const NONE: readonly string[] = [];

export function PayingPanel() {
  // Below the slider: it follows λ once the slider rests (useSettled.ts), not at every step of a drag.
  const lambda = useSettled(useAppStore((s) => s.routing.costPenalty));
  const p = useAppStore((s) => payingOf(s, lambda));
  const pool = useAppStore((s) => s.session.pool);
  const estimated = useMemo(() => (pool ? pool.names.filter((_, h) => pool.estimated[h]) : NONE), [pool]);
  const method = useAppStore((s) => s.routing.live?.method);
  if (!p) {
    return (
      <p className="rl-muted rl-small" data-testid="paying-none">
        {method === 'zero-router'
          ? 'ZeroRouter is the static mix itself: choose a router to see whether routing pays.'
          : 'Appears once a router is trained.'}
      </p>
    );
  }
  return (
    <div className="rl-stack" data-testid="paying">
      {estimated.length ? (
        <p className="rl-small rl-muted" data-testid="paying-estimated">
          Estimated in part: {estimated.join(', ')} {estimated.length === 1 ? 'has' : 'have'} no test scores, so{' '}
          {estimated.length === 1 ? 'its' : 'their'} accuracy below is predicted from validation scores (Psi), and the oracle covers only
          the LLMs with test scores.
        </p>
      ) : null}
      <p className="rl-paying__headline" data-testid="paying-saving">
        Over its whole deferral curve (at any λ), {METHOD_LABELS[p.method]} {p.saving.sentence}
        <span className="rl-small rl-muted">
          {' '}
          (the cheapest operating point that matches that LLM; the rows below are at the current λ).
        </span>
        {p.saving.interval === null && p.saving.value !== null ? (
          <span className="rl-small rl-muted"> Run the bootstrap (Deferral curves) for its 95% interval.</span>
        ) : null}
      </p>
      <Comparison p={p} />
      {p.collapse.warning ? (
        <div className="rl-notice rl-notice--warn" role="status" data-testid="collapse-warning">
          Routing has collapsed: {p.collapse.model} gets {formatPercent(p.collapse.share, 1)} of the test prompts (above{' '}
          {formatPercent(p.collapse.threshold, 0)}), so at this λ the router is close to a single LLM.
          {p.collapse.advice ? <span data-testid="collapse-advice"> {p.collapse.advice}</span> : null}
        </div>
      ) : (
        <p className="rl-small rl-muted" data-testid="collapse">
          Most used: {p.collapse.model} ({formatPercent(p.collapse.share, 1)} of the test prompts; a warning shows above{' '}
          {formatPercent(p.collapse.threshold, 0)}).
        </p>
      )}
      <WherePromptsGo p={p} />
    </div>
  );
}
