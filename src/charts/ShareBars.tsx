/**
 * Horizontal bars: the share of prompts routed to each LLM at the current cost penalty, LLMs sorted
 * by cost, each labelled with its cost. Plain DOM bars (one memoised row per LLM, width by a CSS
 * transform) rather than recharts: this chart changes on every slider step, and a recharts BarChart
 * re-renders all of its SVG on each commit, which leaves too little of a frame for the rest.
 */
import { memo } from 'react';
import { ACCENT } from './chartTheme';
import { formatCost, formatPercent } from './format';
import { costOrder } from './heatmapLayout';
import { ChartFrame } from './ChartFrame';
import { barsSvg } from './export/barsSvg';

export interface ShareBarDatum {
  name: string;
  /** c(h) per call, in the dataset's unit. */
  cost: number;
  /** Fraction of prompts routed to this LLM, in [0, 1]. */
  share: number;
  /** An LLM added after training (bar drawn in the "new" accent). */
  isNew?: boolean;
}

export interface ShareBarsProps {
  models: readonly ShareBarDatum[];
  /** Unit of cost shown in the labels, e.g. "USD/1M tokens". */
  costUnit?: string;
  /** Row order: by cost ascending (default; ties keep the input order) or as given. */
  sortBy?: 'cost' | 'input';
  /** Name of an LLM to emphasise (e.g. the winner for a picked prompt). */
  highlightName?: string;
  /** Hide LLMs that receive no prompts (default false: every LLM keeps its row, so bars do not jump). */
  hideZero?: boolean;
  /** Scroll the list beyond this height in px (default: no limit). */
  maxHeight?: number;
  ariaLabel?: string;
}

interface RowProps {
  name: string;
  cost: number;
  share: number;
  isNew: boolean;
  highlight: boolean;
  costUnit: string;
}

const ShareRow = memo(function ShareRow({ name, cost, share, isNew, highlight, costUnit }: RowProps) {
  const s = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  const color = isNew ? ACCENT.singleNew : highlight ? ACCENT.operatingPoint : ACCENT.train;
  const costText = formatCost(cost, costUnit);
  return (
    <li
      className={['rl-bars__row', highlight ? 'is-highlight' : ''].filter(Boolean).join(' ')}
      title={`${name}: cost ${costText}, ${formatPercent(s, 1)} of prompts`}
    >
      <span className="rl-bars__label">
        <span className="rl-bars__name">
          {name}
          {isNew ? <span className="rl-tag">new</span> : null}
        </span>
        <span className="rl-bars__cost rl-num">{costText}</span>
      </span>
      <span className="rl-bars__track" aria-hidden="true">
        <span className="rl-bars__fill" style={{ transform: `scaleX(${s})`, background: color }} />
      </span>
      <span className="rl-bars__value rl-num">{formatPercent(s, 1)}</span>
    </li>
  );
});

function ShareBarsImpl({
  models,
  costUnit = '',
  sortBy = 'cost',
  highlightName,
  hideZero = false,
  maxHeight,
  ariaLabel = 'Share of prompts routed to each LLM',
}: ShareBarsProps) {
  // Sorting a few dozen costs per render is cheaper than memoising on them; rows keep their keys.
  const order = sortBy === 'cost' ? costOrder(models.map((m) => m.cost)) : models.map((_, i) => i);
  const shown = order.map((i) => models[i]).filter((m) => m && !(hideZero && !(m.share > 0)));
  const colorOf = (m: ShareBarDatum) => (m.isNew ? ACCENT.singleNew : m.name === highlightName ? ACCENT.operatingPoint : ACCENT.train);
  return (
    <ChartFrame
      title={ariaLabel}
      testId="share-bars-chart"
      toSvg={() =>
        barsSvg(
          shown.map((m) => ({ name: m.name, costText: formatCost(m.cost, costUnit), share: m.share, color: colorOf(m) })),
          ariaLabel,
        )
      }
      table={() => (
        <table className="rl-table rl-table--compact">
          <caption className="rl-visually-hidden">{ariaLabel}</caption>
          <thead>
            <tr>
              <th scope="col">LLM</th>
              <th scope="col" className="rl-num">
                Cost
              </th>
              <th scope="col" className="rl-num">
                Share of prompts
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.name}>
                <th scope="row">{m.name}</th>
                <td className="rl-num">{formatCost(m.cost, costUnit)}</td>
                <td className="rl-num">{formatPercent(m.share, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    >
      <div className="rl-bars" style={maxHeight ? { maxHeight, overflowY: 'auto' } : undefined}>
        <div className="rl-bars__axis" aria-hidden="true">
          <span className="rl-bars__label" />
          <span className="rl-bars__ticks">
            {[0, 0.25, 0.5, 0.75, 1].map((t) => (
              <span key={t} style={{ left: `${t * 100}%` }}>
                {formatPercent(t, 0)}
              </span>
            ))}
          </span>
          <span className="rl-bars__value" />
        </div>
        <ol className="rl-bars__list" aria-label={ariaLabel}>
          {order.map((i) => {
            const m = models[i];
            if (!m || (hideZero && !(m.share > 0))) return null;
            return (
              <ShareRow
                key={i}
                name={m.name}
                cost={m.cost}
                share={m.share}
                isNew={!!m.isNew}
                highlight={m.name === highlightName}
                costUnit={costUnit}
              />
            );
          })}
        </ol>
      </div>
    </ChartFrame>
  );
}

/** Memoised; each row re-renders only when its own share changes. */
export const ShareBars = memo(ShareBarsImpl);
