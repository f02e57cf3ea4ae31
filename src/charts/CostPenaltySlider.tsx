/**
 * The cost-penalty (lambda) slider: log scale between min and max with an exact 0 at the far left,
 * keyboard operable (arrows 1%, PageUp/PageDown 10%, Home = 0, End = max), onChange while dragging.
 */
import { useId, useMemo, type ChangeEvent, type KeyboardEvent } from 'react';
import { formatCostPenalty, formatSignificant } from './format';
import { normaliseScale, positionAfterKey, positionToValue, sliderTicks, valueToPosition } from './logScale';

export interface CostPenaltySliderProps {
  /** Current lambda (>= 0). A value between grid positions is shown exactly and the thumb snaps near it. */
  value: number;
  /** Smallest positive lambda on the track (position 1). */
  min: number;
  /** Largest lambda (far right). */
  max: number;
  /** Called continuously while dragging and on every key press. */
  onChange: (costPenalty: number) => void;
  /** Called when a drag ends (pointer up) or after a key press: e.g. to persist the setting. */
  onCommit?: (costPenalty: number) => void;
  /** Positions after the exact-zero one (default 1000). */
  steps?: number;
  /** Visible label (default "Cost penalty λ"). */
  label?: string;
  /** Unit of the costs lambda multiplies, shown next to its value ('' when the data gives none). */
  unit?: string;
  /** Show decade tick labels under the track (default true). */
  showTicks?: boolean;
  disabled?: boolean;
  id?: string;
  className?: string;
}

export function CostPenaltySlider({
  value,
  min,
  max,
  onChange,
  onCommit,
  steps = 1000,
  label = 'Cost penalty λ',
  unit,
  showTicks = true,
  disabled,
  id,
  className,
}: CostPenaltySliderProps) {
  const autoId = useId();
  const inputId = id ?? `rl-lambda-${autoId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const scale = useMemo(() => normaliseScale(min, max, steps), [min, max, steps]);
  const position = valueToPosition(value, scale);
  const ticks = useMemo(() => sliderTicks(scale), [scale]);

  const handleInput = (event: ChangeEvent<HTMLInputElement>) => onChange(positionToValue(Number(event.target.value), scale));

  const handleKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const next = positionAfterKey(event.key, position, scale);
    if (next === null) return;
    // Handled here so step sizes are the same in every browser (native PageUp steps vary).
    event.preventDefault();
    if (next === position) return;
    const v = positionToValue(next, scale);
    onChange(v);
    onCommit?.(v);
  };

  const commit = () => onCommit?.(value);
  const readable = formatCostPenalty(value);
  const unitText = unit === undefined ? null : unit ? `costs in ${unit}` : 'the data gives no cost unit';

  return (
    <div className={['rl-slider', className].filter(Boolean).join(' ')}>
      <div className="rl-slider__top">
        <label htmlFor={inputId} className="rl-slider__label">
          {label}
        </label>
        <span className="rl-slider__reading">
          <output htmlFor={inputId} className="rl-slider__value" aria-live="off">
            {readable}
          </output>
          {unitText ? (
            <span className="rl-slider__unit" data-testid="penalty-unit">
              {unitText}
            </span>
          ) : null}
        </span>
      </div>
      <input
        id={inputId}
        className="rl-slider__input"
        type="range"
        min={0}
        max={scale.steps}
        step={1}
        value={position}
        disabled={disabled}
        aria-valuetext={unitText ? `${readable}, ${unitText}` : readable}
        onChange={handleInput}
        onKeyDown={handleKey}
        onPointerUp={commit}
      />
      {showTicks ? (
        <div className="rl-slider__ticks" aria-hidden="true">
          {ticks.map((t) => (
            <span
              key={t.fraction}
              className="rl-slider__tick"
              // The thumb centre travels over (100% - thumb width), offset by half a thumb.
              style={{ left: `calc(${t.fraction * 100}% + ${0.5 - t.fraction} * var(--rl-thumb-size, 14px))` }}
            >
              {t.value === 0 ? '0' : formatSignificant(t.value, 1)}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
