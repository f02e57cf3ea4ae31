/**
 * One tab stop for a whole list or grid of rows (WAI-ARIA roving tabindex): the active row has
 * tabIndex 0 and the rest -1; arrow keys, Home / End and Page Up / Down move it, Enter or Space
 * activates it. So a list of 200 prompts or clusters costs a keyboard user one Tab, not 200.
 */
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

export interface RovingList {
  /** Index of the row that holds the tab stop. */
  active: number;
  setActive: (index: number) => void;
  /** Put on the container: moves the active row and focuses it. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** Props of row `index`: tabIndex and a ref used to move focus. */
  rowProps: (index: number) => { tabIndex: 0 | -1; ref: (el: HTMLElement | null) => void; onFocus: () => void };
}

/**
 * Where a key moves the active row in a list of `count` rows (null: not a navigation key). With no
 * row active yet (`active` < 0) the arrows start at the first row.
 */
export function rovingTarget(key: string, active: number, count: number, page = 10): number | null {
  if (count <= 0) return null;
  if (active < 0 && (key === 'ArrowDown' || key === 'ArrowUp')) return 0;
  active = Math.max(0, active);
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, active + 1);
    case 'ArrowUp':
      return Math.max(0, active - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, active + page);
    case 'PageUp':
      return Math.max(0, active - page);
    default:
      return null;
  }
}

export function useRovingList(count: number, onActivate?: (index: number) => void): RovingList {
  const [wanted, setActive] = useState(0);
  // A list that shrank keeps its tab stop on its last row.
  const active = Math.max(0, Math.min(wanted, count - 1));
  const rows = useRef<(HTMLElement | null)[]>([]);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const next = rovingTarget(event.key, active, count);
      if (next !== null) {
        event.preventDefault();
        setActive(next);
        rows.current[next]?.focus();
      } else if ((event.key === 'Enter' || event.key === ' ') && count > 0) {
        event.preventDefault();
        onActivate?.(active);
      }
    },
    [active, count, onActivate],
  );
  const rowProps = useCallback(
    (index: number) => ({
      tabIndex: (index === active ? 0 : -1) as 0 | -1,
      ref: (el: HTMLElement | null) => {
        rows.current[index] = el;
      },
      onFocus: () => setActive(index),
    }),
    [active],
  );
  return { active, setActive, onKeyDown, rowProps };
}
