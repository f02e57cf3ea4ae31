/**
 * The Routing view's cost penalty: the slider (log range over the data's breakpoints, lambda's cost
 * unit beside its value), why lambda has its value (computed by the core on the current session, so
 * never stale), what Home (lambda = 0) gives, and "set penalty for a target" with checked fields.
 */
import { useMemo, useState } from 'react';
import { CostPenaltySlider } from '../charts';
import {
  defaultPenaltyNote,
  describeTarget,
  parseTargetPercent,
  penaltyRange,
  widenPenaltyRange,
  zeroPenaltyNote,
  type TargetKind,
} from '../core/explorer';
import { useAppStore } from '../state/store';
import { resetPenaltyToDefault, setCostPenalty, setPenaltyForTarget } from '../state/liveActions';
import type { PenaltyOrigin } from '../state/slices';

/** Where lambda came from, when it was not the app's default (the default's note is the core's). */
const ORIGIN_NOTES: Record<Exclude<PenaltyOrigin, 'default' | 'user'>, string> = {
  link: 'λ comes from the link you opened.',
  import: 'λ is the operating point of the imported router file.',
  saved: 'λ is where you left it on this dataset.',
};

function PenaltyNotes() {
  const pool = useAppStore((s) => s.session.pool);
  const method = useAppStore((s) => s.routing.method);
  const lambda = useAppStore((s) => s.routing.costPenalty);
  const origin = useAppStore((s) => s.routing.penaltyOrigin);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  const note = useMemo(() => {
    if (!pool || !pool.methods[method]) return null;
    if (origin === 'default') return defaultPenaltyNote(pool, method, lambda, unit);
    return origin === 'user' ? null : ORIGIN_NOTES[origin];
  }, [pool, method, lambda, origin, unit]);
  const home = useMemo(() => (pool && pool.methods[method] ? zeroPenaltyNote(pool, method, unit) : null), [pool, method, unit]);
  return (
    <>
      {note ? (
        <div className="rl-notice rl-notice--ok" data-testid="penalty-note" data-origin={origin}>
          {note}
        </div>
      ) : null}
      <div className="rl-row rl-small rl-muted" style={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <span data-testid="penalty-home" style={{ flex: '1 1 320px' }}>
          {home}
        </span>
        {origin !== 'default' ? (
          <button className="rl-button rl-button--small" type="button" onClick={resetPenaltyToDefault} data-testid="penalty-default">
            Back to the default λ
          </button>
        ) : null}
      </div>
    </>
  );
}

export function PenaltySlider() {
  const pool = useAppStore((s) => s.session.pool);
  const method = useAppStore((s) => s.routing.method);
  const lambda = useAppStore((s) => s.routing.costPenalty);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  // The breakpoints' span once per curve; a slider move only checks that lambda lies inside it.
  const span = useMemo(() => penaltyRange(pool?.methods[method]?.points), [pool, method]);
  const range = useMemo(() => widenPenaltyRange(span, lambda), [span, lambda]);
  return (
    <div data-testid="cost-penalty" data-min={range.min} data-max={range.max} className="rl-stack" style={{ gap: 'var(--rl-space-2)' }}>
      <CostPenaltySlider value={lambda} min={range.min} max={range.max} unit={unit} onChange={setCostPenalty} id="cost-penalty-slider" />
      <PenaltyNotes />
    </div>
  );
}

export function TargetForm() {
  const pool = useAppStore((s) => s.session.pool);
  const method = useAppStore((s) => s.routing.method);
  const unit = useAppStore((s) => s.data.dataset?.costUnit ?? '');
  const [accuracy, setAccuracy] = useState('');
  const [budget, setBudget] = useState('');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const apply = (kind: TargetKind, text: string) => {
    const parsed = parseTargetPercent(kind, text);
    const view = pool?.methods[method];
    if (!parsed.ok || !pool || !view) {
      setMessage({ text: parsed.ok ? 'Train a router first.' : parsed.message, ok: false });
      return;
    }
    const choice = setPenaltyForTarget(kind, parsed.value);
    setMessage({ text: describeTarget(kind, parsed.value, choice, view.points, pool.normaliser, unit), ok: choice !== null });
  };
  return (
    <div className="rl-stack">
      <div className="rl-form-grid">
        <TargetField
          id="target-accuracy"
          label="Cheapest routing reaching accuracy (%)"
          value={accuracy}
          onChange={setAccuracy}
          onSubmit={() => apply('accuracy', accuracy)}
        />
        <TargetField
          id="target-budget"
          label="Best accuracy under cost (% of max)"
          value={budget}
          onChange={setBudget}
          onSubmit={() => apply('budget', budget)}
        />
      </div>
      {message ? (
        <div
          className={`rl-small ${message.ok ? '' : 'rl-notice rl-notice--warn'}`}
          role="status"
          data-testid="target-result"
          data-ok={message.ok}
        >
          {message.text}
        </div>
      ) : null}
    </div>
  );
}

/** One "set penalty for a target" field: a percentage and a Set λ button. Out-of-range values are refused with a message. */
function TargetField({
  id,
  label,
  value,
  onChange,
  onSubmit,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  onSubmit: () => void;
}) {
  return (
    <form
      className="rl-field"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label className="rl-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="rl-row">
        <input
          id={id}
          className="rl-input"
          type="number"
          step="any"
          min={0}
          max={100}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          style={{ width: 90 }}
          data-testid={id}
        />
        <button className="rl-button rl-button--small" type="submit" data-testid={`${id}-set`}>
          Set λ
        </button>
      </div>
    </form>
  );
}
