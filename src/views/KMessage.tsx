import type { ClusterCountCheck } from '../core/explorer';

/** The K field's inline message: an error outside [2, training prompts], a warning when clusters would lack validation prompts. */
export function KMessage({ check }: { check: ClusterCountCheck }) {
  const text = check.error ?? check.warning;
  return (
    <span
      id="setting-k-message"
      className={['rl-field__message', check.error ? 'is-error' : check.warning ? 'is-warn' : ''].filter(Boolean).join(' ')}
      data-testid="setting-k-message"
      data-kind={check.error ? 'error' : check.warning ? 'warning' : 'ok'}
      role={text ? 'status' : undefined}
    >
      {text ?? (check.trainPrompts > 0 ? `K: 2 to ${check.trainPrompts.toLocaleString('en-US')} (the training prompts).` : '')}
    </span>
  );
}
