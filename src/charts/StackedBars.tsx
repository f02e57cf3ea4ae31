/**
 * Where prompts go: one horizontal bar per group (a task, a cluster), split by the LLM each prompt
 * of the group is routed to. Plain DOM (widths in percent), so it follows the cost-penalty slider
 * without redrawing an SVG chart; every segment names its LLM, count and share in a tooltip.
 */
import { memo } from 'react';
import { formatPercent } from './format';

export interface StackedSeries {
  name: string;
  color: string;
}

export interface StackedGroup {
  label: string;
  /** Prompts per series (same order as `series`). */
  counts: readonly number[];
}

export interface StackedBarsProps {
  series: readonly StackedSeries[];
  groups: readonly StackedGroup[];
  /** What a group is, for the tooltips (e.g. "task", "cluster"). */
  groupKind: string;
  ariaLabel: string;
  /** Scroll the rows beyond this height in px. */
  maxHeight?: number;
}

const Row = memo(function Row({ group, series, groupKind }: { group: StackedGroup; series: readonly StackedSeries[]; groupKind: string }) {
  const total = group.counts.reduce((a, b) => a + b, 0);
  const top = group.counts.reduce((best, c, i) => (c > group.counts[best] ? i : best), 0);
  const summary = `${groupKind} ${group.label}: ${total} prompts; most to ${series[top]?.name ?? '—'} (${formatPercent(total ? group.counts[top] / total : 0, 0)})`;
  return (
    <li className="rl-stacked__row" title={summary} aria-label={summary}>
      <span className="rl-stacked__label">{group.label}</span>
      <span className="rl-stacked__track" aria-hidden="true">
        {group.counts.map((c, i) =>
          c > 0 ? (
            <span
              key={i}
              className="rl-stacked__seg"
              style={{ width: `${(100 * c) / total}%`, background: series[i]?.color }}
              title={`${groupKind} ${group.label} → ${series[i]?.name}: ${c} prompts (${formatPercent(c / total, 1)})`}
            />
          ) : null,
        )}
      </span>
      <span className="rl-stacked__total rl-num">{total}</span>
    </li>
  );
});

function StackedBarsImpl({ series, groups, groupKind, ariaLabel, maxHeight }: StackedBarsProps) {
  const used = series.filter((_, i) => groups.some((g) => g.counts[i] > 0));
  return (
    <div className="rl-stacked">
      <div className="rl-legend" aria-label="LLMs">
        {used.map((s) => (
          <span key={s.name} className="rl-legend__item rl-legend__static">
            <span className="rl-legend__dot" style={{ background: s.color }} aria-hidden="true" />
            {s.name}
          </span>
        ))}
      </div>
      <ol className="rl-stacked__list" aria-label={ariaLabel} style={maxHeight ? { maxHeight, overflowY: 'auto' } : undefined}>
        {groups.map((g) => (
          <Row key={g.label} group={g} series={series} groupKind={groupKind} />
        ))}
      </ol>
    </div>
  );
}

export const StackedBars = memo(StackedBarsImpl);
