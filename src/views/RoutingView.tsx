/**
 * 5 Routing: the cost-penalty slider (log scale, keyboard operable); while it moves, the share of
 * test prompts sent to each LLM, mean cost, accuracy and the operating point on the deferral curve,
 * all from one core routeLive call. The slider, lambda's notes and "set penalty for a target": RoutingPenalty.tsx.
 */
import { useMemo } from 'react';
import { DeferralChart, Panel, ShareBars, formatCost, formatCostPenalty, formatPercent, type ShareBarDatum } from '../charts';
import { METHOD_LABELS } from '../core/eval';
import { explainPrompt, frontAbove } from '../core/explorer';
import { useAppStore } from '../state/store';
import { setRoutingMethod } from '../state/liveActions';
import { ROUTING_METHODS, type RoutingMethod } from '../state/urlState';
import { Stat, Waiting } from './common';
import { PromptExplain } from './PromptExplain';
import { PenaltySlider, TargetForm } from './RoutingPenalty';
import { useDeferralControls } from './useDeferralControls';
import { PayingPanel } from './PayingPanel';
import { ShiftPanel } from './ShiftPanel';

function MethodSelect() {
  const pool = useAppStore((s) => s.session.pool);
  const method = useAppStore((s) => s.routing.method);
  return (
    <label className="rl-row rl-small">
      Router
      <select
        className="rl-select"
        value={method}
        onChange={(e) => setRoutingMethod(e.target.value as RoutingMethod)}
        aria-label="Router to route with"
        data-testid="routing-method"
      >
        {ROUTING_METHODS.filter((m) => pool?.methods[m]).map((m) => (
          <option key={m} value={m}>
            {METHOD_LABELS[m]}
          </option>
        ))}
      </select>
    </label>
  );
}

function LiveStats() {
  const live = useAppStore((s) => s.routing.live);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  const liveMs = useAppStore((s) => s.routing.liveMs);
  const n = useAppStore((s) => s.session.pool?.n ?? 0);
  if (!live) return null;
  const estimated = live.estimatedPrompts > 0;
  return (
    <div className="rl-stats">
      <Stat
        label={estimated ? 'Accuracy (estimated)' : 'Accuracy'}
        value={formatPercent(live.accuracy, 2)}
        testId="live-accuracy"
        title={
          estimated
            ? `${live.estimatedPrompts} prompts go to an added LLM without test scores: counted at 1 - gamma`
            : 'Mean score of the chosen LLMs on the test prompts'
        }
      />
      <Stat
        label="Mean cost / prompt"
        value={formatCost(live.meanCost)}
        title={unit ? `Mean c(h) of the chosen LLMs, in ${unit}` : 'Mean c(h) of the chosen LLMs'}
        testId="live-cost"
      />
      <Stat
        label="Normalised cost"
        value={formatPercent(live.meanCostNormalised, 1)}
        title="Mean cost / max test-pool cost (the curve's x axis)"
        testId="live-cost-normalised"
      />
      <Stat label="Test prompts" value={n.toLocaleString()} title={liveMs !== null ? `routed in ${liveMs.toFixed(2)} ms` : undefined} />
    </div>
  );
}

function Shares() {
  const pool = useAppStore((s) => s.session.pool);
  const share = useAppStore((s) => s.routing.live?.share);
  const method = useAppStore((s) => s.routing.method);
  const row = useAppStore((s) => s.routing.selectedRow);
  const lambda = useAppStore((s) => s.routing.costPenalty);
  // The picked prompt's winner is emphasised among the bars.
  const winner = useMemo(
    () =>
      pool && row !== null && row < pool.n && pool.methods[method]
        ? pool.names[explainPrompt(pool, method, row, lambda).winner]
        : undefined,
    [pool, method, row, lambda],
  );
  const models = useMemo<ShareBarDatum[]>(
    () => (pool && share ? pool.names.map((name, h) => ({ name, cost: pool.costs[h], share: share[h] ?? 0, isNew: pool.added[h] })) : []),
    [pool, share],
  );
  if (!models.length) return null;
  return (
    <div data-testid="share-bars">
      {/* No unit in the bar labels: a long unit would crowd out the LLM names (it is in the panel subtitle). */}
      <ShareBars models={models} highlightName={winner} ariaLabel="Share of test prompts routed to each LLM" />
    </div>
  );
}

