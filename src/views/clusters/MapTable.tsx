/**
 * The prompt map as a table (its accessible alternative): the highlighted prompts, or all of them,
 * a page at a time, with their map coordinates and colour category. One tab stop; arrow keys move
 * between rows and Enter focuses a prompt (its neighbours appear beside).
 */
import { useState } from 'react';
import { truncateText, useRovingList, type PromptMapLabels } from '../../charts';
import { useAppStore } from '../../state/store';
import { focusPrompt } from '../../state/mapActions';

const PAGE = 100;

export interface MapTableProps {
  coords: Float32Array;
  category: Int32Array;
  categoryLabel: (c: number) => string;
  noneLabel: string;
  /** Rows shown (null: every prompt). */
  rows: Int32Array | null;
  labels: PromptMapLabels;
  projection: string;
}

export function MapTable({ coords, category, categoryLabel, noneLabel, rows, labels, projection }: MapTableProps) {
  const prompts = useAppStore((s) => s.data.dataset?.prompts);
  const focus = useAppStore((s) => s.map.focus);
  const [page, setPage] = useState(0);
  const total = rows ? rows.length : coords.length / 2;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = Array.from({ length: Math.min(PAGE, total - current * PAGE) }, (_, j) =>
    rows ? rows[current * PAGE + j] : current * PAGE + j,
  );
  const roving = useRovingList(shown.length, (i) => void focusPrompt(shown[i]));
  if (!prompts) return null;
  return (
    <div data-testid="map-table">
      <div className="rl-map-toolbar">
        <span className="rl-small">
          {rows ? 'Highlighted prompts' : 'All prompts'} {(current * PAGE + 1).toLocaleString()}–
          {(current * PAGE + shown.length).toLocaleString()} of {total.toLocaleString()}
        </span>
        <button type="button" className="rl-button rl-button--small" disabled={current === 0} onClick={() => setPage(current - 1)}>
          Previous page
        </button>
        <button type="button" className="rl-button rl-button--small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          Next page
        </button>
      </div>
      <div className="rl-table-scroll" style={{ maxHeight: 480 }}>
        <table className="rl-table rl-map-table" role="grid" aria-label={`Prompts on the ${projection} map`}>
          <thead>
            <tr>
              <th scope="col">Prompt</th>
              <th scope="col">Colour</th>
              <th scope="col">Details</th>
              <th scope="col" className="rl-num">
                x
              </th>
              <th scope="col" className="rl-num">
                y
              </th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody onKeyDown={roving.onKeyDown}>
            {shown.map((r, i) => (
              <tr
                key={r}
                aria-selected={focus === r}
                className={focus === r ? 'rl-row--highlight' : undefined}
                onClick={() => void focusPrompt(r)}
                {...roving.rowProps(i)}
              >
                <th scope="row">{prompts[r].id}</th>
                <td>{category[r] >= 0 ? categoryLabel(category[r]) : noneLabel}</td>
                <td className="rl-small">{labels.describe(r)}</td>
                <td className="rl-num">{coords[2 * r].toFixed(2)}</td>
                <td className="rl-num">{coords[2 * r + 1].toFixed(2)}</td>
                <td className="rl-small">{truncateText(prompts[r].text, 120)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
