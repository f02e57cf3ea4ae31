/**
 * The prompt map's legend: one row per category with its colour and prompt count. A listbox with
 * one tab stop (arrow keys move, Enter or Space picks), so 100 LLMs or clusters cost one Tab; a
 * picked category is highlighted on the map.
 */
import { formatPercent } from './format';
import { useRovingList } from './useRovingList';

export interface LegendEntry {
  label: string;
  colour: string;
  count: number;
}

export interface MapLegendProps {
  /** Accessible name, e.g. "Legend: colour by cluster". */
  label: string;
  entries: readonly LegendEntry[];
  /** Prompts without a category (drawn grey), when any. */
  none?: LegendEntry | null;
  total: number;
  /** Highlighted category (null: none). */
  active: number | null;
  onToggle?: (category: number) => void;
}

export function MapLegend({ label, entries, none, total, active, onToggle }: MapLegendProps) {
  const roving = useRovingList(entries.length, (i) => onToggle?.(i));
  return (
    <div className="rl-map-legend">
      <ul className="rl-map-legend__list" role="listbox" aria-label={label} onKeyDown={roving.onKeyDown} data-testid="map-legend">
        {entries.map((e, i) => (
          <li
            key={i}
            role="option"
            aria-selected={active === i}
            className={`rl-map-legend__item${active === i ? ' rl-map-legend__item--active' : ''}`}
            onClick={() => {
              roving.setActive(i);
              onToggle?.(i);
            }}
            {...roving.rowProps(i)}
          >
            <span className="rl-swatch" style={{ background: e.colour }} aria-hidden="true" />
            <span className="rl-map-legend__label">{e.label}</span>
            <span className="rl-map-legend__count">
              {e.count.toLocaleString()} <span className="rl-muted">({formatPercent(e.count / Math.max(1, total), 0)})</span>
            </span>
          </li>
        ))}
      </ul>
      {none && none.count > 0 ? (
        <p className="rl-map-legend__none rl-small">
          <span className="rl-swatch" style={{ background: none.colour }} aria-hidden="true" />
          {none.label}: {none.count.toLocaleString()}
        </p>
      ) : null}
    </div>
  );
}