function OperatingPointChart() {
  const pool = useAppStore((s) => s.session.pool);
  const method = useAppStore((s) => s.routing.method);
  const op = useAppStore((s) => s.routing.live?.operatingPoint);
  const lambda = useAppStore((s) => s.routing.costPenalty);
  const curves = useMemo(() => {
    const view = pool?.methods[method];
    return view
      ? [
          {
            id: method,
            label: METHOD_LABELS[method],
            points: view.front.map((p) => [p.cost, p.accuracy] as const),
            dashed: view.estimated,
            bound: method === 'oracle',
          },
        ]
      : [];
  }, [pool, method]);
  const controls = useDeferralControls('routing');
  const singles = useMemo(
    () => (pool ? pool.singles.map((s, h) => ({ name: s.name, cost: s.cost, accuracy: s.accuracy, isNew: pool.added[h] })) : []),
    [pool],
  );
  const above = useMemo(() => {
    const view = pool?.methods[method];
    return view && op ? frontAbove(view.front, op) : null;
  }, [pool, method, op]);
  if (!pool) return null;
  return (
    <>
      <DeferralChart
        curves={curves}
        singles={singles}
        operatingPoint={op ? { ...op, label: formatCostPenalty(lambda) } : undefined}
        height={300}
        ariaLabel="Deferral curve of the current router with the operating point"
        {...controls}
      />
      {above && op ? (
        <p className="rl-small rl-muted" data-testid="operating-point-below">
          At this λ the routing (accuracy {formatPercent(op.accuracy, 1)}, cost {formatPercent(op.cost, 1)} of the most expensive test
          LLM&apos;s) sits below the curve: a routing at another λ reaches {formatPercent(above.accuracy, 1)} at{' '}
          {formatPercent(above.cost, 1)}. The curve keeps only the routings no other beats on both; at a low λ the router trusts its
          predicted errors γ even where they are wrong.
        </p>
      ) : null}
    </>
  );
}

export function RoutingView() {
  const pool = useAppStore((s) => s.session.pool);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  if (!pool) {
    return (
      <Panel title="Routing" id="panel-routing">
        <Waiting what="Routing appears after training." />
      </Panel>
    );
  }
  return (
    <div className="rl-stack" style={{ gap: 'var(--rl-space-4)' }}>
      <div className="rl-grid">
        <Panel
          title="Routing at a cost penalty"
          subtitle={`argmin over the routing pool (the unseen test pool and added LLMs) of γ(x,h) + λ·c(h); c(h) in ${unit || 'the dataset unit'}`}
          actions={<MethodSelect />}
          id="panel-routing"
        >
          <div className="rl-stack">
            <PenaltySlider />
            <LiveStats />
            <Shares />
          </div>
        </Panel>
        <Panel
          title="Operating point"
          subtitle="The current routing on the router's deferral curve (test prompts, test pool)"
          id="panel-operating-point"
        >
          <div className="rl-stack">
            <OperatingPointChart />
            <TargetForm />
          </div>
        </Panel>
      </div>
      <Panel
        title="Is routing paying?"
        subtitle="At the current λ and router, on the test prompts with their true labels: against one LLM, a static mix and the oracle"
        id="panel-paying"
      >
        <PayingPanel />
      </Panel>
      <Panel
        title="Why this LLM?"
        subtitle="Pick a test prompt: each LLM's predicted error γ, its cost penalty λ·c and the total; the lowest total wins (its bar is highlighted above)"
        id="panel-explain"
      >
        <PromptExplain />
      </Panel>
      <Panel
        title="Deployment-shift preview"
        subtitle="What the trained router would do with your production prompts: their cluster mix against the benchmark's, and the predicted shares, cost and accuracy at the current λ"
        id="panel-shift"
      >
        <ShiftPanel />
      </Panel>
    </div>
  );
}
