/** A determinate (fraction known) or indeterminate (running, fraction unknown) progress bar. */
import type { ReactNode } from 'react';
import { formatPercent } from './format';

export interface ProgressBarProps {
  /** Fraction done in [0, 1]; undefined or null for an indeterminate bar. */
  value?: number | null;
  /** Accessible name, also shown above the bar (e.g. "k-means"). */
  label: string;
  /** Secondary text at the right, e.g. "iteration 7 / 50". */
  detail?: ReactNode;
  /** Hide the visible label row (the bar keeps its accessible name). */
  compact?: boolean;
  className?: string;
}

export function ProgressBar({ value, label, detail, compact, className }: ProgressBarProps) {
  const determinate = value !== undefined && value !== null && Number.isFinite(value);
  const fraction = determinate ? Math.min(1, Math.max(0, value)) : 0;
  return (
    <div className={['rl-progress', determinate ? '' : 'rl-progress--indeterminate', className].filter(Boolean).join(' ')}>
      {compact ? null : (
        <div className="rl-progress__labels">
          <span className="rl-progress__label">{label}</span>
          <span className="rl-progress__detail">{detail ?? (determinate ? formatPercent(fraction, 0) : null)}</span>
        </div>
      )}
      <div
        className="rl-progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={determinate ? Math.round(fraction * 100) : undefined}
        aria-valuetext={determinate ? formatPercent(fraction, 0) : 'in progress'}
      >
        <div className="rl-progress__fill" style={determinate ? { width: `${fraction * 100}%` } : undefined} />
      </div>
    </div>
  );
}
