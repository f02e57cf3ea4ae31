/**
 * Error profiles Psi as a models x clusters heatmap on <canvas> (fast at 112 x 50 and beyond), with DOM
 * row labels (name + cost), clickable cluster headers, a hover / keyboard tooltip (model, cluster, error
 * rate, validation prompts behind the cell), hatched low-evidence cells and a highlighted cluster column.
 */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ColumnHeaders, RowLabels, type HeatmapModel } from './HeatmapLabels';
import { errorGradientCss, errorRgb, rgbToCss, textColorOn } from './colorScale';
import { formatCost, formatPercent } from './format';
import {
  bestPerCluster,
  cellAt,
  cellValueLabel,
  fitCellSize,
  isLowEvidence,
  labelWidthFor,
  modelOrder,
  rowHeightFor,
  type ModelSort,
} from './heatmapLayout';
import { ChartFrame } from './ChartFrame';
import { heatmapSvg } from './export/heatmapSvg';
import { HeatmapTable } from './HeatmapTable';
import { devicePixelRatioNow, useElementSize } from './useElementSize';

export type { HeatmapModel };

export interface ErrorHeatmapProps {
  /** Rows: the LLMs, in the order of psi's model-major blocks. */
  models: readonly HeatmapModel[];
  /** K, the number of clusters (columns). */
  clusterCount: number;
  /** Psi, model-major: psi[h * K + k] = error rate of model h on cluster k, in [0, 1]; NaN = no data. */
  psi: ArrayLike<number>;
  /** Validation prompts behind each cell, same layout as psi. */
  counts?: ArrayLike<number>;
  /** Cells resting on fewer validation prompts than this are hatched (default 5). */
  lowEvidenceThreshold?: number;
  /** Cluster column to highlight (null / undefined for none). */
  selectedCluster?: number | null;
  /** Column header or cell click; null when the selected column is clicked again. */
  onSelectCluster?: (cluster: number | null) => void;
  /** Row order (default 'input'). */
  sortBy?: ModelSort;
  costUnit?: string;
  /** Header / tooltip name of a cluster (default: its number). */
  clusterLabel?: (cluster: number) => string;
  /** A short description of a cluster (e.g. its dominant task): a second header line where cells are wide, and in the tooltip. */
  clusterDetail?: (cluster: number) => string;
  /** Row height in px (default: 28 for up to 16 LLMs, 22 up to 32, else 18). */
  rowHeight?: number;
  /** Max height of the scrolling grid in px (default 520); headers and labels stay in view. */
  maxHeight?: number;
}

const HEADER_HEIGHT = 30;
const TITLE = 'Error profiles Ψ: error rate of every LLM on every cluster';
// Cells grow with the panel up to MAX_CELL (wide enough for "100%"), and shrink to MIN_CELL before the grid scrolls.
const MIN_CELL = 6;
const MAX_CELL = 96;
const VALUE_FONT = '11px ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const defaultLabel = (k: number) => String(k);

interface Active {
  row: number;
  col: number;
}

function hatchPattern(ctx: CanvasRenderingContext2D): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = 'rgba(17, 24, 39, 0.55)';
  t.lineWidth = 1;
  t.beginPath();
  t.moveTo(0, 6);
  t.lineTo(6, 0);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

