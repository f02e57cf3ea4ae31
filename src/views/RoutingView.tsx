/**
 * 5 Routing: the cost-penalty slider (log scale, keyboard operable); while it moves, the share of
 * test prompts sent to each LLM, mean cost, accuracy and the operating point on the deferral curve,
 * all from one core routeLive call. "Set penalty for a target" reads the exact curve.
 */
import { useMemo, useState } from 'react';
import {
  CostPenaltySlider,
  DeferralChart,
  Panel,
  ShareBars,
  formatCost,
  formatCostPenalty,
  formatPercent,
  formatSignificant,
  type ShareBarDatum,
} from '../charts';
import { METHOD_LABELS } from '../core/eval';
import { explainPrompt } from '../core/explorer';
import { useAppStore } from '../state/store';
import { setCostPenalty, setPenaltyForTarget, setRoutingMethod, sliderRange } from '../state/liveActions';
import { ROUTING_METHODS, type RoutingMethod } from '../state/urlState';
import { Stat, Waiting } from './common';
import { PromptExplain } from './PromptExplain';
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
  if (!pool) return null;
  return (
    <DeferralChart
      curves={curves}
      singles={singles}
      operatingPoint={op ? { ...op, label: formatCostPenalty(lambda) } : undefined}
      height={300}
      ariaLabel="Deferral curve of the current router with the operating point"
      {...controls}
    />
  );
}

function TargetForm() {
  const [accuracy, setAccuracy] = useState('');
  const [budget, setBudget] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const apply = (kind: 'accuracy' | 'budget', text: string) => {
    const value = Number(text) / 100;
    if (!(text.trim() !== '' && Number.isFinite(value))) {
      setMessage('Enter a percentage.');
      return;
    }
    const choice = setPenaltyForTarget(kind, value);
    setMessage(
      choice
        ? `${formatCostPenalty(choice.costPenalty)} (any λ in [${formatSignificant(choice.from)}, ${Number.isFinite(choice.to) ? formatSignificant(choice.to) : '∞'})): accuracy ${formatPercent(choice.point.accuracy, 2)} at normalised cost ${formatPercent(choice.point.cost, 1)}.`
        : kind === 'accuracy'
          ? 'No cost penalty reaches that accuracy with this router.'
          : 'Even the cheapest routing costs more than that budget.',
    );
  };
  return (
    <div className="rl-stack">
      <div className="rl-form-grid">
        <TargetField
          id="target-accuracy"
          label="Cheapest routing reaching accuracy (%)"
          value={accuracy}
          onChange={setAccuracy}
          onSubmit={() => apply('accuracy', accuracy)}
        />
        <TargetField
          id="target-budget"
          label="Best accuracy under cost (% of max)"
          value={budget}
          onChange={setBudget}
          onSubmit={() => apply('budget', budget)}
        />
      </div>
      {message ? (
        <div className="rl-small" role="status" data-testid="target-result">
          {message}
        </div>
      ) : null}
    </div>
  );
}

/** One "set penalty for a target" field: a percentage and a Set λ button. */
function TargetField({
  id,
  label,
  value,
  onChange,
  onSubmit,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  onSubmit: () => void;
}) {
  return (
    <form
      className="rl-field"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label className="rl-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="rl-row">
        <input
          id={id}
          className="rl-input"
          type="number"
          step="0.1"
          min={0}
          max={100}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          style={{ width: 90 }}
        />
        <button className="rl-button rl-button--small" type="submit">
          Set λ
        </button>
      </div>
    </form>
  );
}

function Slider() {
  const pool = useAppStore((s) => s.session.pool);
  const method = useAppStore((s) => s.routing.method);
  const lambda = useAppStore((s) => s.routing.costPenalty);
  const note = useAppStore((s) => s.routing.penaltyNote);
  const range = useMemo(() => sliderRange(pool?.methods[method]?.points), [pool, method]);
  return (
    <div data-testid="cost-penalty" className="rl-stack" style={{ gap: 'var(--rl-space-2)' }}>
      <CostPenaltySlider value={lambda} min={range.min} max={range.max} onChange={setCostPenalty} id="cost-penalty-slider" />
      {note ? (
        <div className="rl-notice rl-notice--ok" data-testid="penalty-note">
          {note}
        </div>
      ) : null}
    </div>
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
          subtitle={`argmin over the test pool of γ(x,h) + λ·c(h); c(h) in ${unit || 'the dataset unit'}`}
          actions={<MethodSelect />}
          id="panel-routing"
        >
          <div className="rl-stack">
            <Slider />
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
