/**
 * Canvas scatter of a 2-D projection of every prompt (up to ~40,000 points), coloured by cluster.
 * Hover finds the nearest point through a uniform-grid index and shows its text (as React text),
 * task and cluster; a selected cluster is drawn on top and the rest dimmed. devicePixelRatio-aware.
 */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clusterColor } from './colorScale';
import { truncateText } from './format';
import { clusterCountOf, dataBounds, defaultPointRadius, groupByCluster, projectToPixels } from './scatterLayout';
import { buildGridIndex, nearestPoint } from './spatialIndex';
import { devicePixelRatioNow, useElementSize } from './useElementSize';

/** Text lookups for the tooltip, called only for the hovered point (so 40,000 strings need not be copied). */
export interface ScatterLabels {
  getText: (index: number) => string;
  getTask: (index: number) => string | undefined;
}

export interface ClusterScatterProps {
  /** Projected x of point i (e.g. first principal component). */
  x: Float32Array;
  /** Projected y of point i. */
  y: Float32Array;
  /** Cluster id of point i (0..K-1; other values are drawn grey). */
  cluster: Int32Array;
  /** K; defaults to max(cluster) + 1. */
  clusterCount?: number;
  labels: ScatterLabels;
  /** Cluster drawn on top at full strength; the others are dimmed. */
  selectedCluster?: number | null;
  /** Hovered point index, or null when the pointer leaves every point. */
  onHover?: (index: number | null) => void;
  /** Click on a point selects its cluster (null: click on the selected cluster again, or on empty space, or Escape). */
  onSelectCluster?: (cluster: number | null) => void;
  /** Name of a cluster in the tooltip (default: its number). */
  clusterLabel?: (cluster: number) => string;
  /** Height in CSS px (default 420); the width follows the container. */
  height?: number;
  /** Point radius in CSS px (default: from the number of points). */
  pointRadius?: number;
  ariaLabel?: string;
}

const PADDING = 12;
const HOVER_RADIUS = 12;
const DIM_ALPHA = 0.35;
/** With a cluster selected, the others are drawn in one light grey so the selection stands out. */
const DIM_COLOR = '#c5cbd3';
const UNCLUSTERED = '#9ca3af';

