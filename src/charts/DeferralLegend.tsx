/** The deferral chart's legend: a button per curve (click to show or hide it), then the point markers. */
import { ACCENT } from './chartTheme';

export interface LegendCurve {
  id: string;
  label: string;
  color: string;
  dash: string;
  width: number;
  /** A bound (the oracle), not a router: its entry says "upper bound". */
  bound: boolean;
}

export interface DeferralLegendProps {
  curves: readonly LegendCurve[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string) => void;
  hasNew: boolean;
  hasOperating: boolean;
}

export function DeferralLegend({ curves, hidden, onToggle, hasNew, hasOperating }: DeferralLegendProps) {
  return (
    <div className="rl-legend" role="group" aria-label="Curves (click to show or hide)">
      {curves.map((c) => (
        <button
          key={c.id}
          type="button"
          className="rl-legend__item"
          aria-pressed={!hidden.has(c.id)}
          onClick={() => onToggle(c.id)}
          data-curve={c.id}
        >
          <svg width="22" height="8" aria-hidden="true">
            <line x1="1" y1="4" x2="21" y2="4" stroke={c.color} strokeWidth={c.width} strokeDasharray={c.dash || undefined} />
          </svg>
          {c.label}
          {c.bound ? <span className="rl-legend__bound">upper bound</span> : null}
        </button>
      ))}
      <span className="rl-legend__item rl-legend__static">
        <span className="rl-legend__dot" style={{ background: ACCENT.single }} aria-hidden="true" />
        Single LLMs
      </span>
      {hasNew ? (
        <span className="rl-legend__item rl-legend__static">
          <span className="rl-legend__diamond" style={{ background: ACCENT.singleNew }} aria-hidden="true" />
          New LLMs
        </span>
      ) : null}
      {hasOperating ? (
        <span className="rl-legend__item rl-legend__static">
          <span className="rl-legend__dot rl-legend__dot--big" style={{ background: ACCENT.operatingPoint }} aria-hidden="true" />
          Operating point
        </span>
      ) : null}
    </div>
  );
}
