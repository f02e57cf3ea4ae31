/** Accessible tabs (WAI-ARIA tabs pattern): roving focus, arrow keys / Home / End, automatic activation. */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  /** Stable id, passed to onSelect. */
  id: string;
  label: ReactNode;
  disabled?: boolean;
  /** Small trailing marker, e.g. a count or a dot for "has results". */
  badge?: ReactNode;
}

export interface TabsProps {
  tabs: readonly TabItem[];
  /** Id of the selected tab. */
  selected: string;
  onSelect: (id: string) => void;
  /** Accessible name of the tab list, e.g. "Explorer views". */
  label: string;
  /** Content of the selected tab; rendered in the tabpanel. Omit to render panels yourself (see tabPanelId). */
  children?: ReactNode;
  className?: string;
  /** Prefix for the tab / panel DOM ids; a React id by default. */
  idPrefix?: string;
}

/** DOM id of a tab button, for aria wiring when panels are rendered outside <Tabs>. */
export function tabId(prefix: string, id: string): string {
  return `${prefix}-tab-${id}`;
}

/** DOM id of a tab's panel. */
export function tabPanelId(prefix: string, id: string): string {
  return `${prefix}-panel-${id}`;
}

export function Tabs({ tabs, selected, onSelect, label, children, className, idPrefix }: TabsProps) {
  const reactId = useId();
  const prefix = idPrefix ?? `rl${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const enabled = tabs.filter((t) => !t.disabled);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = enabled.findIndex((t) => t.id === selected);
    let next = -1;
    if (event.key === 'ArrowRight') next = (current + 1) % enabled.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + enabled.length) % enabled.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = enabled.length - 1;
    if (next < 0 || enabled.length === 0) return;
    event.preventDefault();
    const id = enabled[next].id;
    onSelect(id);
    buttons.current.get(id)?.focus();
  };

  return (
    <div className={['rl-tabs', className].filter(Boolean).join(' ')}>
      <div role="tablist" aria-label={label} className="rl-tabs__list" onKeyDown={move}>
        {tabs.map((tab) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) buttons.current.set(tab.id, el);
                else buttons.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={tabId(prefix, tab.id)}
              aria-selected={isSelected}
              aria-controls={tabPanelId(prefix, tab.id)}
              tabIndex={isSelected ? 0 : -1}
              disabled={tab.disabled}
              className="rl-tabs__tab"
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
              {tab.badge !== undefined ? <span className="rl-tabs__badge">{tab.badge}</span> : null}
            </button>
          );
        })}
      </div>
      {children !== undefined ? (
        <div
          role="tabpanel"
          id={tabPanelId(prefix, selected)}
          aria-labelledby={tabId(prefix, selected)}
          className="rl-tabs__panel"
          tabIndex={0}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