function ErrorHeatmapImpl({
  models,
  clusterCount,
  psi,
  counts,
  lowEvidenceThreshold = 5,
  selectedCluster = null,
  onSelectCluster,
  sortBy = 'input',
  costUnit = '',
  clusterLabel = defaultLabel,
  clusterDetail,
  rowHeight: rowHeightProp,
  maxHeight = 520,
}: ErrorHeatmapProps) {
  const rowHeight = rowHeightProp ?? rowHeightFor(models.length);
  const K = Math.max(0, Math.floor(clusterCount));
  const [measureRef, size] = useElementSize<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [active, setActive] = useState<Active | null>(null);

  const costs = useMemo(() => models.map((m) => m.cost), [models]);
  const order = useMemo(() => modelOrder(costs, psi, counts, K, sortBy), [costs, psi, counts, K, sortBy]);
  // The best LLM of each cluster (lowest error among the rows shown): a dot in its cell.
  const best = useMemo(() => bestPerCluster(psi, K, order), [psi, K, order]);
  const labelWidth = labelWidthFor(
    models.map((m) => `${m.name}${m.isTest ? ' (test)' : ''}${m.isNew ? ' new' : ''} ${formatCost(m.cost)}`),
    size.width,
  );
  // 16 px: room for a vertical scrollbar so the grid does not overflow sideways when it scrolls.
  const cellWidth = fitCellSize(Math.max(0, size.width - labelWidth - 16), K, MIN_CELL, MAX_CELL);
  const gridWidth = K * cellWidth;
  const gridHeight = order.length * rowHeight;
  const selected = selectedCluster !== null && selectedCluster >= 0 && selectedCluster < K ? selectedCluster : null;

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = devicePixelRatioNow();
    canvas.width = Math.max(1, Math.round(gridWidth * dpr));
    canvas.height = Math.max(1, Math.round(gridHeight * dpr));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, gridWidth, gridHeight);
    const gap = cellWidth >= 10 && rowHeight >= 10 ? 1 : 0;
    const hatch = hatchPattern(ctx);
    ctx.font = VALUE_FONT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    order.forEach((h, r) => {
      for (let k = 0; k < K; k++) {
        const i = h * K + k;
        const x = k * cellWidth;
        const y = r * rowHeight;
        const rgb = errorRgb(psi[i]);
        ctx.fillStyle = rgbToCss(rgb);
        ctx.fillRect(x, y, cellWidth - gap, rowHeight - gap);
        if (hatch && (isLowEvidence(counts, i, lowEvidenceThreshold) || !Number.isFinite(psi[i]))) {
          ctx.fillStyle = hatch;
          ctx.fillRect(x, y, cellWidth - gap, rowHeight - gap);
        }
        const label = cellValueLabel(psi[i], cellWidth, rowHeight);
        if (label) {
          ctx.fillStyle = textColorOn(rgb);
          ctx.fillText(label, x + (cellWidth - gap) / 2, y + (rowHeight - gap) / 2 + 0.5);
        }
      }
    });
    order.forEach((h, r) => {
      for (let k = 0; k < K; k++) {
        if (!best[k]?.includes(h)) continue;
        ctx.beginPath();
        ctx.arc(
          k * cellWidth + cellWidth - gap - Math.min(6, cellWidth / 3),
          r * rowHeight + Math.min(6, rowHeight / 3),
          Math.max(1.5, Math.min(3, cellWidth / 6)),
          0,
          2 * Math.PI,
        );
        ctx.fillStyle = '#111827';
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 1;
        ctx.fill();
        ctx.stroke();
      }
    });
    if (selected !== null) {
      ctx.strokeStyle = '#111827';
      ctx.lineWidth = 2;
      ctx.strokeRect(selected * cellWidth + 1, 1, Math.max(1, cellWidth - 2), Math.max(1, gridHeight - 2));
    }
  }, [order, psi, counts, K, cellWidth, rowHeight, gridWidth, gridHeight, lowEvidenceThreshold, selected, best]);

  const activeCell = active && active.row < order.length && active.col < K ? active : null;
  const describe = (cell: Active) => {
    const h = order[cell.row];
    const i = h * K + cell.col;
    const n = counts ? counts[i] : undefined;
    return {
      model: models[h],
      cluster: clusterLabel(cell.col),
      detail: clusterDetail?.(cell.col),
      error: psi[i],
      n,
      low: isLowEvidence(counts, i, lowEvidenceThreshold) || !Number.isFinite(psi[i]),
      best: best[cell.col]?.includes(h) ?? false,
    };
  };
  const info = activeCell ? describe(activeCell) : null;

  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const cell = cellAt(event.clientX - box.left, event.clientY - box.top, cellWidth, rowHeight, order.length, K);
    setActive((prev) => (prev && cell && prev.row === cell.row && prev.col === cell.col ? prev : cell));
  };
  const onClick = () => {
    if (activeCell) onSelectCluster?.(activeCell.col === selected ? null : activeCell.col);
  };
  /** Scrolls the grid so a keyboard-selected cell is not hidden under the sticky header or labels. */
  const reveal = (cell: Active) => {
    const el = scrollRef.current;
    if (!el) return;
    const top = cell.row * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (HEADER_HEIGHT + top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = HEADER_HEIGHT + top + rowHeight - el.clientHeight;
    const left = cell.col * cellWidth;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (labelWidth + left + cellWidth > el.scrollLeft + el.clientWidth) el.scrollLeft = labelWidth + left + cellWidth - el.clientWidth;
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const cur = activeCell ?? { row: 0, col: selected ?? 0 };
    let next: Active | null = null;
    if (event.key === 'ArrowRight') next = { row: cur.row, col: Math.min(K - 1, cur.col + 1) };
    else if (event.key === 'ArrowLeft') next = { row: cur.row, col: Math.max(0, cur.col - 1) };
    else if (event.key === 'ArrowDown') next = { row: Math.min(order.length - 1, cur.row + 1), col: cur.col };
    else if (event.key === 'ArrowUp') next = { row: Math.max(0, cur.row - 1), col: cur.col };
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelectCluster?.(cur.col === selected ? null : cur.col);
      return;
    } else if (event.key === 'Escape') {
      setActive(null);
      return;
    }
    if (next) {
      event.preventDefault();
      setActive(next);
      reveal(next);
    }
  };

  const tooltipLeft = activeCell ? (activeCell.col + 1) * cellWidth + 8 : 0;
  const flip = activeCell !== null && tooltipLeft + 220 > Math.max(gridWidth, size.width - labelWidth);

  return (
    <ChartFrame
      title={TITLE}
      testId="heatmap-chart"
      toSvg={() =>
        heatmapSvg({
          title: TITLE,
          models,
          order,
          clusterCount: K,
          psi,
          counts,
          lowEvidenceThreshold,
          best,
          clusterLabel,
          clusterDetail,
        })
      }
      table={() => (
        <HeatmapTable
          models={models}
          order={order}
          clusterCount={K}
          psi={psi}
          counts={counts}
          best={best}
          clusterLabel={clusterLabel}
          clusterDetail={clusterDetail}
        />
      )}
    >
      <div className="rl-heatmap" ref={measureRef}>
        <div className="rl-heatmap__legend">
          <span className="rl-heatmap__legend-label">error</span>
          <span className="rl-num">0%</span>
          <span className="rl-heatmap__gradient" style={{ background: errorGradientCss() }} aria-hidden="true" />
          <span className="rl-num">100%</span>
          <span className="rl-heatmap__hatch-sample" aria-hidden="true" />
          <span>fewer than {lowEvidenceThreshold} validation prompts</span>
          <span className="rl-heatmap__best-sample" aria-hidden="true" />
          <span>best LLM of the cluster</span>
          {costUnit ? <span className="rl-heatmap__unit">cost in {costUnit}</span> : null}
        </div>
        <div className="rl-heatmap__scroll" style={{ maxHeight }} ref={scrollRef}>
          <div className="rl-heatmap__grid" style={{ gridTemplateColumns: `${labelWidth}px ${gridWidth}px` }}>
            <div className="rl-heatmap__corner" style={{ height: HEADER_HEIGHT }} title={costUnit ? `Cost c(h) in ${costUnit}` : undefined}>
              <span>LLM</span>
              <span>cost</span>
            </div>
            <ColumnHeaders
              clusterCount={K}
              height={HEADER_HEIGHT}
              cellWidth={cellWidth}
              selected={selected}
              onSelect={onSelectCluster}
              label={clusterLabel}
              detail={clusterDetail}
            />
            <RowLabels models={models} order={order} rowHeight={rowHeight} costUnit={costUnit} activeRow={activeCell?.row ?? null} />
            <div
              className="rl-heatmap__cells"
              style={{ width: gridWidth, height: gridHeight }}
              tabIndex={0}
              role="img"
              aria-label={`Error profiles: ${order.length} LLMs by ${K} clusters. Arrow keys move between cells, Enter selects the cluster.`}
              onMouseMove={onMove}
              onMouseLeave={() => setActive(null)}
              onClick={onClick}
              onKeyDown={onKey}
            >
              <canvas ref={canvasRef} style={{ width: gridWidth, height: gridHeight }} />
              {activeCell ? (
                <div
                  className="rl-heatmap__focus"
                  style={{ left: activeCell.col * cellWidth, top: activeCell.row * rowHeight, width: cellWidth, height: rowHeight }}
                />
              ) : null}
              {info && activeCell ? (
                <div
                  className="rl-tooltip rl-heatmap__tooltip"
                  style={{
                    top: Math.max(0, activeCell.row * rowHeight - 4),
                    ...(flip ? { right: gridWidth - activeCell.col * cellWidth + 8 } : { left: tooltipLeft }),
                  }}
                >
                  <div className="rl-tooltip__title">
                    {info.model.name}
                    {info.model.isTest ? ' (test)' : ''}
                  </div>
                  <div className="rl-tooltip__sub">
                    cluster {info.cluster}
                    {info.detail ? ` · ${info.detail}` : ''}
                  </div>
                  <div>
                    error rate <strong className="rl-num">{formatPercent(info.error, 1)}</strong>
                  </div>
                  <div className="rl-tooltip__sub">
                    {info.n === undefined ? 'count unknown' : `${info.n} validation prompt${info.n === 1 ? '' : 's'}`}
                    {info.low ? ' · low evidence' : ''}
                  </div>
                  {info.best ? <div className="rl-tooltip__sub">● best LLM of this cluster</div> : null}
                </div>
              ) : null}
            </div>
          </div>
        </div>
        <div className="rl-visually-hidden" aria-live="polite">
          {info
            ? `${info.model.name}${info.model.isTest ? ' (test)' : ''}, cluster ${info.cluster}: error ${formatPercent(info.error, 1)}, ${info.n ?? 'unknown'} validation prompts${info.best ? ', best LLM of this cluster' : ''}`
            : ''}
        </div>
      </div>
    </ChartFrame>
  );
}

/** Memoised; pass memoised psi / counts / models so hover in other panels does not redraw it. */
export const ErrorHeatmap = memo(ErrorHeatmapImpl);
