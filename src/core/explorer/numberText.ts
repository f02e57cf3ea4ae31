/** Numbers as a person reads them in the explorer's sentences (the charts format with the same function). */

/** `v` with `sig` significant digits; exponent notation only for very small or large magnitudes; '—' when missing. */
export function formatSignificant(v: number | null | undefined, sig = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  // Below 1e-4 a fixed rendering is a row of zeros; above 1e6 a row of digits.
  if (abs < 1e-4 || abs >= 1e6) return v.toExponential(sig - 1).replace('e+', 'e');
  // toPrecision keeps trailing zeros that carry precision ("0.0120"); strip them for readability.
  const text = v.toPrecision(sig);
  return text.includes('e') ? String(Number(text)) : text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** A fraction as a percentage with `digits` decimals, e.g. 0.1234 -> "12.3%". */
export function percentText(v: number, digits = 1): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : '—';
}

/** "λ = 0.00604" (exactly "λ = 0" at zero). */
export function lambdaText(costPenalty: number, sig = 3): string {
  return `λ = ${formatSignificant(costPenalty, sig)}`;
}

/** A cost with its unit when the data gives one, e.g. "3.2 USD per 1K calls". */
export function costText(cost: number, unit: string): string {
  const text = formatSignificant(cost, 3);
  return unit ? `${text} ${unit}` : text;
}

/**
 * The interval [from, to) of lambda written with the fewest significant digits (3 to 6) that keep
 * its ends apart, or null when even 6 digits cannot (a band too narrow to state usefully).
 */
export function lambdaIntervalText(from: number, to: number): string | null {
  for (let sig = 3; sig <= 6; sig++) {
    const a = formatSignificant(from, sig);
    if (to === Infinity) return from === 0 ? 'every λ' : `every λ from ${a} up`;
    const b = formatSignificant(to, sig);
    if (a !== b) return from === 0 ? `every λ below ${b}` : `every λ from ${a} to just under ${b}`;
  }
  return null;
}
