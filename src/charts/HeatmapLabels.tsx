/**
 * DOM labels of the error heatmap (memoised, so hovering cells never re-renders them): the LLM rows
 * (name, "new" tag, cost) and the cluster column headers (buttons with roving focus, arrow keys).
 */
import { memo, type KeyboardEvent } from 'react';
import { clusterColor } from './colorScale';
import { formatCost } from './format';
import { labelStep } from './heatmapLayout';

/** One LLM row of the error heatmap. */
export interface HeatmapModel {
  name: string;
  /** c(h) per call in the dataset's unit. */
  cost: number;
  /** An LLM added after training (tagged "new"). */
  isNew?: boolean;
  /** In the unseen test pool (tagged "(test)", a tag apart from the name so a long name never hides it). */
  isTest?: boolean;
}

export interface RowLabelsProps {
  models: readonly HeatmapModel[];
  order: readonly number[];
  rowHeight: number;
  costUnit: string;
  activeRow: number | null;
}

export const RowLabels = memo(function RowLabels({ models, order, rowHeight, costUnit, activeRow }: RowLabelsProps) {
  return (
    <div className="rl-heatmap__rows">
      {order.map((h, r) => (
        <div
          key={h}
          className={['rl-heatmap__row', r === activeRow ? 'is-active' : ''].filter(Boolean).join(' ')}
          style={{ height: rowHeight }}
          title={`${models[h].name}${models[h].isTest ? ' (test)' : ''}: cost ${formatCost(models[h].cost, costUnit)}`}
        >
          <span className={['rl-heatmap__name', rowHeight >= 26 ? 'rl-heatmap__name--wrap' : ''].filter(Boolean).join(' ')}>
            {models[h].name}
          </span>
          {models[h].isTest ? <span className="rl-heatmap__test">(test)</span> : null}
          {models[h].isNew ? <span className="rl-tag">new</span> : null}
          <span className="rl-heatmap__cost rl-num">{formatCost(models[h].cost)}</span>
        </div>
      ))}
    </div>
  );
});

export interface HeadersProps {
  clusterCount: number;
  /** Header row height in px. */
  height: number;
  cellWidth: number;
  selected: number | null;
  onSelect?: (k: number | null) => void;
  label: (k: number) => string;
  /** A second, smaller header line (e.g. the cluster's dominant task), shown where the cell is wide enough. */
  detail?: (k: number) => string;
}

/** Narrowest cell that shows the header's detail line. */
const DETAIL_MIN_WIDTH = 56;

export const ColumnHeaders = memo(function ColumnHeaders({
  clusterCount,
  height,
  cellWidth,
  selected,
  onSelect,
  label,
  detail,
}: HeadersProps) {
  const step = labelStep(cellWidth);
  const focusable = selected ?? 0;
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const k = Number(target.dataset.col);
    if (!Number.isFinite(k)) return;
    const next =
      event.key === 'ArrowRight'
        ? k + 1
        : event.key === 'ArrowLeft'
          ? k - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? clusterCount - 1
              : -1;
    if (next < 0 || next >= clusterCount) return;
    event.preventDefault();
    (event.currentTarget.querySelector(`[data-col="${next}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <div className="rl-heatmap__headers" role="toolbar" aria-label="Clusters (select to highlight)" onKeyDown={onKey} style={{ height }}>
      {Array.from({ length: clusterCount }, (_, k) => (
        <button
          key={k}
          type="button"
          data-col={k}
          className={['rl-heatmap__col', k === selected ? 'is-selected' : ''].filter(Boolean).join(' ')}
          style={{ width: cellWidth, borderBottomColor: clusterColor(k) }}
          tabIndex={k === focusable ? 0 : -1}
          aria-pressed={k === selected}
          title={`Cluster ${label(k)}${detail ? `: ${detail(k)}` : ''}`}
          onClick={() => onSelect?.(k === selected ? null : k)}
        >
          {/* The accessible name is the visible text plus hidden words, so it starts with what is shown. */}
          <span className="rl-visually-hidden">Cluster </span>
          {k % step === 0 ? <span>{label(k)}</span> : <span className="rl-visually-hidden">{label(k)}</span>}
          {detail ? (
            <span className={cellWidth >= DETAIL_MIN_WIDTH ? 'rl-heatmap__col-detail' : 'rl-visually-hidden'}>
              <span className="rl-visually-hidden">: </span>
              {detail(k)}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
});
