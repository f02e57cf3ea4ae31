/**
 * Beside the prompt map: the box or lasso selection's task mix and per-LLM accuracy, and the
 * focused prompt with its nearest neighbours in embedding space (one tab stop, arrow keys).
 * Prompt text is rendered as React text, never as HTML.
 */
import { formatPercent, truncateText, useRovingList } from '../../charts';
import { useAppStore } from '../../state/store';
import { focusPrompt, NEIGHBOURS } from '../../state/mapActions';
import { selectSelectionSummary } from '../../state/mapSelectors';

export function SelectionSummaryPanel() {
  const summary = useAppStore(selectSelectionSummary);
  if (!summary) return null;
  const models = [...summary.models].sort((a, b) => (b.accuracy || -1) - (a.accuracy || -1));
  return (
    <section aria-label="Selection" data-testid="map-selection">
      <h3>
        Selection: {summary.count.toLocaleString()} prompt{summary.count === 1 ? '' : 's'}
      </h3>
      <p className="rl-small rl-muted">Task mix</p>
      <ul className="rl-small" data-testid="map-selection-tasks">
        {summary.tasks.slice(0, 8).map((t) => (
          <li key={t.task}>
            {t.task}: {t.count.toLocaleString()} ({formatPercent(t.count / Math.max(1, summary.count), 0)})
          </li>
        ))}
        {summary.tasks.length > 8 ? <li>… {summary.tasks.length - 8} more tasks</li> : null}
      </ul>
      <div className="rl-table-scroll" style={{ maxHeight: 220 }}>
        <table className="rl-table" data-testid="map-selection-models">
          <caption className="rl-visually-hidden">Accuracy of each LLM on the selected prompts</caption>
          <thead>
            <tr>
              <th scope="col">LLM</th>
              <th scope="col" className="rl-num">
                Accuracy
              </th>
              <th scope="col" className="rl-num" title="Selected prompts the LLM has a score for">
                Scored
              </th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.name}>
                <th scope="row">{m.name}</th>
                <td className="rl-num">{m.scored > 0 ? formatPercent(m.accuracy, 1) : '—'}</td>
                <td className="rl-num">{m.scored.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function FocusedPromptPanel({ describe }: { describe: (row: number) => string }) {
  const focus = useAppStore((s) => s.map.focus);
  const neighbours = useAppStore((s) => s.map.neighbours);
  const error = useAppStore((s) => s.map.neighboursError);
  const prompts = useAppStore((s) => s.data.dataset?.prompts);
  const rows = neighbours && neighbours.row === focus ? Array.from(neighbours.rows) : [];
  const roving = useRovingList(rows.length, (i) => void focusPrompt(rows[i]));
  if (focus === null || !prompts?.[focus]) return null;
  const p = prompts[focus];
  return (
    <section aria-label="Focused prompt" data-testid="map-focus">
      <h3>
        Prompt {p.id}{' '}
        <button type="button" className="rl-button rl-button--small" onClick={() => void focusPrompt(null)}>
          Clear
        </button>
      </h3>
      <p className="rl-small rl-muted">{describe(focus)}</p>
      <p className="rl-map-prompt">{truncateText(p.text, 600)}</p>
      <h3>Nearest {NEIGHBOURS} prompts in embedding space</h3>
      {error ? <p className="rl-small">Could not find the neighbours: {error}</p> : null}
      {!neighbours && !error ? <p className="rl-small rl-muted">Finding neighbours…</p> : null}
      {rows.length ? (
        <ul
          className="rl-neighbours"
          role="listbox"
          aria-label={`Nearest prompts to ${p.id}`}
          onKeyDown={roving.onKeyDown}
          data-testid="map-neighbours"
        >
          {rows.map((r, i) => (
            <li key={r} role="option" aria-selected={false} onClick={() => void focusPrompt(r)} {...roving.rowProps(i)}>
              <span className="rl-muted">
                distance {neighbours!.distances[i].toFixed(3)} · {describe(r)}
              </span>
              <br />
              {truncateText(prompts[r].text, 140)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
