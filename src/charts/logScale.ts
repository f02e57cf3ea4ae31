/**
 * Log-scale mapping of the cost-penalty (lambda) slider: position 0 is exactly lambda = 0 (pure quality),
 * positions 1..steps cover [min, max] evenly in log10 space.
 */

export interface LogSliderScale {
  /** Smallest positive lambda (position 1). */
  min: number;
  /** Largest lambda (position `steps`). */
  max: number;
  /** Number of positions after the exact-zero one. */
  steps: number;
}

/** The keys the slider handles itself, so the step sizes do not depend on the browser. */
export type SliderKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

/** Repairs impossible bounds once (min must be > 0, max > min, steps >= 2) instead of throwing in a render. */
export function normaliseScale(min: number, max: number, steps = 1000): LogSliderScale {
  const lo = Number.isFinite(min) && min > 0 ? min : 1e-6;
  const hi = Number.isFinite(max) && max > lo ? max : lo * 10;
  return { min: lo, max: hi, steps: Math.max(2, Math.round(Number.isFinite(steps) ? steps : 1000)) };
}

/** Slider position -> lambda. Position 0 is exactly 0. */
export function positionToValue(position: number, scale: LogSliderScale): number {
  const pos = Math.min(scale.steps, Math.max(0, Math.round(position)));
  if (pos === 0) return 0;
  if (pos === scale.steps) return scale.max; // exact, not 10^(log10(max)) with rounding noise
  const lo = Math.log10(scale.min);
  const hi = Math.log10(scale.max);
  return 10 ** (lo + ((pos - 1) / (scale.steps - 1)) * (hi - lo));
}

/** Lambda -> nearest slider position (values outside [min, max] clamp; <= 0 is position 0). */
export function valueToPosition(value: number, scale: LogSliderScale): number {
  if (!(value > 0)) return 0;
  const lo = Math.log10(scale.min);
  const hi = Math.log10(scale.max);
  const t = (Math.log10(value) - lo) / (hi - lo);
  return Math.min(scale.steps, Math.max(1, Math.round(1 + t * (scale.steps - 1))));
}

/** Keyboard step sizes in positions: arrows move 1% of the track, PageUp/PageDown 10%. */
export function keySteps(scale: LogSliderScale): { arrow: number; page: number } {
  return { arrow: Math.max(1, Math.round(scale.steps / 100)), page: Math.max(1, Math.round(scale.steps / 10)) };
}

/** New position after a key press, or null when the key is not one the slider handles. */
export function positionAfterKey(key: string, position: number, scale: LogSliderScale): number | null {
  const { arrow, page } = keySteps(scale);
  const clamp = (p: number) => Math.min(scale.steps, Math.max(0, p));
  switch (key as SliderKey) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(position + arrow);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(position - arrow);
    case 'PageUp':
      return clamp(position + page);
    case 'PageDown':
      return clamp(position - page);
    case 'Home':
      return 0;
    case 'End':
      return scale.steps;
    default:
      return null;
  }
}

/** Log-spaced tick values between min and max at whole decades (for the slider's scale labels). */
export function decadeTicks(scale: LogSliderScale): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(scale.min) - 1e-9); e <= Math.floor(Math.log10(scale.max) + 1e-9); e++) ticks.push(10 ** e);
  return ticks;
}

/**
 * Labelled positions under the track: exact 0 plus whole decades, thinned to at most `maxTicks` and
 * never closer than `minGap` (fraction of the track) to the previous label, so labels do not overlap.
 */
export function sliderTicks(scale: LogSliderScale, maxTicks = 7, minGap = 0.08): { value: number; fraction: number }[] {
  const decades = decadeTicks(scale);
  const every = Math.max(1, Math.ceil(decades.length / Math.max(1, maxTicks - 1)));
  const ticks = [{ value: 0, fraction: 0 }];
  // Thin from the top so the largest decade (the cheap end) always keeps its label.
  for (let i = decades.length - 1; i >= 0; i -= every) {
    // The exact (unrounded) position, so the label sits where that decade lies on the track.
    const t = (Math.log10(decades[i]) - Math.log10(scale.min)) / (Math.log10(scale.max) - Math.log10(scale.min));
    ticks.push({ value: decades[i], fraction: (1 + t * (scale.steps - 1)) / scale.steps });
  }
  ticks.sort((a, b) => a.fraction - b.fraction);
  const kept = [ticks[0]];
  for (const t of ticks.slice(1)) if (t.fraction - kept[kept.length - 1].fraction >= minGap) kept.push(t);
  return kept;
}

/**
 * The lower end of a log-scale cost axis: a 1-2-5 value at or below the smallest positive value
 * (at most `upper` / 1000, so a zero-cost LLM does not stretch the axis over many empty decades;
 * points below the end are drawn at it). Default 0.001 when nothing is positive.
 */
export function logAxisMin(values: readonly number[], upper = 1): number {
  let lo = Infinity;
  for (const v of values) if (Number.isFinite(v) && v > 0 && v < lo) lo = v;
  if (lo === Infinity) lo = upper / 1000;
  lo = Math.max(lo, upper / 1000);
  const e = Math.floor(Math.log10(lo) + 1e-12);
  const base = 10 ** e;
  const m = [5, 2, 1].find((k) => k * base <= lo * (1 + 1e-9)) ?? 1;
  return Number((m * base).toPrecision(12));
}

/**
 * Ticks of a log axis over [lo, hi]: 1, 2 and 5 times each power of ten when they fit in
 * `maxTicks`, else the powers of ten only (thinned to every n-th decade if still too many).
 */
export function logAxisTicks(lo: number, hi: number, maxTicks = 9): number[] {
  if (!(lo > 0) || !(hi > lo)) return [];
  const first = Math.floor(Math.log10(lo) + 1e-12);
  const last = Math.ceil(Math.log10(hi) - 1e-12);
  const within = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const fine: number[] = [];
  const decades: number[] = [];
  for (let e = first; e <= last; e++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (!within(v)) continue;
      fine.push(v);
      if (m === 1) decades.push(v);
    }
  }
  if (fine.length <= maxTicks) return fine;
  const every = Math.max(1, Math.ceil(decades.length / maxTicks));
  return decades.filter((_, i) => (decades.length - 1 - i) % every === 0);
}

/** A percentage tick label with as many decimals as a small value needs (0.2%, 0.05%, 10%). */
export function percentTickLabel(v: number): string {
  if (!Number.isFinite(v)) return '';
  const pct = v * 100;
  if (pct === 0 || Math.abs(pct) >= 1) return `${Number(pct.toFixed(Math.abs(pct) >= 10 ? 0 : 1))}%`;
  const decimals = Math.min(6, Math.ceil(-Math.log10(Math.abs(pct)) + 1e-9));
  return `${Number(pct.toFixed(decimals))}%`;
}
