/**
 * Per-prompt explanation: pick a test prompt (filtered by text or by the selected cluster) and see
 * every LLM's predicted error gamma(x,h), its cost penalty lambda c(h), the total, and the winner.
 * Prompt text is untrusted and rendered as React text only.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { formatCost, formatPercent, formatSignificant, truncateText } from '../charts';
import { explainPrompt } from '../core/explorer';
import { useAppStore } from '../state/store';
import { selectRow } from '../state/liveActions';
import { PromptListbox } from './PromptListbox';
import { useSettled } from './useSettled';

const MAX_LISTED = 200;

function PromptPicker() {
  const base = useAppStore((s) => s.session.base);
  const prompts = useAppStore((s) => s.data.dataset?.prompts);
  const cluster = useAppStore((s) => s.ui.selectedCluster);
  const row = useAppStore((s) => s.routing.selectedRow);
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim().toLowerCase());
  const rows = useMemo(() => {
    if (!base || !prompts) return [];
    const out: number[] = [];
    for (let r = 0; r < base.testRows.length && out.length < MAX_LISTED; r++) {
      if (cluster !== null && base.testClusters[r] !== cluster) continue;
      const p = prompts[base.testRows[r]];
      if (q && !p.text.toLowerCase().includes(q) && !p.id.toLowerCase().includes(q)) continue;
      out.push(r);
    }
    return out;
  }, [base, prompts, cluster, q]);
  if (!base || !prompts) return null;
  return (
    <div className="rl-stack">
      <input
        className="rl-input"
        type="search"
        placeholder="Filter test prompts by text or id"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label="Filter test prompts"
      />
      <div className="rl-small rl-muted">
        {cluster !== null ? `Cluster #${cluster} only. ` : ''}
        {rows.length === MAX_LISTED ? `First ${MAX_LISTED} matches` : `${rows.length} match${rows.length === 1 ? '' : 'es'}`}
      </div>
      <PromptListbox
        rows={rows}
        selected={row}
        onSelect={selectRow}
        label="Test prompts (arrow keys move, the selected prompt is explained)"
        render={(r) => {
          const p = prompts[base.testRows[r]];
          return (
            <>
              <span className="rl-muted">
                {p.task ? `${p.task} · ` : ''}#{base.testClusters[r]} ·{' '}
              </span>
              {truncateText(p.text, 110)}
            </>
          );
        }}
      />
    </div>
  );
}

function Explanation() {
  const pool = useAppStore((s) => s.session.pool);
  const base = useAppStore((s) => s.session.base);
  const prompts = useAppStore((s) => s.data.dataset?.prompts);
  const method = useAppStore((s) => s.routing.method);
  const row = useAppStore((s) => s.routing.selectedRow);
  // Below the slider: it follows λ once the slider rests (useSettled.ts), not at every step of a drag.
  const lambda = useSettled(useAppStore((s) => s.routing.costPenalty));
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  const explained = useMemo(
    () => (pool && row !== null && row < pool.n && pool.methods[method] ? explainPrompt(pool, method, row, lambda) : null),
    [pool, method, row, lambda],
  );
  if (!explained || !base || !prompts) return <p className="rl-muted">Pick a test prompt.</p>;
  const prompt = prompts[base.testRows[explained.row]];
  const order = explained.models.map((_, h) => h).sort((a, b) => explained.models[a].total - explained.models[b].total);
  return (
    <div className="rl-stack">
      <blockquote
        className="rl-notice"
        style={{ margin: 0, whiteSpace: 'pre-wrap', maxHeight: 140, overflow: 'auto' }}
        data-testid="explained-prompt"
      >
        {truncateText(prompt.text, 1200)}
      </blockquote>
      <div className="rl-small rl-muted">
        {prompt.id}
        {prompt.task ? ` · task ${prompt.task}` : ''} · cluster #{base.testClusters[explained.row]} · routed to{' '}
        <strong data-testid="explained-winner">{explained.models[explained.winner].name}</strong>
      </div>
      <div className="rl-table-scroll">
        <table className="rl-table" data-testid="explain-table">
          <thead>
            <tr>
              <th scope="col">LLM</th>
              <th scope="col" className="rl-num" title="gamma(x, h): predicted probability that the LLM errs on this prompt">
                Error γ
              </th>
              <th scope="col" className="rl-num" title={unit ? `c(h) in ${unit}` : 'c(h)'}>
                Cost
              </th>
              <th scope="col" className="rl-num" title="Cost penalty: lambda x c(h)">
                λ·c
              </th>
              <th scope="col" className="rl-num">
                Total
              </th>
              <th scope="col" className="rl-num" title="The LLM's true score on this prompt (unknown for an added LLM without test scores)">
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {order.map((h) => {
              const m = explained.models[h];
              return (
                <tr key={m.name} className={m.winner ? 'rl-row--highlight' : undefined}>
                  <th scope="row">
                    {m.name} {m.winner ? <span className="rl-tag">winner</span> : null}
                    {pool?.added[h] ? <span className="rl-tag">new</span> : null}
                  </th>
                  <td className="rl-num">{Number.isNaN(m.predictedError) ? '—' : formatPercent(m.predictedError, 1)}</td>
                  <td className="rl-num">{formatCost(m.cost)}</td>
                  <td className="rl-num">{formatSignificant(m.penalty, 3)}</td>
                  <td className="rl-num">{Number.isFinite(m.total) ? m.total.toFixed(4) : '∞'}</td>
                  <td className="rl-num">{Number.isNaN(m.trueScore) ? 'unknown' : formatSignificant(m.trueScore, 3)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function PromptExplain() {
  return (
    <div className="rl-grid">
      <PromptPicker />
      <Explanation />
    </div>
  );
}
