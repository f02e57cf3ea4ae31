/** Colours and dash styles of the routers and baselines, shared by the deferral chart and metric table. */
import { clusterColor } from './colorScale';

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray; '' for a solid line. */
  dash: string;
  /** Stroke width in px. */
  width: number;
}

/** Styles for the method ids of src/core/eval/methods.ts (MethodName); other ids get a palette colour. */
export const METHOD_STYLES: Readonly<Record<string, SeriesStyle>> = {
  oracle: { color: '#111827', dash: '2 3', width: 1.5 },
  'zero-router': { color: '#9ca3af', dash: '6 4', width: 1.5 },
  knn: { color: '#f28e2b', dash: '', width: 2 },
  'uniroute-kmeans': { color: '#2563eb', dash: '', width: 2.5 },
  'uniroute-learnedmap': { color: '#16a34a', dash: '', width: 2.5 },
};

/** The dash of an "estimated" curve (e.g. a router's own predicted accuracy rather than the measured one). */
export const ESTIMATED_DASH = '8 4';

/** Style of a curve: its explicit colour / dashed flag first, then the method table, then a stable palette colour. */
export function seriesStyle(id: string, index: number, color?: string, dashed?: boolean): SeriesStyle {
  const base = METHOD_STYLES[id] ?? { color: clusterColor(index), dash: '', width: 2 };
  return {
    color: color ?? base.color,
    dash: dashed === undefined ? base.dash : dashed ? ESTIMATED_DASH : '',
    width: base.width,
  };
}

/** Colours used for accents across charts (kept in step with the CSS variables in src/styles/app.css). */
export const ACCENT = {
  operatingPoint: '#dc2626',
  single: '#475569',
  singleNew: '#c026d3',
  train: '#2563eb',
  validation: '#f28e2b',
  grid: '#e5e7eb',
  axis: '#6b7280',
} as const;
