/**
 * A list of test prompts that is one tab stop: arrow keys move the selection (Home / End, Page Up /
 * Page Down by ten), a click picks a prompt, and the selected option stays scrolled into view. The
 * ARIA listbox pattern with aria-activedescendant, so focus never leaves the list.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { rovingTarget } from '../charts';

export interface PromptListboxProps {
  /** Test-prompt rows listed, in order. */
  rows: readonly number[];
  /** The selected row (it may be filtered out of `rows`). */
  selected: number | null;
  onSelect: (row: number) => void;
  /** The option's content (text only: prompt text is untrusted). */
  render: (row: number) => ReactNode;
  label: string;
  maxHeight?: number;
}

export function PromptListbox({ rows, selected, onSelect, render, label, maxHeight = 320 }: PromptListboxProps) {
  const base = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const list = useRef<HTMLDivElement | null>(null);
  const index = selected === null ? -1 : rows.indexOf(selected);
  const optionId = (r: number) => `${base}-opt-${r}`;
  useEffect(() => {
    if (index < 0) return;
    const el = list.current?.querySelector<HTMLElement>(`#${CSS.escape(optionId(rows[index]))}`);
    el?.scrollIntoView?.({ block: 'nearest' });
    // optionId depends on base only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, rows]);
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = rovingTarget(event.key, index, rows.length);
    if (next === null) return;
    event.preventDefault();
    if (next !== index) onSelect(rows[next]);
  };
  return (
    <div
      ref={list}
      className="rl-listbox"
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={index >= 0 ? optionId(rows[index]) : undefined}
      onKeyDown={onKey}
      style={{ maxHeight }}
      data-testid="prompt-listbox"
    >
      {rows.map((r) => (
        <div
          key={r}
          id={optionId(r)}
          role="option"
          aria-selected={r === selected}
          className={['rl-listbox__option', r === selected ? 'is-selected' : ''].filter(Boolean).join(' ')}
          onClick={() => onSelect(r)}
          data-testid="test-prompt"
          data-row={r}
        >
          {render(r)}
        </div>
      ))}
    </div>
  );
}
