/**
 * The onboarding simulator's per-budget pictures: the left-out LLM's per-cluster error estimated
 * from n labels (interval across repeats) against the estimate from all its labels (Wilson
 * interval), and the deferral curve with the n-label profile (band across repeats) against the
 * curve with the full profile and the pool without the LLM.
 */
import { useMemo } from 'react';
import { DeferralChart, WhiskerChart, formatPercent, type DeferralCurve, type WhiskerSeries } from '../charts';
import type { OnboardingReport } from '../state/trustSlice';

const FULL = '#16a34a';
const ESTIMATED = '#2563eb';
const WITHOUT = '#9ca3af';

export function OnboardingCharts({ r, selected }: { r: OnboardingReport; selected: number }) {
  const b = r.byLabels[selected];
  const n = b.labels === 'all' ? `all ${b.n}` : String(b.n);
  const psi = useMemo<WhiskerSeries[]>(
    () => [
      {
        id: 'full',
        label: `all ${r.counts.valScored} labels (95% Wilson interval)`,
        color: FULL,
        values: r.full.psi,
        lo: r.full.interval.map((i) => i[0]),
        hi: r.full.interval.map((i) => i[1]),
      },
      { id: 'n', label: `${n} labels (mean, 95% across repeats)`, color: ESTIMATED, values: b.psi.mean, lo: b.psi.lo, hi: b.psi.hi },
    ],
    [r, b, n],
  );
  const curves = useMemo<DeferralCurve[]>(() => {
    const on = (acc: readonly number[]) => r.grid.map((c, i) => [c, acc[i]] as const);
    return [
      { id: 'onboard-full', label: `${r.model} from all its labels`, color: FULL, points: on(r.full.curve) },
      { id: 'onboard-n', label: `${r.model} from ${n} labels (mean)`, color: ESTIMATED, points: on(b.curve.accuracy), dashed: true },
      { id: 'onboard-without', label: `without ${r.model}`, color: WITHOUT, points: on(r.without.curve), dashed: true },
    ];
  }, [r, b, n]);
  const bands = useMemo(() => [{ id: 'onboard-n', cost: r.grid, lo: b.curve.lo, hi: b.curve.hi }], [r, b]);
  return (
    <div className="rl-grid" data-testid="onboard-charts">
      <div>
        <h3 className="rl-small rl-muted">
          Error of {r.model} per cluster: from {n} labels against all its labels
        </h3>
        <WhiskerChart
          categories={r.full.psi.map((_, k) => String(k))}
          series={psi}
          format={(v) => formatPercent(v, 0)}
          xLabel="cluster"
          yLabel="error Ψ"
          ariaLabel={`Per-cluster error of ${r.model} estimated from ${n} labels and from all labels, with intervals`}
        />
      </div>
      <div>
        <h3 className="rl-small rl-muted">Deferral curve of the whole pool on the test prompts</h3>
        <DeferralChart
          curves={curves}
          singles={[]}
          bands={bands}
          height={260}
          ariaLabel={`Deferral curves with ${r.model} added from ${n} labels, from all labels, and without it`}
        />
      </div>
    </div>
  );
}
