/** Number and text formatting shared by the charts: tabular, readable, and '—' for missing values. */
import { formatSignificant } from '../core/explorer';

/** `v` with `sig` significant digits: the one function the core's explorer sentences also use. */
export { formatSignificant };

/** The dash shown for a missing / not-reached number (e.g. QNC when the curve never gets there). */
export const MISSING = '—';

/** Short axis-tick numbers: 1234 -> "1.23k", 2500000 -> "2.5M"; small magnitudes as formatSignificant. */
export function formatCompact(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  const abs = Math.abs(v);
  for (const [scale, suffix] of [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const) {
    if (abs >= scale) return `${formatSignificant(v / scale, 3)}${suffix}`;
  }
  return formatSignificant(v, 3);
}

/** A fixed-decimal number (metrics such as Area, AIQ), '—' when missing. */
export function formatFixed(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  return v.toFixed(digits);
}

/** A fraction in [0,1] as a percentage, e.g. 0.1234 -> "12.3%". */
export function formatPercent(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  return `${(v * 100).toFixed(digits)}%`;
}

/** A per-call cost c(h) with an optional unit, e.g. "0.0123 USD". */
export function formatCost(v: number | null | undefined, unit = ''): string {
  const text = formatSignificant(v, 3);
  return unit && text !== MISSING ? `${text} ${unit}` : text;
}

/** The readable value of the cost penalty lambda, e.g. "λ = 0.0123" (exactly "λ = 0" at the far left). */
export function formatCostPenalty(costPenalty: number): string {
  return `λ = ${formatSignificant(costPenalty, 3)}`;
}

/**
 * Untrusted prompt text made tooltip-sized: whitespace runs collapsed, cut at `maxChars` code points
 * with an ellipsis. Returned as plain text for React to escape, never as HTML.
 */
export function truncateText(text: string, maxChars = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  // Cut by code points so a surrogate pair (emoji, rare CJK) is never split in half.
  const chars = Array.from(flat);
  return chars.length <= maxChars
    ? flat
    : `${chars
        .slice(0, maxChars - 1)
        .join('')
        .trimEnd()}…`;
}

/** Tooltip text of the backend chip: which tfjs backend computes, the WebGL renderer, and a warning for software WebGL. */
export function backendDescription(backend: string | null | undefined, renderer?: string, softwareRenderer?: boolean): string {
  if (!backend) return 'tfjs is starting: the backend is not chosen yet.';
  const parts = [`tfjs computes on the ${backend} backend.`];
  if (renderer) parts.push(`WebGL renderer: ${renderer}${softwareRenderer ? ' (software)' : ''}.`);
  if (backend === 'webgl' && softwareRenderer) parts.push('A software WebGL renderer is slow; wasm is usually faster here.');
  return parts.join(' ');
}
