/**
 * Live training curves: learned-map (clusterMap) train / validation loss per epoch, and the k-means
 * inertia per iteration. Points are appended while training runs; animation is off.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ACCENT } from './chartTheme';
import { formatCompact, formatSignificant } from './format';
import { seriesRows } from './seriesData';
import { ChartFrame } from './ChartFrame';
import { SeriesTable } from './SeriesTable';

export interface LossSeries {
  /** Stable dataKey of the series. */
  id: string;
  label: string;
  /** Value per step; step i is drawn at x = i + 1. NaN values leave a gap. Pass a new array when points arrive (the chart is memoised). */
  values: ArrayLike<number>;
  color: string;
  dashed?: boolean;
}

export interface SeriesChartProps {
  series: readonly LossSeries[];
  /** X-axis label, e.g. "epoch" or "iteration". */
  xLabel: string;
  /** Y-axis label, e.g. "loss". */
  yLabel: string;
  /** Log-scale y axis (useful for inertia, which drops by orders of magnitude). */
  logY?: boolean;
  /** Total number of steps planned, so the x axis does not rescale as points arrive. */
  totalSteps?: number;
  height?: number;
  ariaLabel?: string;
  /** data-testid of the chart's frame. */
  testId?: string;
}

function SeriesChartImpl({ series, xLabel, yLabel, logY = false, totalSteps, height = 220, ariaLabel, testId }: SeriesChartProps) {
  const rows = useMemo(() => seriesRows(series), [series]);
  const xMax = Math.max(totalSteps ?? 0, rows.length, 1);
  const dots = rows.length <= 30;
  const title = ariaLabel ?? `${yLabel} per ${xLabel}`;
  return (
    <ChartFrame
      title={title}
      testId={testId}
      legend={series.length > 1 ? series.map((s) => ({ label: s.label, color: s.color, dash: s.dashed ? '6 3' : '' })) : []}
      table={() => <SeriesTable rows={rows} series={series} xLabel={xLabel} caption={title} />}
    >
      <div className="rl-series" role="img" aria-label={title}>
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 18, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid stroke={ACCENT.grid} />
            <XAxis
              type="number"
              dataKey="step"
              domain={[1, xMax]}
              allowDecimals={false}
              stroke={ACCENT.axis}
              label={{ value: xLabel, position: 'insideBottom', offset: -10, className: 'rl-axis-label' }}
            />
            <YAxis
              scale={logY ? 'log' : 'auto'}
              domain={logY ? ['auto', 'auto'] : ['auto', 'auto']}
              tickFormatter={formatCompact}
              stroke={ACCENT.axis}
              width={62}
              allowDataOverflow={false}
              label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4, className: 'rl-axis-label' }}
            />
            <Tooltip
              isAnimationActive={false}
              formatter={(v) => formatSignificant(typeof v === 'number' ? v : Number(v), 4)}
              labelFormatter={(l) => `${xLabel} ${String(l)}`}
            />
            {series.length > 1 ? <Legend verticalAlign="top" height={24} iconType="plainline" /> : null}
            {series.map((s) => (
              <Line
                key={s.id}
                dataKey={s.id}
                name={s.label}
                type="linear"
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '6 3' : undefined}
                dot={dots ? { r: 2.5 } : false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}

/** Generic live line chart over training steps (the base of LossChart and InertiaChart). */
export const SeriesChart = memo(SeriesChartImpl);

export interface LossChartProps {
  /** Training loss per epoch (epoch i at index i - 1); a new array each time an epoch arrives. */
  train: ArrayLike<number>;
  /** Validation loss per epoch, when measured. */
  validation?: ArrayLike<number>;
  /** Planned number of epochs (keeps the x axis still while training). */
  totalEpochs?: number;
  height?: number;
}

/** Learned cluster map (Phi): train and validation loss per epoch. */
export function LossChart({ train, validation, totalEpochs, height }: LossChartProps) {
  const series = useMemo<LossSeries[]>(() => {
    const list: LossSeries[] = [{ id: 'train', label: 'train', values: train, color: ACCENT.train }];
    if (validation) list.push({ id: 'validation', label: 'validation', values: validation, color: ACCENT.validation, dashed: true });
    return list;
  }, [train, validation]);
  return (
    <SeriesChart
      series={series}
      xLabel="epoch"
      yLabel="loss"
      totalSteps={totalEpochs}
      height={height}
      ariaLabel="Learned map loss per epoch"
      testId="loss-chart"
    />
  );
}

export interface InertiaChartProps {
  /** k-means inertia (sum of squared distances to the nearest centroid) per iteration; a new array per iteration. */
  inertia: ArrayLike<number>;
  /** Iteration cap (keeps the x axis still while k-means runs). */
  maxIterations?: number;
  /** Log-scale y axis (default false). */
  logY?: boolean;
  height?: number;
}

/** k-means: inertia per Lloyd iteration. */
export function InertiaChart({ inertia, maxIterations, logY, height }: InertiaChartProps) {
  const series = useMemo<LossSeries[]>(() => [{ id: 'inertia', label: 'inertia', values: inertia, color: ACCENT.train }], [inertia]);
  return (
    <SeriesChart
      series={series}
      xLabel="iteration"
      yLabel="inertia"
      logY={logY}
      totalSteps={maxIterations}
      height={height}
      ariaLabel="k-means inertia per iteration"
      testId="inertia-chart"
    />
  );
}