function ClusterScatterImpl({
  x,
  y,
  cluster,
  clusterCount,
  labels,
  selectedCluster = null,
  onHover,
  onSelectCluster,
  clusterLabel = String,
  height = 420,
  pointRadius,
  ariaLabel,
}: ClusterScatterProps) {
  const [measureRef, size] = useElementSize<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [hovered, setHovered] = useState(-1);
  const width = size.width;
  const n = Math.min(x.length, y.length, cluster.length);
  const K = clusterCount ?? clusterCountOf(cluster);
  const radius = pointRadius ?? defaultPointRadius(n);

  const bounds = useMemo(() => dataBounds(x, y), [x, y]);
  const pixels = useMemo(
    () => projectToPixels(x.subarray(0, n), y.subarray(0, n), bounds, width, height, PADDING),
    [x, y, n, bounds, width, height],
  );
  const groups = useMemo(() => groupByCluster(cluster.subarray(0, n), K), [cluster, n, K]);
  const index = useMemo(() => buildGridIndex(pixels.px, pixels.py, HOVER_RADIUS * 2), [pixels]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || width <= 0) return;
    const dpr = devicePixelRatioNow();
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const { px, py } = pixels;
    const selected = selectedCluster !== null && selectedCluster >= 0 && selectedCluster < K ? selectedCluster : null;
    // Squares for tiny points (fillRect is far cheaper than arcs at 40,000 points), discs otherwise.
    const drawGroup = (from: number, to: number, order: Int32Array, r: number) => {
      if (r < 1.5) {
        const side = r * 2;
        for (let j = from; j < to; j++) {
          const i = order[j];
          if (px[i] === px[i]) ctx.fillRect(px[i] - r, py[i] - r, side, side);
        }
        return;
      }
      ctx.beginPath();
      for (let j = from; j < to; j++) {
        const i = order[j];
        if (px[i] !== px[i]) continue;
        ctx.moveTo(px[i] + r, py[i]);
        ctx.arc(px[i], py[i], r, 0, Math.PI * 2);
      }
      ctx.fill();
    };
    // Points outside 0..K-1 first, in grey.
    if (groups.order.length < n) {
      const loose = new Int32Array(n - groups.order.length);
      let m = 0;
      for (let i = 0; i < n; i++) if (!(cluster[i] >= 0 && cluster[i] < K)) loose[m++] = i;
      ctx.globalAlpha = selected === null ? 0.6 : DIM_ALPHA;
      ctx.fillStyle = selected === null ? UNCLUSTERED : DIM_COLOR;
      drawGroup(0, m, loose, radius);
    }
    for (let k = 0; k < K; k++) {
      if (k === selected) continue;
      ctx.globalAlpha = selected === null ? 0.75 : DIM_ALPHA;
      ctx.fillStyle = selected === null ? clusterColor(k) : DIM_COLOR;
      drawGroup(groups.start[k], groups.start[k + 1], groups.order, radius);
    }
    if (selected !== null) {
      ctx.globalAlpha = 1;
      ctx.fillStyle = clusterColor(selected);
      // Slightly bigger points on top, so the selected cluster reads even inside a dense cloud.
      drawGroup(groups.start[selected], groups.start[selected + 1], groups.order, radius + 0.6);
    }
    ctx.globalAlpha = 1;
  }, [pixels, groups, cluster, n, K, radius, width, height, selectedCluster]);

  const setHover = (i: number) => {
    if (i === hovered) return;
    setHovered(i);
    onHover?.(i < 0 ? null : i);
  };
  const onMove = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setHover(nearestPoint(index, event.clientX - box.left, event.clientY - box.top, HOVER_RADIUS));
  };
  const onClick = () => {
    if (!onSelectCluster) return;
    if (hovered < 0) onSelectCluster(null);
    else onSelectCluster(cluster[hovered] === selectedCluster ? null : cluster[hovered]);
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && selectedCluster !== null) onSelectCluster?.(null);
  };

  const hover = hovered >= 0 && hovered < n ? hovered : -1;
  const hx = hover >= 0 ? pixels.px[hover] : 0;
  const hy = hover >= 0 ? pixels.py[hover] : 0;
  const flipX = hx > width * 0.6;
  const flipY = hy > height * 0.6;
  const task = hover >= 0 ? labels.getTask(hover) : undefined;

  return (
    <div
      className="rl-scatter"
      ref={measureRef}
      style={{ height }}
      onPointerMove={onMove}
      onPointerLeave={() => setHover(-1)}
      onClick={onClick}
      onKeyDown={onKey}
      tabIndex={0}
      role="img"
      aria-label={ariaLabel ?? `2-D projection of ${n} prompts coloured by ${K} clusters. Escape clears the selected cluster.`}
    >
      <canvas ref={canvasRef} style={{ width: Math.max(0, width), height }} />
      {hover >= 0 ? (
        <>
          <div
            className="rl-scatter__ring"
            style={{ left: hx - radius - 4, top: hy - radius - 4, width: radius * 2 + 8, height: radius * 2 + 8 }}
          />
          <div
            className="rl-tooltip rl-scatter__tooltip"
            style={{
              ...(flipX ? { right: width - hx + 10 } : { left: hx + 10 }),
              ...(flipY ? { bottom: height - hy + 10 } : { top: hy + 10 }),
            }}
          >
            <div className="rl-tooltip__title">
              <span
                className="rl-swatch"
                style={{ background: cluster[hover] >= 0 && cluster[hover] < K ? clusterColor(cluster[hover]) : UNCLUSTERED }}
                aria-hidden="true"
              />
              cluster {clusterLabel(cluster[hover])}
              {task ? <span className="rl-tooltip__sub"> · {task}</span> : null}
            </div>
            <div className="rl-scatter__text">{truncateText(labels.getText(hover), 280)}</div>
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Memoised: x / y / cluster / labels should keep their identity between renders. */
export const ClusterScatter = memo(ClusterScatterImpl);
