/**
 * 6 Deferral curves: UniRoute (K-means), UniRoute (learned map), K-NN, ZeroRouter and the oracle
 * on the test prompts for the test pool, every single LLM as a point, the current penalty marked;
 * Area, Area(50%), QNC and AIQ per method; curves and metrics as CSV.
 */
import { useMemo } from 'react';
import { DeferralChart, MetricTable, Panel, formatCostPenalty, type MetricRow } from '../charts';
import { METHOD_LABELS, type MethodName } from '../core/eval';
import { POOL_METHODS, curvesCsv, metricsCsv, type SessionPool } from '../core/explorer';
import { useAppStore } from '../state/store';
import { freshBootstrap } from '../state/trustActions';
import { Waiting, downloadText } from './common';
import { useDeferralControls } from './useDeferralControls';
import { UncertaintyPanel } from './UncertaintyPanel';

/**
 * A method's label: "(estimated)" where it rests on an added LLM's predicted scores; the oracle sees
 * only test scores, so with such an LLM in the pool it bounds the LLMs that have them.
 */
function methodLabel(pool: SessionPool, m: MethodName): string {
  if (m === 'oracle' && pool.estimated.some(Boolean)) return `${METHOD_LABELS[m]} (LLMs with test scores)`;
  return `${METHOD_LABELS[m]}${pool.methods[m]!.estimated ? ' (estimated)' : ''}`;
}

function Chart() {
  const pool = useAppStore((s) => s.session.pool);
  const op = useAppStore((s) => s.routing.live?.operatingPoint);
  const lambda = useAppStore((s) => s.routing.costPenalty);
  const method = useAppStore((s) => s.routing.method);
  const summary = useAppStore(freshBootstrap);
  const showBands = useAppStore((s) => s.trust.showBands);
  const bands = useMemo(
    () =>
      showBands && summary
        ? Object.entries(summary.methods).map(([id, u]) => ({ id, cost: u!.band.cost, lo: u!.band.lo, hi: u!.band.hi }))
        : undefined,
    [showBands, summary],
  );
  const curves = useMemo(
    () =>
      pool
        ? POOL_METHODS.filter((m) => pool.methods[m]).map((m) => ({
            id: m,
            label: methodLabel(pool, m),
            points: pool.methods[m]!.front.map((p) => [p.cost, p.accuracy] as const),
            dashed: pool.methods[m]!.estimated,
            // The oracle routes with the true errors of the test prompts: a bound, not a router.
            bound: m === 'oracle',
          }))
        : [],
    [pool],
  );
  const controls = useDeferralControls('curves');
  const singles = useMemo(
    () =>
      pool
        ? pool.singles.map((s, h) => ({
            name: s.estimated ? `${s.name} (est.)` : s.name,
            cost: s.cost,
            accuracy: s.accuracy,
            isNew: pool.added[h],
          }))
        : [],
    [pool],
  );
  if (!pool) return <Waiting what="Curves appear after training." />;
  return (
    <DeferralChart
      curves={curves}
      singles={singles}
      operatingPoint={op ? { ...op, label: `${METHOD_LABELS[method]}, ${formatCostPenalty(lambda)}` } : undefined}
      height={420}
      bands={bands}
      ariaLabel="Deferral curves: accuracy against normalised cost for every router and baseline"
      {...controls}
    />
  );
}

function Metrics() {
  const pool = useAppStore((s) => s.session.pool);
  const method = useAppStore((s) => s.routing.method);
  const summary = useAppStore(freshBootstrap);
  const rows = useMemo<MetricRow[]>(
    () =>
      pool
        ? POOL_METHODS.filter((m) => pool.methods[m]).map((m) => ({
            id: m,
            label: methodLabel(pool, m),
            ...pool.methods[m]!.metrics,
            bound: m === 'oracle',
            ci: summary?.methods[m]?.ci,
          }))
        : [],
    [pool, summary],
  );
  if (!pool) return null;
  return (
    <div data-testid="metric-table">
      <MetricTable
        rows={rows}
        highlightId={method}
        caption={`Test prompts: ${pool.n.toLocaleString()}; test pool: ${pool.names.length} LLMs; QNC target: the most accurate test LLM (${(pool.qncTarget * 100).toFixed(1)}%). Bold: the best router per column; the oracle, which sees the test errors, is an upper bound${
          pool.estimated.some(Boolean)
            ? ' for the LLMs with test scores: an added LLM known only from its validation scores is estimated (est.), and routing to it can draw above the oracle'
            : ''
        }.`}
      />
    </div>
  );
}

export function CurvesView() {
  const pool = useAppStore((s) => s.session.pool);
  const actions = pool ? (
    <>
      <button
        className="rl-button rl-button--small"
        type="button"
        onClick={() => downloadText('routelab-curves.csv', curvesCsv(pool), 'text/csv')}
        data-testid="download-curves"
      >
        Curves CSV
      </button>
      <button
        className="rl-button rl-button--small"
        type="button"
        onClick={() => downloadText('routelab-metrics.csv', metricsCsv(pool), 'text/csv')}
        data-testid="download-metrics"
      >
        Metrics CSV
      </button>
    </>
  ) : null;
  return (
    <div className="rl-grid">
      <Panel
        title="Deferral curves"
        subtitle="Accuracy against mean cost / max test-pool cost, swept over every cost-penalty breakpoint (exact); the red dot is the current routing"
        className="rl-span-all"
        actions={actions}
        id="panel-curves"
      >
        <div className="rl-stack">
          <Chart />
          <Metrics />
        </div>
      </Panel>
      {pool ? (
        <Panel
          title="Uncertainty and verdicts"
          subtitle="Paired bootstrap over the test prompts, in the worker: 95% intervals in the table, bands on the curves, UniRoute against the baselines"
          className="rl-span-all"
          id="panel-uncertainty"
        >
          <UncertaintyPanel />
        </Panel>
      ) : null}
    </div>
  );
}
