/**
 * The frame every chart sits in: an accessible name (a figure labelled by the chart's title), a
 * toolbar with the chart's own controls, Save SVG / Save PNG, and "Show as table", the same data as
 * a table for screen readers and for copying numbers.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { downloadBlob, fileSlug, serializeSvg, svgToPng } from './export/domExport';
import type { LegendEntry, SvgImage } from './export/svgText';

export interface ChartFrameProps {
  /** The chart's name: the figure's accessible name, the exported image's title and file name. */
  title: string;
  /** Chart-specific controls shown before the export buttons (e.g. the cost axis scale). */
  toolbar?: ReactNode;
  /** The chart as a vector image; default: the chart's SVG (recharts) serialised with the legend below. */
  toSvg?: () => SvgImage | null;
  /** Legend of the default SVG export. */
  legend?: readonly LegendEntry[];
  /** The data as a table (rendered only while shown). */
  table: () => ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

export function ChartFrame({ title, toolbar, toSvg, legend, table, children, className, testId }: ChartFrameProps) {
  const body = useRef<HTMLDivElement | null>(null);
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const image = (): SvgImage | null => {
    if (toSvg) return toSvg();
    const svg = body.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    return svg ? serializeSvg(svg, title, legend) : null;
  };
  const save = async (kind: 'svg' | 'png') => {
    setError(null);
    try {
      const img = image();
      if (!img) throw new Error('nothing is drawn yet');
      const blob = kind === 'svg' ? new Blob([img.text], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(img);
      downloadBlob(`routelab-${fileSlug(title)}.${kind}`, blob);
    } catch (e) {
      setError(`Could not save the ${kind.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <figure className={['rl-chart', className].filter(Boolean).join(' ')} aria-label={title} data-testid={testId}>
      <div className="rl-chart__toolbar" role="toolbar" aria-label={`${title}: view and export`}>
        {toolbar}
        <span className="rl-chart__spacer" />
        <button type="button" className="rl-button rl-button--small" onClick={() => void save('svg')} data-export-kind="svg">
          Save SVG
        </button>
        <button type="button" className="rl-button rl-button--small" onClick={() => void save('png')} data-export-kind="png">
          Save PNG
        </button>
        <button
          type="button"
          className="rl-button rl-button--small"
          aria-pressed={showTable}
          aria-controls={showTable ? tableId : undefined}
          onClick={() => setShowTable((v) => !v)}
          data-chart-table-toggle=""
        >
          {showTable ? 'Hide table' : 'Show as table'}
        </button>
      </div>
      {error ? (
        <div className="rl-notice rl-notice--error rl-small" role="alert">
          {error}
        </div>
      ) : null}
      <div ref={body}>{children}</div>
      {showTable ? (
        <div id={tableId} className="rl-chart__table rl-table-scroll" data-chart-table="">
          {table()}
        </div>
      ) : null}
    </figure>
  );
}
