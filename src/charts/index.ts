/**
 * RouteLab charts and controls: presentational components (props in, JSX out, no store access) plus
 * the pure helpers behind them. Styles: import 'src/styles/app.css' once at the app entry.
 */
export { DeferralChart } from './DeferralChart';
export type { DeferralChartProps, DeferralCurve, SingleModelPoint, OperatingPoint } from './DeferralChart';
export { ShareBars } from './ShareBars';
export type { ShareBarsProps, ShareBarDatum } from './ShareBars';
export { ErrorHeatmap } from './ErrorHeatmap';
export type { ErrorHeatmapProps, HeatmapModel } from './ErrorHeatmap';
export { PromptMap } from './PromptMap';
export type { PromptMapProps, PromptMapLabels, MapTool } from './PromptMap';
export { MapLegend } from './MapLegend';
export type { MapLegendProps, LegendEntry } from './MapLegend';
export { mapPng } from './mapExport';
export { categoryColours } from './promptMapDraw';
export type { MapViewport } from './mapView';
export { defaultPointRadius } from './scatterLayout';
export { secondsLeft, formatTimeLeft, timeLeftText } from './timeLeft';
export { useRovingList, rovingTarget } from './useRovingList';
export type { RovingList } from './useRovingList';
export { LossChart, InertiaChart, SeriesChart } from './LossChart';
export { seriesRows } from './seriesData';
export type { StepRow } from './seriesData';
export type { LossChartProps, InertiaChartProps, SeriesChartProps, LossSeries } from './LossChart';
export { CostPenaltySlider } from './CostPenaltySlider';
export type { CostPenaltySliderProps } from './CostPenaltySlider';
export { MetricTable } from './MetricTable';
export { bestRows, METRIC_COLUMNS } from './metricColumns';
export type { MetricColumn } from './metricColumns';
export type { MetricTableProps, MetricRow, MetricKey } from './MetricTable';
export { BackendChip } from './BackendChip';
export type { BackendChipProps } from './BackendChip';
export { ProgressBar } from './ProgressBar';
export type { ProgressBarProps } from './ProgressBar';
export { Panel, PanelErrorBoundary } from './Panel';
export type { PanelProps, PanelErrorBoundaryProps } from './Panel';
export { Tabs, tabId, tabPanelId } from './Tabs';
export type { TabsProps, TabItem } from './Tabs';

// Pure helpers (also used by views, e.g. cluster swatches that match the scatter).
export { clusterColor, clusterPalette, errorRgb, errorGradientCss, rgbToCss, textColorOn } from './colorScale';
export { METHOD_STYLES, ACCENT, seriesStyle } from './chartTheme';
export type { SeriesStyle } from './chartTheme';
export {
  MISSING,
  formatSignificant,
  formatFixed,
  formatPercent,
  formatCost,
  formatCostPenalty,
  truncateText,
  backendDescription,
} from './format';
export { normaliseScale, positionToValue, valueToPosition, positionAfterKey, sliderTicks } from './logScale';
export type { LogSliderScale } from './logScale';
export { modelOrder, meanError, costOrder } from './heatmapLayout';
export type { ModelSort } from './heatmapLayout';
export { extendFlat, simplifyCurve, interpolateAt, accuracyDomain } from './curveData';
export type { CurvePoint } from './curveData';
export { useElementSize } from './useElementSize';

// Trust the numbers: bands, stacked shares, intervals over categories, paired shares, per-split spread.
export { CurveBands } from './CurveBands';
export { bandPath, niceTicks } from './trustScales';
export type { CurveBand } from './CurveBands';
export { StackedBars } from './StackedBars';
export type { StackedBarsProps, StackedGroup, StackedSeries } from './StackedBars';
export { WhiskerChart } from './WhiskerChart';
export type { WhiskerChartProps, WhiskerSeries } from './WhiskerChart';
export { PairedBars } from './PairedBars';
export type { PairedBarsProps, PairedRow } from './PairedBars';
export { SplitStrip } from './SplitStrip';
export type { SplitStripProps, StripRow } from './SplitStrip';
export { intervalText } from './metricColumns';
export { downloadBlob } from './export/domExport';
