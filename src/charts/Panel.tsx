/** A card with a title, an actions slot and its own error boundary, so one failing panel never blanks the page. */
import { Component, useId, type ErrorInfo, type ReactNode } from 'react';

export interface PanelProps {
  /** Heading of the card (rendered as an h2 that labels the section). */
  title: ReactNode;
  /** Buttons / controls shown at the right of the header (e.g. sort, export). */
  actions?: ReactNode;
  /** Optional one-line description under the title. */
  subtitle?: ReactNode;
  children?: ReactNode;
  /** DOM id of the section (e.g. for e2e locators or in-page links). */
  id?: string;
  className?: string;
  /** When any of these values changes, a caught error is cleared and the body renders again. */
  resetKeys?: readonly unknown[];
  /** Called once per caught error (e.g. to log it). */
  onError?: (error: Error, info: ErrorInfo) => void;
}

/** Card layout + error boundary. The error message appears inside the card with a "Try again" button. */
export function Panel({ title, actions, subtitle, children, id, className, resetKeys, onError }: PanelProps) {
  const headingId = useId();
  return (
    <section id={id} className={['rl-panel', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <header className="rl-panel__header">
        <div className="rl-panel__titles">
          <h2 id={headingId} className="rl-panel__title">
            {title}
          </h2>
          {subtitle ? <p className="rl-panel__subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="rl-panel__actions">{actions}</div> : null}
      </header>
      <div className="rl-panel__body">
        <PanelErrorBoundary resetKeys={resetKeys} onError={onError}>
          {children}
        </PanelErrorBoundary>
      </div>
    </section>
  );
}

export interface PanelErrorBoundaryProps {
  children?: ReactNode;
  resetKeys?: readonly unknown[];
  onError?: (error: Error, info: ErrorInfo) => void;
}

interface BoundaryState {
  error: Error | null;
}

function sameKeys(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * The error boundary used by Panel (React only offers boundaries as class components). Usable on its
 * own around any part of a page.
 */
export class PanelErrorBoundary extends Component<PanelErrorBoundaryProps, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  componentDidUpdate(prev: PanelErrorBoundaryProps): void {
    if (this.state.error && !sameKeys(prev.resetKeys, this.props.resetKeys)) this.setState({ error: null });
  }

  private retry = () => this.setState({ error: null });

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="rl-panel__error" role="alert">
        <strong>This panel hit an error.</strong>
        <p className="rl-panel__error-message">{error.message || error.name}</p>
        <button type="button" className="rl-button rl-button--small" onClick={this.retry}>
          Try again
        </button>
      </div>
    );
  }
}
