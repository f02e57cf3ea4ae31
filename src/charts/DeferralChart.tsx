/**
 * Deferral curves: accuracy vs normalised cost (cost / max test-pool cost) for several routers and
 * baselines, every single LLM as a labelled point, and the current operating point (big dot +
 * crosshair). The cost axis is linear or log; a drag zooms to a box; a click on a curve picks its
 * nearest point (the view sets lambda from it). A bound (the oracle) is dashed and tagged "upper bound".
 */
import { memo, useMemo, useState } from 'react';
import { ComposedChart, CartesianGrid, Line, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import { ACCENT, seriesStyle } from './chartTheme';
import { ChartFrame } from './ChartFrame';
import { ChartLabels } from './ChartLabels';
import { extendFlat, simplifyCurve, sortedFinite, type CurvePoint } from './curveData';
import { atFloor, deferralAxes, type CostAxisScale, type ZoomBox } from './deferralAxes';
import { DeferralHover } from './DeferralHover';
import { DeferralLegend, type LegendCurve } from './DeferralLegend';
import { DeferralTable } from './DeferralTable';
import { percentTickLabel } from './logScale';
import { CurveBands, type CurveBand } from './CurveBands';
import { OperatingMarker } from './OperatingMarker';

export interface DeferralCurve {
  /** Stable id: a MethodName ('oracle', 'zero-router', 'knn', 'uniroute-kmeans', 'uniroute-learnedmap') picks its default style. */
  id: string;
  label: string;
  /** [normalised cost, accuracy] pairs (any order; sorted here). */
  points: readonly CurvePoint[];
  color?: string;
  /** Dashed line, e.g. for an "estimated" curve (predicted rather than measured accuracy). */
  dashed?: boolean;
  /** A bound, not a router (the oracle): dashed, thin, tagged "upper bound" on the chart. */
  bound?: boolean;
}

export interface SingleModelPoint {
  name: string;
  /** Normalised cost, same axis as the curves. */
  cost: number;
  accuracy: number;
  /** An LLM added after training (drawn as a magenta diamond, always labelled). */
  isNew?: boolean;
}

export interface OperatingPoint {
  /** Normalised cost of the current routing. */
  cost: number;
  accuracy: number;
  /** Shown next to the dot, e.g. "λ = 0.0123". */
  label: string;
}

export interface DeferralChartProps {
  curves: readonly DeferralCurve[];
  singles: readonly SingleModelPoint[];
  /** The current routing (changes while the cost-penalty slider moves; curves do not). */
  operatingPoint?: OperatingPoint;
  /** Chart height in px (default 360); the width follows the container. */
  height?: number;
  /** Which single LLMs get a name label: 'auto' = all when at most 20, else only new ones. Labels never drop out. */
  labelSingles?: 'auto' | 'all' | 'new' | 'none';
  /** Extend each curve flat to cost 0 and to the axis end (the curve is flat beyond its ends). Default true. */
  extendCurves?: boolean;
  /** Simplification tolerance in axis units for SVG (default 0.0005, below a pixel at normal sizes). */
  simplifyTolerance?: number;
  /** Accessible name of the chart (also the exported image's title). */
  ariaLabel?: string;
  /** Cost axis scale (controlled); without it the chart keeps its own. */
  costAxis?: CostAxisScale;
  onCostAxisChange?: (scale: CostAxisScale) => void;
  /** Zoom box (controlled; null = the whole curve); without it the chart keeps its own. */
  zoom?: ZoomBox | null;
  onZoomChange?: (zoom: ZoomBox | null) => void;
  /** A click on a curve: its id and the curve point nearest the click (one of `points`). */
  onPickPoint?: (curveId: string, cost: number, accuracy: number) => void;
  /** Shaded bands around curves (matched by curve id; hidden with their curve). */
  bands?: readonly Omit<CurveBand, 'color'>[];
}

const BOUND_DASH = '4 3';

function DeferralChartImpl(props: DeferralChartProps) {
  const { curves, singles, operatingPoint, height = 360, labelSingles = 'auto', extendCurves = true, simplifyTolerance = 0.0005 } = props;
  const title = props.ariaLabel ?? 'Deferral curves: accuracy against normalised cost';
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const [ownScale, setOwnScale] = useState<CostAxisScale>('linear');
  const [ownZoom, setOwnZoom] = useState<ZoomBox | null>(null);
  const scale = props.costAxis ?? ownScale;
  const zoom = props.zoom !== undefined ? props.zoom : ownZoom;
  const setScale = props.onCostAxisChange ?? setOwnScale;
  const setZoom = props.onZoomChange ?? setOwnZoom;

  const xMax = useMemo(() => {
    let m = 1;
    for (const s of singles) if (Number.isFinite(s.cost) && s.cost > m) m = s.cost;
    for (const c of curves) for (const [x] of c.points) if (Number.isFinite(x) && x > m) m = x;
    return m;
  }, [curves, singles]);

  const axes = useMemo(() => {
    const costs: number[] = [];
    const accuracies: number[] = [];
    for (const c of curves)
      for (const [x, y] of c.points) {
        costs.push(x);
        accuracies.push(y);
      }
    for (const s of singles) {
      costs.push(s.cost);
      accuracies.push(s.accuracy);
    }
    return deferralAxes(costs, accuracies, xMax, scale, zoom);
  }, [curves, singles, xMax, scale, zoom]);
  const floor = axes.xFloor;

  const prepared = useMemo(
    () =>
      curves.map((c, i) => {
        const style = seriesStyle(c.id, i, c.color, c.bound ? true : c.dashed);
        const vertices = sortedFinite(c.points);
        const base = atFloor(extendCurves ? extendFlat(c.points, xMax) : vertices, floor);
        // Simplify where the pixels are: in log10(cost) on a log axis, so the cheap end keeps its detail.
        const toAxis = (x: number) => (scale === 'log' ? Math.log10(x) / Math.max(1e-9, Math.log10(xMax / floor)) : x);
        const fromAxis = (x: number) => (scale === 'log' ? 10 ** (x * Math.log10(xMax / floor)) : x);
        const line = simplifyCurve(
          base.map(([x, y]) => [toAxis(x), y] as const),
          simplifyTolerance,
        ).map(([x, y]) => [fromAxis(x), y] as [number, number]);
        return {
          id: c.id,
          label: c.label,
          bound: !!c.bound,
          color: style.color,
          dash: c.bound ? BOUND_DASH : style.dash,
          width: c.bound ? 1.5 : style.width,
          points: line,
          vertices,
          rows: line.map(([cost, accuracy]) => ({ cost, accuracy })),
        };
      }),
    [curves, extendCurves, simplifyTolerance, xMax, floor, scale],
  );
  const visible = useMemo(() => prepared.filter((c) => !hidden.has(c.id)), [prepared, hidden]);
  // Bands share the curves' cost floor, so a log axis never meets cost 0.
  const shaded = useMemo(
    () =>
      (props.bands ?? []).flatMap((b) => {
        const curve = visible.find((c) => c.id === b.id);
        return curve ? [{ ...b, cost: b.cost.map((c) => Math.max(c, floor)), color: curve.color }] : [];
      }),
    [props.bands, visible, floor],
  );

  const [allSingles, oldSingles, newSingles] = useMemo(() => {
    const rows = singles
      .filter((s) => Number.isFinite(s.cost) && Number.isFinite(s.accuracy))
      .map((s) => ({ ...s, cost: Math.max(s.cost, floor) }));
    return [rows, rows.filter((s) => !s.isNew), rows.filter((s) => s.isNew)];
  }, [singles, floor]);
  const labelled = useMemo(() => {
    const labelOld = labelSingles === 'all' || (labelSingles === 'auto' && oldSingles.length <= 20);
    const labelNew = labelSingles !== 'none';
    return [...(labelNew ? newSingles : []), ...(labelOld ? oldSingles : [])];
  }, [labelSingles, oldSingles, newSingles]);

  const op =
    operatingPoint && Number.isFinite(operatingPoint.cost) && Number.isFinite(operatingPoint.accuracy)
      ? { ...operatingPoint, cost: Math.max(operatingPoint.cost, floor) }
      : undefined;

  // The curves and points are memoised elements: a new operating point re-renders only the markers and labels.
  const lines = useMemo(
    () =>
      visible.map((c) => (
        <Line
          key={c.id}
          data={c.rows}
          dataKey="accuracy"
          name={c.label}
          type="linear"
          stroke={c.color}
          strokeWidth={c.width}
          strokeDasharray={c.dash || undefined}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          legendType="none"
          className={`rl-curve rl-curve--${c.id}`}
        />
      )),
    [visible],
  );
  const points = useMemo(
    () => (
      <>
        <Scatter data={oldSingles} dataKey="accuracy" name="Single LLMs" fill={ACCENT.single} isAnimationActive={false} legendType="none" />
        {newSingles.length ? (
          <Scatter
            data={newSingles}
            dataKey="accuracy"
            name="New LLMs"
            fill={ACCENT.singleNew}
            shape="diamond"
            isAnimationActive={false}
            legendType="none"
          />
        ) : null}
      </>
    ),
    [oldSingles, newSingles],
  );
  const drawnLines = useMemo(() => visible.map((c) => c.points), [visible]);
  const tags = useMemo(
    () =>
      visible
        .filter((c) => c.bound && c.vertices.length)
        .map((c) => {
          // Tag the bound where it peaks: its cheapest most accurate point.
          const top = c.vertices.reduce((a, b) => (b[1] > a[1] ? b : a));
          return { text: 'upper bound', cost: Math.max(top[0], floor), accuracy: top[1], color: c.color };
        }),
    [visible, floor],
  );
  const pickable = useMemo(
    () => visible.map((c) => ({ id: c.id, line: c.points, vertices: atFloor(c.vertices, floor) })),
    [visible, floor],
  );
  const legendCurves: LegendCurve[] = prepared.map((c) => ({
    id: c.id,
    label: c.label,
    color: c.color,
    dash: c.dash,
    width: c.width,
    bound: c.bound,
  }));

  const toggle = (id: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const onPick = props.onPickPoint
    ? (id: string, vertex: number) => {
        const c = prepared.find((p) => p.id === id);
        const v = c?.vertices[vertex];
        if (v) props.onPickPoint?.(id, v[0], v[1]);
      }
    : undefined;

  const toolbar = (
    <>
      <span className="rl-segmented" role="group" aria-label="Cost axis">
        {(['linear', 'log'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className="rl-button rl-button--small"
            aria-pressed={scale === s}
            onClick={() => setScale(s)}
            data-cost-axis={s}
          >
            {s === 'linear' ? 'Linear cost' : 'Log cost'}
          </button>
        ))}
      </span>
      {zoom ? (
        <button type="button" className="rl-button rl-button--small" onClick={() => setZoom(null)} data-testid="reset-zoom">
          Reset zoom
        </button>
      ) : null}
      <span className="rl-small rl-muted">Drag to zoom{props.onPickPoint ? '; click a curve to route at its point' : ''}</span>
    </>
  );

  return (
    <ChartFrame
      title={title}
      toolbar={toolbar}
      legend={[
        ...visible.map((c) => ({ label: c.bound ? `${c.label} (upper bound)` : c.label, color: c.color, dash: c.dash })),
        ...(singles.length ? [{ label: 'Single LLMs', color: ACCENT.single }] : []),
        ...(op ? [{ label: `Operating point (${op.label})`, color: ACCENT.operatingPoint }] : []),
      ]}
      table={() => <DeferralTable curves={curves} singles={singles} operating={operatingPoint} />}
      testId="deferral-chart"
    >
      <div className="rl-deferral" data-cost-axis={scale} data-zoomed={zoom ? 'true' : 'false'}>
        <DeferralLegend curves={legendCurves} hidden={hidden} onToggle={toggle} hasNew={newSingles.length > 0} hasOperating={!!op} />
        <div className="rl-deferral__plot" ref={setHost} role="img" aria-label={title}>
          <ResponsiveContainer width="100%" height={height}>
            <ComposedChart margin={{ top: 10, right: 24, bottom: 22, left: 4 }} accessibilityLayer={false}>
              <CartesianGrid stroke={ACCENT.grid} />
              <XAxis
                type="number"
                dataKey="cost"
                scale={scale === 'log' ? 'log' : 'linear'}
                domain={axes.xDomain}
                ticks={axes.xTicks}
                tickFormatter={percentTickLabel}
                allowDataOverflow
                stroke={ACCENT.axis}
                label={{
                  value: `Cost (share of the most expensive test LLM${scale === 'log' ? ', log scale' : ''})`,
                  position: 'insideBottom',
                  offset: -14,
                  className: 'rl-axis-label',
                }}
              />
              <YAxis
                type="number"
                dataKey="accuracy"
                domain={axes.yDomain}
                ticks={axes.yTicks}
                tickFormatter={percentTickLabel}
                allowDataOverflow
                stroke={ACCENT.axis}
                width={52}
                label={{ value: 'Accuracy', angle: -90, position: 'insideLeft', offset: 10, className: 'rl-axis-label' }}
              />
              {shaded.length ? <CurveBands bands={shaded} /> : null}
              {lines}
              {op ? <OperatingMarker cost={op.cost} accuracy={op.accuracy} color={ACCENT.operatingPoint} /> : null}
              {points}
              <ChartLabels points={labelled} obstacles={allSingles} operating={op} lines={drawnLines} tags={tags} />
              <DeferralHover
                curves={visible}
                singles={allSingles}
                host={host}
                pickable={pickable}
                onPick={onPick}
                onZoom={setZoom}
                view={{ xDomain: axes.xDomain, yDomain: axes.yDomain, scale }}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </div>
    </ChartFrame>
  );
}

/** Memoised on its props: pass memoised curves/singles so only the operating point changes while dragging. */
export const DeferralChart = memo(DeferralChartImpl);
