/**
 * Deferral curves: accuracy vs normalised cost (cost / max test-pool cost) for several routers and
 * baselines, every single LLM as a labelled point, and the current operating point (big dot + crosshair).
 */
import { memo, useMemo, useState } from 'react';
import { ComposedChart, CartesianGrid, Line, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import { ACCENT, seriesStyle } from './chartTheme';
import { accuracyDomain, accuracyTicks, extendFlat, simplifyCurve, sortedFinite, type CurvePoint } from './curveData';
import { DeferralHover, type HoverCurve } from './DeferralHover';
import { CurveBands, type CurveBand } from './CurveBands';
import { formatPercent } from './format';
import { OperatingMarker } from './OperatingMarker';
import { SingleLabels } from './SingleLabels';

export interface DeferralCurve {
  /** Stable id: a MethodName ('oracle', 'zero-router', 'knn', 'uniroute-kmeans', 'uniroute-learnedmap') picks its default style. */
  id: string;
  label: string;
  /** [normalised cost, accuracy] pairs (any order; sorted here). */
  points: readonly CurvePoint[];
  color?: string;
  /** Dashed line, e.g. for an "estimated" curve (predicted rather than measured accuracy). */
  dashed?: boolean;
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
  /** Which single LLMs get a name label: 'auto' = all when at most 20, else only new ones. Labels that would collide are dropped (hover still names them). */
  labelSingles?: 'auto' | 'all' | 'new' | 'none';
  /** Extend each curve flat to cost 0 and to the axis end (the curve is flat beyond its ends). Default true. */
  extendCurves?: boolean;
  /** Simplification tolerance in data units for SVG (default 0.0005, below a pixel at normal sizes). */
  simplifyTolerance?: number;
  /** Accessible description of the chart. */
  ariaLabel?: string;
  /** Shaded bands around curves (matched by curve id; hidden with their curve). */
  bands?: readonly Omit<CurveBand, 'color'>[];
}

interface PreparedCurve extends HoverCurve {
  dash: string;
  width: number;
  rows: { cost: number; accuracy: number }[];
}

const X_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

const percentTick = (v: number) => formatPercent(v, 0);

function DeferralChartImpl({
  curves,
  singles,
  operatingPoint,
  height = 360,
  labelSingles = 'auto',
  extendCurves = true,
  simplifyTolerance = 0.0005,
  ariaLabel = 'Deferral curves: accuracy against normalised cost',
  bands,
}: DeferralChartProps) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [host, setHost] = useState<HTMLDivElement | null>(null);

  const xMax = useMemo(() => {
    let m = 1;
    for (const s of singles) if (Number.isFinite(s.cost) && s.cost > m) m = s.cost;
    for (const c of curves) for (const [x] of c.points) if (Number.isFinite(x) && x > m) m = x;
    return m;
  }, [curves, singles]);

  const prepared = useMemo<PreparedCurve[]>(
    () =>
      curves.map((c, i) => {
        const style = seriesStyle(c.id, i, c.color, c.dashed);
        const base = extendCurves ? extendFlat(c.points, xMax) : sortedFinite(c.points);
        const points = simplifyCurve(base, simplifyTolerance);
        return {
          id: c.id,
          label: c.label,
          color: style.color,
          dash: style.dash,
          width: style.width,
          points,
          rows: points.map(([cost, accuracy]) => ({ cost, accuracy })),
        };
      }),
    [curves, extendCurves, simplifyTolerance, xMax],
  );
  const visible = useMemo(() => prepared.filter((c) => !hidden.has(c.id)), [prepared, hidden]);
  const shaded = useMemo(
    () =>
      (bands ?? []).flatMap((b) => {
        const curve = visible.find((c) => c.id === b.id);
        return curve ? [{ ...b, color: curve.color }] : [];
      }),
    [bands, visible],
  );

  const yDomain = useMemo(() => {
    const ys: number[] = [];
    for (const c of prepared) for (const [, y] of c.points) ys.push(y);
    for (const s of singles) ys.push(s.accuracy);
    return accuracyDomain(ys);
  }, [prepared, singles]);

  const yTicks = useMemo(() => accuracyTicks(yDomain), [yDomain]);

  const [allSingles, oldSingles, newSingles] = useMemo(() => {
    const rows = singles.filter((s) => Number.isFinite(s.cost) && Number.isFinite(s.accuracy));
    return [rows, rows.filter((s) => !s.isNew), rows.filter((s) => s.isNew)];
  }, [singles]);
  const labelled = useMemo(() => {
    const labelOld = labelSingles === 'all' || (labelSingles === 'auto' && oldSingles.length <= 20);
    const labelNew = labelSingles !== 'none';
    return [...(labelNew ? newSingles : []), ...(labelOld ? oldSingles : [])];
  }, [labelSingles, oldSingles, newSingles]);

  // The curves and points are memoised elements: a new operating point re-renders only the markers.
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
        {labelled.length ? <SingleLabels points={labelled} obstacles={allSingles} /> : null}
      </>
    ),
    [oldSingles, newSingles, labelled, allSingles],
  );

  const toggle = (id: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const op =
    operatingPoint && Number.isFinite(operatingPoint.cost) && Number.isFinite(operatingPoint.accuracy) ? operatingPoint : undefined;

  return (
    <div className="rl-deferral">
      <div className="rl-legend" role="group" aria-label="Curves (click to show or hide)">
        {prepared.map((c) => (
          <button key={c.id} type="button" className="rl-legend__item" aria-pressed={!hidden.has(c.id)} onClick={() => toggle(c.id)}>
            <svg width="22" height="8" aria-hidden="true">
              <line x1="1" y1="4" x2="21" y2="4" stroke={c.color} strokeWidth={c.width} strokeDasharray={c.dash || undefined} />
            </svg>
            {c.label}
          </button>
        ))}
        {allSingles.length ? (
          <span className="rl-legend__item rl-legend__static">
            <span className="rl-legend__dot" style={{ background: ACCENT.single }} aria-hidden="true" />
            Single LLMs
          </span>
        ) : null}
        {newSingles.length ? (
          <span className="rl-legend__item rl-legend__static">
            <span className="rl-legend__diamond" style={{ background: ACCENT.singleNew }} aria-hidden="true" />
            New LLMs
          </span>
        ) : null}
        {op ? (
          <span className="rl-legend__item rl-legend__static">
            <span className="rl-legend__dot rl-legend__dot--big" style={{ background: ACCENT.operatingPoint }} aria-hidden="true" />
            Operating point
          </span>
        ) : null}
      </div>
      <div className="rl-deferral__plot" ref={setHost} role="img" aria-label={ariaLabel}>
        <ResponsiveContainer width="100%" height={height}>
          <ComposedChart margin={{ top: 10, right: 24, bottom: 22, left: 4 }}>
            <CartesianGrid stroke={ACCENT.grid} />
            <XAxis
              type="number"
              dataKey="cost"
              domain={[0, xMax]}
              ticks={xMax === 1 ? X_TICKS : undefined}
              tickFormatter={percentTick}
              allowDataOverflow
              stroke={ACCENT.axis}
              label={{
                value: 'Cost (share of the most expensive test LLM)',
                position: 'insideBottom',
                offset: -14,
                className: 'rl-axis-label',
              }}
            />
            <YAxis
              type="number"
              dataKey="accuracy"
              domain={yDomain}
              ticks={yTicks}
              tickFormatter={percentTick}
              allowDataOverflow
              stroke={ACCENT.axis}
              width={48}
              label={{ value: 'Accuracy', angle: -90, position: 'insideLeft', offset: 10, className: 'rl-axis-label' }}
            />
            {shaded.length ? <CurveBands bands={shaded} /> : null}
            {lines}
            {points}
            {op ? <OperatingMarker cost={op.cost} accuracy={op.accuracy} label={op.label} color={ACCENT.operatingPoint} /> : null}
            <DeferralHover curves={visible} singles={singles} host={host} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/** Memoised on its props: pass memoised curves/singles so only the operating point changes while dragging. */
export const DeferralChart = memo(DeferralChartImpl);
